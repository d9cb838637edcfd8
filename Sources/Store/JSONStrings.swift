/// A list of strings as JSON text, byte for byte what `JSONEncoder` writes for `[String]`
/// (which escapes `/` as `\/`, control characters as `\b \t \n \f \r` or `\u00xx`, and
/// writes every other character as is), without its per-call setup: each stored message
/// carries two such lists.
enum JSONStrings {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func encode(_ strings: [String]) -> String {
        var output: [UInt8] = [0x5B]
        output.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(0x2C) }
            output.append(0x22)
            var string = string
            string.withUTF8 { bytes in
                // Runs of bytes written as they are go in at once; only escapes are built.
                var start = 0
                for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x2F {
                    if index > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    start = index + 1
                    output.append(0x5C)
                    switch byte {
                    case 0x22, 0x5C, 0x2F: output.append(byte)
                    case 0x08: output.append(0x62)
                    case 0x09: output.append(0x74)
                    case 0x0A: output.append(0x6E)
                    case 0x0C: output.append(0x66)
                    case 0x0D: output.append(0x72)
                    default:
                        output.append(0x75)
                        output.append(0x30)
                        output.append(0x30)
                        output.append(hexDigits[Int(byte >> 4)])
                        output.append(hexDigits[Int(byte & 0x0F)])
                    }
                }
                if bytes.count > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
            }
            output.append(0x22)
        }
        output.append(0x5D)
        return String(decoding: output, as: UTF8.self)
    }
}
