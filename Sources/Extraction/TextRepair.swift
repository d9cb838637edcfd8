/// Repairs text whose transfer encoding was never undone: a part of a multipart without its
/// boundary reaches extraction as raw quoted-printable (`79,99 =E2=82=AC`, soft line breaks).
enum TextRepair {
    /// The text decoded from quoted-printable when it plainly is some, else the text itself.
    static func quotedPrintableIfUndecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var escapes = 0
        var softBreaks = 0
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "=") {
                if isHex(bytes[index + 1]), isHex(bytes[index + 2]) { escapes += 1 }
                if bytes[index + 1] == 0x0A || (bytes[index + 1] == 0x0D && bytes[index + 2] == 0x0A) { softBreaks += 1 }
            }
            index += 1
        }
        guard escapes >= 3, escapes + softBreaks >= 5 else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { index += 3; continue }
                if index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                    output.append(hex(bytes[index + 1]) << 4 | hex(bytes[index + 2]))
                    index += 3
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46)
    }

    static func hex(_ byte: UInt8) -> UInt8 { byte <= 0x39 ? byte - 0x30 : byte - 0x41 + 10 }
}
