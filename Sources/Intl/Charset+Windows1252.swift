extension Charset {
    /// windows-1252 bytes 0x80…0x9F; the rest of the range maps to the same code point (Latin-1).
    /// The five unassigned bytes map to their C1 control code points, as WHATWG specifies.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Decodes windows-1252 (every byte is valid, so this never substitutes).
    static func decodeWindows1252(_ buffer: UnsafeRawBufferPointer) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(buffer.count + buffer.count / 4)
        for byte in buffer {
            let code: UInt32 = (byte >= 0x80 && byte <= 0x9F) ? UInt32(windows1252High[Int(byte) - 0x80]) : UInt32(byte)
            if code < 0x80 {
                utf8.append(UInt8(code))
            } else if code < 0x800 {
                utf8.append(UInt8(0xC0 | (code >> 6)))
                utf8.append(UInt8(0x80 | (code & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (code >> 12)))
                utf8.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (code & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
