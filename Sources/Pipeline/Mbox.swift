import Foundation

/// Splits an mbox file into messages (mboxo and mboxrd, as described in RFC 4155).
///
/// A message starts at a line beginning with `From ` that opens the file or follows an empty
/// line. The separator line is dropped and mboxrd quoting is undone (`>From ` → `From `,
/// `>>From ` → `>From `).
public enum Mbox {
    /// Whether `data` looks like an mbox file: it opens with a `From ` separator line.
    public static func looksLikeMbox(_ data: Data) -> Bool {
        data.starts(with: fromPrefix)
    }

    /// The messages of the mbox in `data`, in file order.
    public static func split(_ data: Data) -> [Data] {
        var splitter = Splitter()
        splitter.append(ArraySlice(data))
        splitter.finish()
        var messages: [Data] = []
        while let message = splitter.next() { messages.append(message) }
        return messages
    }

    /// Splits an mbox given in pieces (as it is read), keeping only the message being read and
    /// the lines not yet examined.
    struct Splitter {
        private var buffer: [UInt8] = []
        /// The next line to examine, in `buffer`.
        private var lineStart = 0
        /// Where the current message starts, in `buffer`.
        private var messageStart: Int?
        private var previousLineEmpty = true
        /// No more bytes will come.
        private var ended = false
        /// Every message was returned.
        private(set) var isFinished = false

        mutating func append(_ bytes: ArraySlice<UInt8>) {
            let keep = min(messageStart ?? lineStart, lineStart)
            if keep > 0 {
                buffer.removeFirst(keep)
                lineStart -= keep
                messageStart = messageStart.map { $0 - keep }
            }
            buffer.append(contentsOf: bytes)
        }

        mutating func finish() { ended = true }

        /// The next whole message; `nil` when more bytes are needed or every message was returned
        /// (`isFinished`).
        mutating func next() -> Data? {
            guard !isFinished else { return nil }
            var (lineStart, messageStart, previousLineEmpty) = (self.lineStart, self.messageStart, self.previousLineEmpty)
            let ended = self.ended
            // nil: more bytes needed; .some(nil): the end; .some(message).
            let step: Data?? = buffer.withUnsafeBufferPointer { bytes in
                while true {
                    let lineEnd: Int
                    if lineStart < bytes.count, let base = bytes.baseAddress,
                        let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
                    {
                        lineEnd = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                    } else if !ended {
                        return nil
                    } else if lineStart < bytes.count {
                        lineEnd = bytes.count  // a last line without a line feed
                    } else {
                        guard let start = messageStart, start < bytes.count else { return .some(nil) }
                        messageStart = nil
                        return .some(unquote(bytes, from: start, to: bytes.count))
                    }
                    let isSeparator = previousLineEmpty && hasPrefix(bytes, at: lineStart, fromPrefix)
                    var message: Data?
                    if isSeparator {
                        if let start = messageStart { message = unquote(bytes, from: start, to: lineStart) }
                        messageStart = lineEnd
                    } else if messageStart == nil {
                        messageStart = lineStart
                    }
                    previousLineEmpty = isEmptyLine(bytes, from: lineStart, to: lineEnd)
                    lineStart = lineEnd
                    if let message { return .some(message) }
                }
            }
            (self.lineStart, self.messageStart, self.previousLineEmpty) = (lineStart, messageStart, previousLineEmpty)
            switch step {
            case nil: return nil
            case .some(nil):
                isFinished = true
                return nil
            case .some(let message?): return message
            }
        }
    }

    private static let fromPrefix = Array("From ".utf8)

    private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return min(index + 1, bytes.count)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: [UInt8]) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private static func isEmptyLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        for index in start..<end where bytes[index] != UInt8(ascii: "\n") && bytes[index] != UInt8(ascii: "\r") {
            return false
        }
        return true
    }

    /// Copies one message, dropping the blank line that precedes the next separator and one
    /// `>` from every `>…>From ` line.
    private static func unquote(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Data {
        var output = Data(capacity: end - start)
        var lineStart = start
        while lineStart < end {
            let lineEnd = min(endOfLine(in: bytes, from: lineStart), end)
            var quoteEnd = lineStart
            while quoteEnd < lineEnd, bytes[quoteEnd] == UInt8(ascii: ">") { quoteEnd += 1 }
            let skip = quoteEnd > lineStart && hasPrefix(bytes, at: quoteEnd, fromPrefix) ? 1 : 0
            output.append(UnsafeBufferPointer(rebasing: bytes[(lineStart + skip)..<lineEnd]))
            lineStart = lineEnd
        }
        // The separator is preceded by an empty line that belongs to the mbox, not the message.
        for separator in [Array("\r\n\r\n".utf8), Array("\n\n".utf8)] where output.count >= separator.count
            && output.suffix(separator.count).elementsEqual(separator)
        {
            output.removeLast(separator.count / 2)
            break
        }
        return output
    }
}
