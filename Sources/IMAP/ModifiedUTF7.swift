/// Mailbox names on the wire: modified UTF-7 (RFC 3501 §5.1.3).
///
/// Printable ASCII stands for itself except `&`, written `&-`; other characters are UTF-16,
/// base64-encoded with `,` instead of `/` and no padding, between `&` and `-`.
public enum ModifiedUTF7 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)
    private static let values: [UInt8: UInt8] = {
        var table: [UInt8: UInt8] = [:]
        for (index, byte) in alphabet.enumerated() { table[byte] = UInt8(index) }
        return table
    }()

    /// Encodes a mailbox name for the wire.
    public static func encode(_ name: String) -> String {
        var output = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            output += "&" + base64(bytes) + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                output += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return output
    }

    /// Decodes a name read from the wire; a malformed name is returned as it came.
    public static func decode(_ wire: String) -> String {
        var output = ""
        let bytes = Array(wire.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "-")) else { return wire }
            if end == index + 1 {
                output += "&"
            } else {
                guard let decoded = unbase64(Array(bytes[(index + 1)..<end])), decoded.count % 2 == 0 else { return wire }
                var units: [UInt16] = []
                for pair in stride(from: 0, to: decoded.count, by: 2) {
                    units.append(UInt16(decoded[pair]) << 8 | UInt16(decoded[pair + 1]))
                }
                guard let text = String(validating: units, as: UTF16.self) else { return wire }
                output += text
            }
            index = end + 1
        }
        return output
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let values = Array(chunk) + Array(repeating: 0, count: 3 - chunk.count)
            let combined = UInt32(values[0]) << 16 | UInt32(values[1]) << 8 | UInt32(values[2])
            let characters = chunk.count + 1
            for position in 0..<characters {
                output.append(alphabet[Int((combined >> (18 - 6 * UInt32(position))) & 0x3F)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func unbase64(_ characters: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = values[character] else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }
}
