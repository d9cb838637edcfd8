/// A problem in the config file, located as `file:line:col` when it concerns one place.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
}

/// Why the configuration could not be read, changed or used; "cannot <verb> <object>: <reason>".
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has mistakes: every one found.
    case invalid(path: String, problems: [ConfigProblem])
    /// The file cannot be read or written.
    case io(path: String, reason: String)
    /// No account by that name.
    case unknownAccount(String, known: [String])
    /// An account by that name already exists.
    case duplicateAccount(String)
    /// The password could not be obtained.
    case password(account: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let path, let problems):
            "cannot load the config \(path): \(problems.count) problem\(problems.count == 1 ? "" : "s")\n"
                + problems.map(\.description).joined(separator: "\n")
        case .io(let path, let reason):
            "cannot use the config \(path): \(reason)"
        case .unknownAccount(let name, let known):
            "cannot find the account '\(name)': "
                + (known.isEmpty ? "no account is configured (add one with `mailroom accounts add`)" : "the accounts are \(known.joined(separator: ", "))")
        case .duplicateAccount(let name):
            "cannot add the account '\(name)': an account with that name exists (remove it first)"
        case .password(let account, let reason):
            "cannot get the password of the account '\(account)': \(reason)"
        }
    }
}
