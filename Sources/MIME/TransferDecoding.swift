/// Content-Transfer-Encoding decoding (RFC 2045 §6).
///
/// libetpan splits the MIME tree; the transfer decoding of leaves is done here in one pass
/// that also detects damage: libetpan's `mailmime_part_parse` skips bad base64 silently, drops
/// a final partial quantum, drops bad quoted-printable escapes instead of keeping them, and
/// costs about ten times more per byte (it appends byte by byte to an `MMAPString`).
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
            let result = QuotedPrintable.decode(body)
            if !result.clean {
                log.add(WarningCode.badQuotedPrintable, "part \(section): invalid quoted-printable escapes kept as written")
            }
            return result.bytes
        case "7bit", "8bit", "binary", "", "none":
            return Array(body)
        default:
            log.add(WarningCode.unknownTransferEncoding, "part \(section): transfer encoding \"\(encoding.prefix(40))\" taken as is")
            return Array(body)
        }
    }

    /// The decoded size of an attachment: exact for identity encodings and quoted-printable
    /// (decoded, it is rare for large files), computed from the alphabet count for base64
    /// without decoding.
    static func decodedSize(_ body: UnsafeRawBufferPointer, encoding: String) -> Int {
        switch encoding {
        case "base64":
            return Base64.decodedSize(body)
        case "quoted-printable":
            return QuotedPrintable.decode(body).bytes.count
        default:
            return body.count
        }
    }
}
