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
        var messages: [Data] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var messageStart: Int? = nil
            var lineStart = 0
            var previousLineEmpty = true
            while lineStart < bytes.count {
                let lineEnd = endOfLine(in: bytes, from: lineStart)
                let isSeparator = previousLineEmpty && hasPrefix(bytes, at: lineStart, fromPrefix)
                if isSeparator {
                    if let start = messageStart {
                        messages.append(unquote(bytes, from: start, to: lineStart))
                    }
                    messageStart = lineEnd
                } else if messageStart == nil {
                    messageStart = lineStart
                }
                previousLineEmpty = isEmptyLine(bytes, from: lineStart, to: lineEnd)
                lineStart = lineEnd
            }
            if let start = messageStart, start < bytes.count {
                messages.append(unquote(bytes, from: start, to: bytes.count))
            }
        }
        return messages
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
