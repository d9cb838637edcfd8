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
            case 0x20, 0x09:
                // Trailing whitespace before a line break (or the end) is transport padding.
                var next = index + 1
                while next < count, text[next] == 0x20 || text[next] == 0x09 { next += 1 }
                if next >= count || text[next] == 0x0D || text[next] == 0x0A {
                    index = next
                    continue
                }
                while index < next {
                    output[written] = text[index]
                    written += 1
                    index += 1
                }
            default:
                // A run of plain bytes, copied at once; spaces inside it (followed by more text
                // on the line) belong to it.
                var end = index + 1
                while end < count {
                    // Bytes other than `=`, space and tab go on the run as they are.
                    end = ByteRun.firstOf(0x3D, 0x20, 0x09, in: text, from: end)
                    guard end < count else { break }
                    let next = text[end]
                    if next == 0x3D { break }
                    if next == 0x20 || next == 0x09 {
                        var after = end + 1
                        while after < count, text[after] == 0x20 || text[after] == 0x09 { after += 1 }
                        if after >= count || text[after] == 0x0D || text[after] == 0x0A { break }
                        end = after
                        continue
                    }
                    end += 1
                }
                UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: output[written..<(written + end - index)]))
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: text[index..<end]))
                written += end - index
                index = end
            }
        }
        return written
    }
}
