import HTML

/// A tolerant quoted-printable decoder (RFC 2045 §6.7).
///
/// `=XX` (either case) is a byte, `=` before a line break is a soft break, trailing spaces
/// before a line break are transport padding and dropped (rule 3); an `=` that starts neither
/// stays literally and makes the result unclean. https://www.rfc-editor.org/rfc/rfc2045#section-6.7
enum QuotedPrintable {
    /// Decodes `text`; `clean` is false when an invalid escape was kept as written.
    static func decode(_ text: UnsafeRawBufferPointer) -> (bytes: [UInt8], clean: Bool) {
        var clean = true
        let output = [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
            initialized = decode(text, into: buffer, clean: &clean)
        }
        return (output, clean)
    }

    private static func decode(_ text: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>, clean: inout Bool) -> Int {
        var written = 0
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            switch byte {
            case 0x3D: // "="
                if index + 2 < count, let high = hexValue(text[index + 1]), let low = hexValue(text[index + 2]) {
                    output[written] = high << 4 | low
                    written += 1
                    index += 3
                    continue
                }
                // Soft line break, possibly with padding before it.
                var next = index + 1
                while next < count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
                if next >= count { return written } // "=" at the very end
                if text[next] == 0x0D, next + 1 < count, text[next + 1] == 0x0A {
                    index = next + 2
                    continue
                }
                if text[next] == 0x0A || text[next] == 0x0D {
                    index = next + 1
                    continue
                }
                clean = false
                output[written] = byte
                written += 1
                index += 1
            default:
                // A run of bytes up to the next `=` or line end, copied at once. Spaces and tabs
                // are only transport padding where they end a line (or the input), so they are
                // looked at only there: the run stops at `=`, CR or LF, found a word at a time,
                // not at every blank between words.
                let stop = ByteRun.firstOf(0x3D, 0x0D, 0x0A, in: text, from: index + 1)
                var end = stop
                if stop == count || text[stop] != 0x3D {
                    while end > index, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
                }
                if end > index {
                    UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: output[written..<(written + end - index)]))
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: text[index..<end]))
                    written += end - index
                }
                index = stop
            }
        }
        return written
    }
}
