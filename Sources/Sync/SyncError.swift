import Config
import IMAP
import Store

/// Why a sync could not run; messages read "cannot <verb> <object>: <reason>".
public enum SyncError: Error, Sendable, CustomStringConvertible {
    case config(ConfigError)
    case imap(IMAPError)
    case store(StoreError)
    /// The analysis pipeline could not be set up (the rules do not load): its message.
    case analyzer(String)
    /// The config names no account (or not the one asked for).
    case noAccounts(configPath: String)
    /// `--mailbox` names a mailbox the account does not have.
    case unknownMailbox(account: String, name: String, known: [String])

    public var description: String {
        switch self {
        case .config(let error): error.description
        case .imap(let error): error.description
        case .store(let error): error.description
        case .analyzer(let message): message
        case .noAccounts(let path):
            "cannot sync: no account is configured in \(path) (add one with `mailroom accounts add NAME --host H --user U --password-command CMD`)"
        case .unknownMailbox(let account, let name, let known):
            "cannot sync the mailbox '\(name)' of \(account): it does not exist (mailboxes: \(known.joined(separator: ", ")))"
        }
    }

    /// The kind of failure, for exit codes.
    public var kind: IMAPError.Kind {
        if case .imap(let error) = self { return error.kind }
        return .other
    }

    /// Whether trying again later may work (network trouble, server restart).
    public var isTransient: Bool {
        if case .imap(let error) = self { return error.isTransient }
        return false
    }
}
