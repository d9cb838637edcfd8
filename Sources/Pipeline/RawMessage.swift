import Foundation

/// The bytes of one message and where they were read from.
public struct RawMessage: Sendable {
    /// The file the message was read from, as given (relative paths stay relative).
    public var path: String
    /// The message's index inside an mbox file; 0 for single-message files.
    public var position: Int
    public var data: Data

    public init(path: String, position: Int, data: Data) {
        self.path = path
        self.position = position
        self.data = data
    }
}
