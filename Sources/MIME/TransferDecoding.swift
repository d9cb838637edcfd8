import CEtpan

/// Content-Transfer-Encoding decoding (RFC 2045 §6) through libetpan's `mailmime_part_parse`,
/// with the checks libetpan does not report.
///
/// Quoted-printable goes through libetpan unless it holds bad escapes (libetpan drops them;
/// ours keeps them literally). Base64 is decoded by ``Base64`` in one pass that also detects
/// damage (libetpan skips garbage silently and drops a final partial quantum).
enum TransferDecoding {
    /// The decoded bytes of `body` in `encoding` (lowercased CTE token).
    static func decode(_ body: UnsafeRawBufferPointer, encoding: String, section: String, log: inout WarningLog) -> [UInt8] {
        switch encoding {
        case "base64":
            // One pass that also reports damage; libetpan's decoder silently skips garbage and
            // drops a final partial quantum.
            let result = Base64.decode(body)
            if !result.clean {
                log.add(WarningCode.badBase64, "part \(section): invalid base64, decoded leniently")
            }
            return result.bytes
        case "quoted-printable":
            if hasBadQuotedPrintable(body) {
                // libetpan drops bad escapes; keep them as written instead.
                log.add(WarningCode.badQuotedPrintable, "part \(section): invalid quoted-printable escapes kept as written")
                return lenientQuotedPrintable(body)
            }
            return libetpanDecode(body, mechanism: MAILMIME_MECHANISM_QUOTED_PRINTABLE) ?? Array(body)
        case "7bit", "8bit", "binary", "", "none":
            return Array(body)
        default:
            log.add(WarningCode.unknownTransferEncoding, "part \(section): transfer encoding \"\(encoding.prefix(40))\" taken as is")
            return Array(body)
        }
    }

    /// The decoded size without decoding: exact for identity encodings, computed from the
    /// alphabet count for base64, decoded for quoted-printable.
    static func decodedSize(_ body: UnsafeRawBufferPointer, encoding: String) -> Int {
        switch encoding {
        case "base64":
            return Base64.inspect(body).decodedSize
        case "quoted-printable":
            return libetpanDecode(body, mechanism: MAILMIME_MECHANISM_QUOTED_PRINTABLE)?.count ?? body.count
        default:
            return body.count
        }
    }

    private static func libetpanDecode(_ body: UnsafeRawBufferPointer, mechanism: Int) -> [UInt8]? {
        guard let base = body.baseAddress, body.count > 0 else { return [] }
        var index = 0
        var result: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = mailmime_part_parse(base.assumingMemoryBound(to: CChar.self), body.count, &index, Int32(mechanism), &result, &length)
        guard status == Int32(MAILIMF_NO_ERROR), let result else { return nil }
        defer { mmap_string_unref(result) }
        return result.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// Quoted-printable (RFC 2045 §6.7) where an `=` that starts no valid escape stays literal.
    private static func lenientQuotedPrintable(_ body: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        let count = body.count
        while index < count {
            let byte = body[index]
            guard byte == 0x3D else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 2 < count, let high = hexValue(body[index + 1]), let low = hexValue(body[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            var next = index + 1
            while next < count, body[next] == 0x20 || body[next] == 0x09 { next += 1 }
            if next < count, body[next] == 0x0D { next += 1 }
            if next < count, body[next] == 0x0A {
                index = next + 1 // soft line break
                continue
            }
            if next >= count { break } // "=" at the very end
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Whether an `=` is followed by neither two hex digits nor a (soft) line break.
    private static func hasBadQuotedPrintable(_ body: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = body.count
        while index < count {
            if body[index] == 0x3D {
                var next = index + 1
                while next < count, body[next] == 0x20 || body[next] == 0x09 { next += 1 } // trailing space before soft break
                if next >= count { return false }
                if body[next] == 0x0D || body[next] == 0x0A { index = next; continue }
                guard index + 2 < count, hexValue(body[index + 1]) != nil, hexValue(body[index + 2]) != nil else { return true }
                index += 3
                continue
            }
            index += 1
        }
        return false
    }
}
