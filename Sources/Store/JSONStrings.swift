/// A list of strings as JSON text, byte for byte what `JSONEncoder` writes for `[String]`
/// (which escapes `/` as `\/`, control characters as `\b \t \n \f \r` or `\u00xx`, and
/// writes every other character as is), without its per-call setup: each stored message
/// carries two such lists.
enum JSONStrings {
    static func encode(_ strings: [String]) -> String {
        var output: [UInt8] = [0x5B]
        output.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, string) in strings.enumerated() {
            if index > 0 { output.append(0x2C) }
            output.append(0x22)
            for byte in string.utf8 {
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x2F: output.append(contentsOf: [0x5C, 0x2F])
                case 0x08: output.append(contentsOf: [0x5C, 0x62])
                case 0x09: output.append(contentsOf: [0x5C, 0x74])
                case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
                case 0x0C: output.append(contentsOf: [0x5C, 0x66])
                case 0x0D: output.append(contentsOf: [0x5C, 0x72])
                case 0x00..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
                default: output.append(byte)
                }
            }
            output.append(0x22)
        }
        output.append(0x5D)
        return String(decoding: output, as: UTF8.self)
    }
}
