/// Why talking to an IMAP server failed, phrased so the person can act on it.
///
/// Messages read "cannot <verb> <object>: <reason>". Passwords never appear in them.
public enum IMAPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No TCP connection: refused, unreachable, unknown host or timed out.
    case unreachable(server: String, reason: String)
    /// The server's certificate failed verification; `fingerprint` is its SHA-256, to pin it.
    case certificateRefused(server: String, reason: String, fingerprint: String)
    /// TLS could not be set up (handshake failure, STARTTLS refused or not offered).
    case tlsFailed(server: String, reason: String)
    /// The server refused the user name or password.
    case loginRefused(server: String, user: String, response: String)
    /// The connection broke (server stopped, network gone, timeout) during `during`.
    case connectionLost(server: String, during: String)
    /// The server answered NO or BAD to a command.
    case commandFailed(command: String, response: String)
    /// The server's answer could not be understood.
    case protocolError(command: String, detail: String)
    /// The configuration asks for something unsafe or impossible.
    case refused(String)
    /// The work was cancelled (shutdown).
    case cancelled

    public var description: String {
        switch self {
        case .unreachable(let server, let reason):
            "cannot connect to \(server): \(reason) (check the host name and port, and that the server is up)"
        case .certificateRefused(let server, let reason, let fingerprint):
            "cannot trust the certificate of \(server): \(reason). If you know this server and its certificate, "
                + "pin it with --fingerprint \(fingerprint) (or `fingerprint: \(fingerprint)` in the account), "
                + "or name the CA that signed it with --ca-file"
        case .tlsFailed(let server, let reason):
            "cannot set up TLS with \(server): \(reason)"
        case .loginRefused(let server, let user, let response):
            "cannot log in to \(server) as \(user): the server refused the user name or password"
                + (response.isEmpty ? "" : " (\(response))")
        case .connectionLost(let server, let during):
            "cannot \(during) on \(server): the connection was lost (server stopped or network down)"
        case .commandFailed(let command, let response):
            "cannot \(command): the server answered \(response.isEmpty ? "NO" : "\"\(response)\"")"
        case .protocolError(let command, let detail):
            "cannot \(command): unexpected answer from the server (\(detail))"
        case .refused(let reason):
            reason
        case .cancelled:
            "cannot go on: stopped"
        }
    }

    /// Errors that a later attempt may not meet (network, server restart); the daemon retries
    /// them with backoff. Login and certificate refusals need the person's attention.
    public var isTransient: Bool {
        switch self {
        case .unreachable, .connectionLost, .tlsFailed, .protocolError: true
        case .certificateRefused, .loginRefused, .commandFailed, .refused, .cancelled: false
        }
    }

    /// The kind of failure, for exit codes and status reports.
    public var kind: Kind {
        switch self {
        case .unreachable, .connectionLost: .unreachable
        case .certificateRefused, .tlsFailed: .certificate
        case .loginRefused: .login
        case .commandFailed, .protocolError, .refused, .cancelled: .other
        }
    }

    /// Broad kinds of failure.
    public enum Kind: Sendable, Hashable {
        case unreachable, certificate, login, other
    }
}
