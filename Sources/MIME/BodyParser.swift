import CEtpan
import Foundation
import HTML
import Intl
import MailroomCore

/// Walks the MIME tree of a message body with libetpan and collects text parts and attachments.
///
/// Sections follow IMAP (RFC 3501 §6.4.5): a single-part body is `1`; children of a multipart
/// are `1`, `2`…, nested `2.1`. A `message/rfc822` part is recorded as one attachment and not
/// descended into (its text is not this message's text). https://www.rfc-editor.org/rfc/rfc3501#section-6.4.5
struct BodyParser {
    private(set) var textParts: [TextPart] = []
    private(set) var attachments: [Attachment] = []

    /// Parses a body whose top-level MIME fields are `header`.
    mutating func parse(body: UnsafeRawBufferPointer, header: PartHeader, log: inout WarningLog) {
        guard header.isMultipart else {
            addLeaf(body: body, header: header, section: "1", log: &log)
            return
        }
        guard let boundary = header.typeParameters["boundary"], Self.isUsableBoundary(boundary) else {
            log.add(WarningCode.missingBoundary, "\(header.mimeType) without a boundary parameter; body read as text")
            addFallback(body: body, log: &log)
            return
        }
        guard Self.find(Array(("--" + boundary).utf8), in: body) != nil else {
            log.add(WarningCode.missingBoundary, "boundary of \(header.mimeType) never occurs; body read as text")
            addFallback(body: body, log: &log)
            return
        }
        if Self.countMultiparts(body) > MessageParser.maximumMultipartCount {
            log.add(WarningCode.nestingTooDeep, "more than \(MessageParser.maximumMultipartCount) nested containers; body not analysed")
            return
        }
        // libetpan reads a clean synthetic top-level header; the real one may be broken in
        // ways that would derail its field parser.
        var synthetic = Array("Content-Type: \(header.mimeType); boundary=\"\(boundary)\"\r\n\r\n".utf8)
        synthetic.append(contentsOf: body)
        synthetic.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var index = 0
            var root: UnsafeMutablePointer<mailmime>?
            let status = mailmime_parse(base, buffer.count, &index, &root)
            guard status == Int32(MAILIMF_NO_ERROR), let root else {
                log.add(WarningCode.mimeParseError, "libetpan could not parse the MIME structure (code \(status)); body read as text")
                addFallback(body: body, log: &log)
                return
            }
            defer { mailmime_free(root) }
            let top = Int(root.pointee.mm_type) == MAILMIME_MESSAGE ? root.pointee.mm_data.mm_message.mm_msg_mime : root
            guard let top else { return }
            walkMultipart(top, header: header, boundary: boundary, section: "", depth: 1, log: &log)
        }
    }

    private mutating func walkMultipart(_ node: UnsafeMutablePointer<mailmime>, header: PartHeader, boundary: String, section: String, depth: Int, log: inout WarningLog) {
        let label = section.isEmpty ? "message body" : "part \(section)"
        if let range = Self.bytes(start: node.pointee.mm_mime_start, length: node.pointee.mm_length),
           ByteSearch(Array(("--" + boundary + "--").utf8)).lastOffset(in: range) == nil {
            log.add(WarningCode.unterminatedMultipart, "\(label): closing boundary missing")
        }
        guard Int(node.pointee.mm_type) == MAILMIME_MULTIPLE else {
            log.add(WarningCode.missingBoundary, "\(label): \(header.mimeType) not split into parts")
            return
        }
        var iterator = mr_clist_begin(node.pointee.mm_data.mm_multipart.mm_mp_list)
        var number = 0
        while let current = iterator {
            iterator = mr_clist_next(current)
            guard let child = mr_clist_content(current)?.assumingMemoryBound(to: mailmime.self) else { continue }
            number += 1
            let childSection = section.isEmpty ? "\(number)" : "\(section).\(number)"
            walk(child, parent: header, section: childSection, depth: depth, log: &log)
        }
        if number == 0 {
            log.add(WarningCode.missingBoundary, "\(label): no body part found")
        }
    }

    private mutating func walk(_ node: UnsafeMutablePointer<mailmime>, parent: PartHeader, section: String, depth: Int, log: inout WarningLog) {
        let body = node.pointee.mm_body
        let bodyStart = body?.pointee.dt_data.dt_text.dt_data
        let bodyLength = body?.pointee.dt_data.dt_text.dt_length ?? 0
        // The part's own header: from its start to its body.
        var header = PartHeader()
        let defaultType = parent.mimeType == "multipart/digest" ? "message/rfc822" : "text/plain"
        if let start = node.pointee.mm_mime_start {
            let headerLength = bodyStart.map { $0 - start } ?? node.pointee.mm_length
            if headerLength > 0, headerLength <= node.pointee.mm_length {
                let block = HeaderBlock(parsing: UnsafeRawBufferPointer(start: start, count: headerLength))
                header = PartHeader(fields: block.noHeader ? [] : block.fields, defaultType: defaultType, log: &log)
            } else {
                header = PartHeader(fields: [], defaultType: defaultType, log: &log)
            }
        }
        let bodyBuffer = Self.bytes(start: bodyStart, length: bodyLength) ?? UnsafeRawBufferPointer(start: nil, count: 0)

        switch Int(node.pointee.mm_type) {
        case MAILMIME_MULTIPLE:
            guard depth < MessageParser.maximumDepth else {
                log.add(WarningCode.nestingTooDeep, "part \(section): multiparts nested deeper than \(MessageParser.maximumDepth); ignored")
                return
            }
            walkMultipart(node, header: header, boundary: header.typeParameters["boundary"] ?? "", section: section, depth: depth + 1, log: &log)
        case MAILMIME_MESSAGE:
            attachments.append(Attachment(filename: header.filename, mimeType: header.mimeType, size: bodyLength, section: section))
        default:
            if header.isMultipart {
                // libetpan did not split it: no usable boundary.
                log.add(WarningCode.missingBoundary, "part \(section): \(header.mimeType) without usable boundary")
                attachments.append(Attachment(filename: header.filename, mimeType: header.mimeType, size: bodyLength, section: section))
                return
            }
            addLeaf(body: bodyBuffer, header: header, section: section, log: &log)
        }
    }

    /// Records one leaf part: a text part when it is body text, else an attachment.
    mutating func addLeaf(body: UnsafeRawBufferPointer, header: PartHeader, section: String, log: inout WarningLog) {
        guard header.isBodyText else {
            let size = TransferDecoding.decodedSize(body, encoding: header.transferEncoding)
            attachments.append(Attachment(filename: header.filename, mimeType: header.mimeType, size: size, section: section))
            return
        }
        var decoded = TransferDecoding.decode(body, encoding: header.transferEncoding, section: section, log: &log)
        let declared = header.typeParameters["charset"].flatMap { Charset.normalizedLabel($0) == nil ? nil : $0.trimmingSpaces.lowercased() }
        // Line endings made `\n` on the bytes, before decoding, where the charset decodes CR and
        // LF bytes as themselves and no other bytes as either (ASCII supersets read byte by
        // byte or as UTF-8): the same text as normalizing the decoded string, without a copy.
        if Self.decodesLineEndingsBytewise(declared) { Self.normalizeLineEndings(&decoded) }
        let charset = Charset.decode(decoded, label: declared)
        EncodedWords.reportIssues(charset, log: &log)
        var text = charset.text
        let (hasNUL, hasCR) = text.withUTF8 { utf8 -> (Bool, Bool) in
            guard let base = utf8.baseAddress else { return (false, false) }
            return (memchr(base, 0, utf8.count) != nil, memchr(base, 0x0D, utf8.count) != nil)
        }
        if hasNUL { text.removeAll { $0 == "\0" } }
        if hasCR { text = Self.normalizingLineEndings(text) }
        if text.utf8.count > MessageParser.maximumTextPartLength {
            log.add(WarningCode.oversizedPart, "part \(section): \(text.utf8.count) bytes of text; cut at \(MessageParser.maximumTextPartLength)")
            text = Self.prefix(of: text, utf8Count: MessageParser.maximumTextPartLength)
        }
        if header.mimeType == "text/html" {
            let rendered = HTMLText.render(text)
            textParts.append(TextPart(kind: .html, section: section, declaredCharset: declared, text: text, renderedText: rendered))
        } else {
            textParts.append(TextPart(kind: .plain, section: section, declaredCharset: declared, text: text))
        }
    }

    /// The longest prefix of `text` of at most `utf8Count` bytes that ends on a Unicode
    /// scalar boundary (never a broken UTF-8 sequence).
    static func prefix(of text: String, utf8Count: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > utf8Count else { return text }
        var end = utf8.index(utf8.startIndex, offsetBy: utf8Count)
        while end > utf8.startIndex, end.samePosition(in: text.unicodeScalars) == nil {
            end = utf8.index(before: end)
        }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The body read as one text/plain part (section 1) after the structure could not be used.
    private mutating func addFallback(body: UnsafeRawBufferPointer, log: inout WarningLog) {
        var header = PartHeader()
        header.mimeType = "text/plain"
        addLeaf(body: body, header: header, section: "1", log: &log)
    }

    /// Whether text in `label` decodes CR and LF bytes to CR and LF and nothing else to them:
    /// no label (UTF-8, else windows-1252), UTF-8, and the single-byte ASCII supersets.
    static func decodesLineEndingsBytewise(_ label: String?) -> Bool {
        guard let label else { return true }
        guard let name = Charset.normalizedLabel(label) else { return true }
        return name == "utf-8" || name.hasPrefix("windows-125") || name.hasPrefix("iso-8859-") || name == "koi8-r" || name == "koi8-u"
    }

    /// CRLF and lone CR become LF, in place, on the bytes: the runs between carriage returns
    /// are found with `memchr` and moved down at once.
    static func normalizeLineEndings(_ bytes: inout [UInt8]) {
        let count = bytes.count
        let written = bytes.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress, let first = memchr(base, 0x0D, count) else { return count }
            var write = first - base
            var read = write
            while true {
                // A carriage return at `read`: one line feed, and the line feed after it is skipped.
                base.storeBytes(of: 0x0A, toByteOffset: write, as: UInt8.self)
                write += 1
                read += 1
                if read < count, base.load(fromByteOffset: read, as: UInt8.self) == 0x0A { read += 1 }
                guard read < count else { break }
                let end = memchr(base + read, 0x0D, count - read).map { $0 - base } ?? count
                if end > read {
                    (base + write).copyMemory(from: base + read, byteCount: end - read)
                    write += end - read
                    read = end
                }
                guard read < count else { break }
            }
            return write
        }
        if written < count { bytes.removeLast(count - written) }
    }

    /// CRLF and lone CR become LF: text parts use `\n` whatever the transport used.
    static func normalizingLineEndings(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                guard let source = input.baseAddress, let target = output.baseAddress else { return 0 }
                var written = 0
                var index = 0
                while index < input.count {
                    // The run up to the next carriage return is copied as it is.
                    let end = memchr(source + index, 0x0D, input.count - index)
                        .map { UnsafeRawPointer($0) - UnsafeRawPointer(source) } ?? input.count
                    if end > index {
                        (target + written).update(from: source + index, count: end - index)
                        written += end - index
                    }
                    guard end < input.count else { break }
                    target[written] = 0x0A
                    written += 1
                    index = end + 1
                    if index < input.count, input[index] == 0x0A { index += 1 }
                }
                return written
            }
        }
    }

    static func isUsableBoundary(_ boundary: String) -> Bool {
        !boundary.isEmpty && boundary.utf8.count <= 200 && !boundary.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x7F }
    }

    private static func bytes(start: UnsafePointer<CChar>?, length: Int) -> UnsafeRawBufferPointer? {
        guard let start, length >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: start, count: length)
    }

    /// The offset of `needle` in `haystack` (memmem), or `nil`.
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        ByteSearch(needle).firstOffset(in: haystack)
    }

    private static let multipartToken = Array("ultipart/".utf8)
    private static let messageToken = Array("essage/rfc822".utf8)

    /// How many `multipart/` and `message/rfc822` tokens the body holds: a bound on nesting
    /// that keeps libetpan's recursion (it descends into both) shallow on hostile input.
    ///
    /// One pass for both: each token has a slash after a `t` or an `e` (`ultipart/`,
    /// `essage/`), which is rare even in base64; the tokens are compared only there, 16
    /// positions at a time. Neither token can overlap itself, so this counts what counting
    /// each token's non-overlapping occurrences counted.
    static func countMultiparts(_ body: UnsafeRawBufferPointer) -> Int {
        guard let base = body.baseAddress, body.count >= 2 else { return 0 }
        let length = body.count
        var total = 0
        func matches(_ token: [UInt8], at start: Int) -> Bool {
            guard start >= 0, start + token.count <= length else { return false }
            for (offset, byte) in token.enumerated() where base.load(fromByteOffset: start + offset, as: UInt8.self) != byte { return false }
            return true
        }
        func check(slash: Int) {
            if matches(multipartToken, at: slash - 8) || matches(messageToken, at: slash - 6) { total += 1 }
        }
        let slashes = SIMD16<UInt8>(repeating: 0x2F)
        let tees = SIMD16<UInt8>(repeating: 0x74)
        let ees = SIMD16<UInt8>(repeating: 0x65)
        var index = 1
        while index + 16 <= length {
            let current = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let previous = base.loadUnaligned(fromByteOffset: index - 1, as: SIMD16<UInt8>.self)
            let candidates = (current .== slashes) .& ((previous .== tees) .| (previous .== ees))
            if any(candidates) {
                for lane in 0..<16 where candidates[lane] { check(slash: index + lane) }
            }
            index += 16
        }
        while index < length {
            let previous = base.load(fromByteOffset: index - 1, as: UInt8.self)
            if base.load(fromByteOffset: index, as: UInt8.self) == 0x2F, previous == 0x74 || previous == 0x65 { check(slash: index) }
            index += 1
        }
        return total
    }
}
