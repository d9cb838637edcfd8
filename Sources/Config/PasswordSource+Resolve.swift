import Foundation

extension PasswordSource {
    /// The password: the first line a command prints, an environment variable, or the literal.
    /// Errors never include the command's output.
    public func resolve(account: String, environment: [String: String]) throws(ConfigError) -> String {
        switch self {
        case .literal(let password):
            return password
        case .environment(let variable):
            guard let value = environment[variable], !value.isEmpty else {
                throw .password(account: account, reason: "the environment variable \(variable) is not set")
            }
            return value
        case .command(let command):
            return try Self.run(command, account: account, environment: environment)
        }
    }

    private static func run(_ command: String, account: String, environment: [String: String]) throws(ConfigError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .password(account: account, reason: "password_command cannot be started (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .password(account: account, reason: "password_command exited with status \(process.terminationStatus)")
        }
        let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
        let password = firstLine.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) } ?? ""
        guard !password.isEmpty else { throw .password(account: account, reason: "password_command printed nothing") }
        return password
    }
}
