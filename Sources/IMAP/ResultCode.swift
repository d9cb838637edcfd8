import Foundation
import CEtpan

/// The one place where libetpan's result codes become ``IMAPError`` values.
struct ResultCode {
    let value: Int32

    init(_ value: Int32) { self.value = value }

    var isSuccess: Bool {
        value == Int32(MAILIMAP_NO_ERROR) || value == Int32(MAILIMAP_NO_ERROR_AUTHENTICATED)
            || value == Int32(MAILIMAP_NO_ERROR_NON_AUTHENTICATED)
    }

    /// The error for a failed `command` (phrased as a verb: "select INBOX"); `response` is the
    /// server's last response text, if any.
    func error(command: String, server: String, response: String?) -> IMAPError {
        let text = Self.clean(response)
        switch Int(value) {
        case Int(MAILIMAP_ERROR_STREAM):
            return .connectionLost(server: server, during: command)
        case Int(MAILIMAP_ERROR_CONNECTION_REFUSED):
            return .unreachable(server: server, reason: "connection refused, host unreachable or unknown")
        case Int(MAILIMAP_ERROR_SSL):
            return .tlsFailed(server: server, reason: "the TLS handshake failed (is the port a TLS port?)")
        case Int(MAILIMAP_ERROR_STARTTLS):
            return .tlsFailed(server: server, reason: "the server refused STARTTLS")
        case Int(MAILIMAP_ERROR_LOGIN):
            return .loginRefused(server: server, user: "", response: text)
        case Int(MAILIMAP_ERROR_PARSE):
            return .protocolError(command: command, detail: "the response could not be parsed")
        case Int(MAILIMAP_ERROR_BAD_STATE):
            return .protocolError(command: command, detail: "the connection is not in the right state")
        case Int(MAILIMAP_ERROR_MEMORY):
            return .protocolError(command: command, detail: "out of memory")
        case Int(MAILIMAP_ERROR_FATAL), Int(MAILIMAP_ERROR_DONT_ACCEPT_CONNECTION):
            return .unreachable(server: server, reason: "the server does not accept connections" + (text.isEmpty ? "" : " (\(text))"))
        case Int(MAILIMAP_ERROR_PROTOCOL):
            return .protocolError(command: command, detail: "protocol error" + (text.isEmpty ? "" : ": \(text)"))
        default:
            return .commandFailed(command: command, response: text)
        }
    }

    /// Server text, trimmed and shortened; never holds a password (servers do not echo it).
    static func clean(_ response: String?) -> String {
        let trimmed = (response ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}
