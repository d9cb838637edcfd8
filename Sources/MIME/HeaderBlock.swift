import Foundation

/// One header field as read: the name and the unfolded value bytes (RFC 5322 §2.2.3).
struct RawHeaderField {
    var name: String
    var value: [UInt8]
}

/// The header block of a message or body part, split from its body.
///
/// Parsed by hand rather than with `mailimf_fields_parse`: broken headers (8-bit bytes, lines
/// without a colon, a megabyte on one line, LF-only or mixed line endings) must still yield
/// every readable field. https://www.rfc-editor.org/rfc/rfc5322#section-2.2
struct HeaderBlock {
    /// The fields in order, unfolded.
    var fields: [RawHeaderField] = []
    /// Offset just past the last header line (where the blank line starts).
    var headerEnd = 0
    /// Offset of the first body byte (after the blank line); equals `count` when there is no body.
    var bodyStart = 0
    /// The first line is not a header field: the whole input is body.
    var noHeader = false
    /// The block stopped at a line that is neither a field nor a continuation.
    var stoppedAtMalformedLine = false
    /// The input ends inside the header block, in the middle of a line.
    var truncated = false
    /// Lines without a colon, between fields, were joined to the field before them.
    var joinedStrayLines = false
    /// Some header lines end in CRLF and others in a bare LF.
    var mixedLineEndings = false
    /// Fields whose values were cut at ``MessageParser/maximumHeaderValueLength``.
    var oversizedFields: [String] = []

    /// Reads the header block at the start of `buffer`.
    init(parsing buffer: UnsafeRawBufferPointer, maximumValueLength: Int = MessageParser.maximumHeaderValueLength) {
        let count = buffer.count
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count > 0 else { return }
        var lineStart = 0
        var lineNumber = 0
        var current: RawHeaderField?
        var sawCRLF = false
        var sawBareLF = false
        defer { mixedLineEndings = sawCRLF && sawBareLF }

        func finish(_ field: inout RawHeaderField?, into fields: inout [RawHeaderField]) {
            guard var field = field.take() else { return }
            trimWhitespace(&field.value)
            fields.append(field)
        }

        while lineStart < count {
            // Find the end of this line; `contentEnd` excludes the CR of a CRLF.
            let remaining = count - lineStart
            let newline = memchr(base + lineStart, 0x0A, remaining).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
            let lineEnd = newline ?? count
            let next = newline.map { $0 + 1 } ?? count
            var contentEnd = lineEnd
            if contentEnd > lineStart, base[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if newline == nil { truncated = true } else if contentEnd < lineEnd { sawCRLF = true } else { sawBareLF = true }
            defer { lineNumber += 1 }

            if contentEnd == lineStart { // blank line: end of the header block
                headerEnd = lineStart
                bodyStart = next
                truncated = false
                finish(&current, into: &fields)
                return
            }
            let first = base[lineStart]
            if first == 0x20 || first == 0x09 {
                if current != nil {
                    let room = maximumValueLength - current!.value.count
                    if room > 0 {
                        current!.value.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: min(contentEnd - lineStart, room)))
                    }
                    if contentEnd - lineStart > room, !oversizedFields.contains(current!.name) { oversizedFields.append(current!.name) }
                    lineStart = next
                    continue
                }
                // A continuation before any field: the message starts with a body.
            }
            if lineNumber == 0, Self.isMboxFromLine(base + lineStart, contentEnd - lineStart) {
                lineStart = next
                continue
            }
            guard let colon = Self.fieldNameEnd(base + lineStart, contentEnd - lineStart) else {
                // A folded line that lost its leading space (a badly folded encoded word): when
                // header fields go on after it, it belongs to the field before it.
                if current != nil, Self.headerContinues(base, from: next, count: count) {
                    current!.value.append(0x20)
                    current!.value.append(contentsOf: UnsafeBufferPointer(start: base + lineStart, count: min(contentEnd - lineStart, maximumValueLength)))
                    joinedStrayLines = true
                    lineStart = next
                    continue
                }
                finish(&current, into: &fields)
                if fields.isEmpty, current == nil {
                    noHeader = true
                    headerEnd = 0
                    bodyStart = 0
                } else {
                    stoppedAtMalformedLine = true
                    headerEnd = lineStart
                    bodyStart = lineStart
                }
                truncated = false
                return
            }
            finish(&current, into: &fields)
            var nameEnd = colon
            while nameEnd > 0, base[lineStart + nameEnd - 1] == 0x20 || base[lineStart + nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let name = String(decoding: UnsafeBufferPointer(start: base + lineStart, count: nameEnd), as: UTF8.self)
            let valueStart = lineStart + colon + 1
            let valueLength = contentEnd - valueStart
            let kept = min(valueLength, maximumValueLength)
            current = RawHeaderField(name: name, value: Array(UnsafeBufferPointer(start: base + valueStart, count: kept)))
            if valueLength > kept { oversizedFields.append(name) }
            lineStart = next
        }
        // End of input inside the header block: a headers-only message.
        finish(&current, into: &fields)
        headerEnd = count
        bodyStart = count
        if fields.isEmpty { noHeader = true; headerEnd = 0; bodyStart = 0; truncated = false }
    }

    /// Whether the line at `offset` goes on with the header block: a field or a folded line.
    private static func headerContinues(_ base: UnsafePointer<UInt8>, from offset: Int, count: Int) -> Bool {
        guard offset < count else { return false }
        let first = base[offset]
        if first == 0x20 || first == 0x09 { return true }
        let newline = memchr(base + offset, 0x0A, count - offset).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
        var end = newline
        if end > offset, base[end - 1] == 0x0D { end -= 1 }
        return end > offset && fieldNameEnd(base + offset, end - offset) != nil
    }

    /// The offset of the colon ending a valid field name (printable ASCII, no spaces except
    /// before the colon, RFC 5322 §3.6.8 and obs-optional), or `nil` if the line is not a field.
    private static func fieldNameEnd(_ line: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        var index = 0
        var sawSpace = false
        while index < length {
            let byte = line[index]
            if byte == 0x3A { return index > 0 && !(sawSpace && index == 1) ? index : nil }
            if byte == 0x20 || byte == 0x09 {
                if index == 0 { return nil }
                sawSpace = true
            } else if byte < 33 || byte > 126 || sawSpace {
                return nil
            }
            index += 1
            if index > 256 { return nil }
        }
        return nil
    }

    /// `From sender date` separator lines of mbox files, at the very start of a saved message
    /// (not the obsolete field form `From : …`).
    private static func isMboxFromLine(_ line: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        guard length >= 6, line[0] == 0x46, line[1] == 0x72, line[2] == 0x6F, line[3] == 0x6D, line[4] == 0x20 else {
            return false
        }
        var index = 5
        while index < length, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index < length && line[index] != 0x3A
    }
}

/// Removes leading and trailing spaces, tabs, CR and LF.
func trimWhitespace(_ bytes: inout [UInt8]) {
    var end = bytes.count
    while end > 0, isWhitespace(bytes[end - 1]) { end -= 1 }
    var start = 0
    while start < end, isWhitespace(bytes[start]) { start += 1 }
    if start > 0 || end < bytes.count { bytes = Array(bytes[start..<end]) }
}

@inline(__always) func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
}
