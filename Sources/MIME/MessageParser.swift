import Foundation

/// Parses RFC 5322 messages into ``Message`` values.
public enum MessageParser {
    /// Parses one message. Never fails: malformed input yields a best-effort message with warnings.
    public static func parse(_ data: Data) -> Message {
        // Placeholder until the libetpan-based parser lands: records the size only.
        Message(size: data.count, warnings: [ParseWarning(code: "not-parsed", detail: "parser not built yet")])
    }
}
