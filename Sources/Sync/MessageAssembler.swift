import Foundation
import IMAP
import MIME
import Pipeline
import Store

/// The boundary between what IMAP returns and what the pipeline reads.
///
/// A message is fetched in two steps: its header and BODYSTRUCTURE, then only the parts the
/// analysis reads. A multipart's parts are fetched one by one and handed to the parser with the
/// MIME headers BODYSTRUCTURE gives them (`MessageParser.parse(header:leaves:containers:)`): the
/// message the parser would make of them put back together as MIME — the server's header block,
/// the text parts as fetched (still transfer-encoded) and, in place of every attachment, an
/// empty part with the same headers — without writing it out for libetpan to split again.
/// A single part, and a multipart the parser leaves (a broken or odd structure), are read as the
/// bytes `import` reads, so both see the same sections and compute the same content hash (from
/// the header block).
enum MessageAssembler {
    /// What to fetch of a message's body.
    enum Plan: Hashable {
        /// Everything after the header (`BODY.PEEK[TEXT]`): the message has no attachment.
        case wholeText
        /// These text parts only (`BODY.PEEK[1.1]`…).
        case sections([String])
    }

    /// A single text part is the whole text; a multipart's text parts are fetched one by one.
    /// A multipart of text parts only is fetched whole, and read as `import` reads it, when its
    /// structure looks broken: no boundary, an empty part, or a body that holds much more than
    /// its parts (the server split a multipart its own way; typical mail spends 50–150 octets per
    /// part on boundaries and headers).
    static func plan(for summary: MessageSummary) -> Plan {
        guard let structure = summary.structure else { return .wholeText }
        let leaves = structure.leaves
        guard case .multipart(_, let parameters, _, _) = structure else {
            return leaves.allSatisfy { $0.type == "text" && !isFile($0) } ? .wholeText : .sections(leaves.filter(isTextBody).map(\.section))
        }
        if leaves.allSatisfy({ $0.type == "text" && !isFile($0) }) {
            let body = summary.size - summary.header.count
            let parts = leaves.reduce(0) { $0 + $1.size }
            if parameters["boundary"] == nil || leaves.contains(where: { $0.size == 0 }) || body - parts > 256 + 256 * structure.nodeCount {
                return .wholeText
            }
        }
        return .sections(leaves.filter(isTextBody).map(\.section))
    }

    /// The octets a message's fetch brings in under its `plan`: its header and the text the plan
    /// fetches, each part at most `limit` octets.
    static func plannedBytes(_ summary: MessageSummary, plan: Plan, limit: Int) -> Int {
        // A header fetched cut is fetched again whole: the message's size bounds it.
        if summary.headerCut { return summary.size }
        switch plan {
        case .wholeText:
            return summary.header.count + min(limit, max(0, summary.size - summary.header.count))
        case .sections:
            let text = summary.structure?.leaves.filter(isTextBody).reduce(0) { $0 + min(limit, $1.size) } ?? 0
            return summary.header.count + text
        }
    }

    /// The parts the parser reads as body text: text/plain and text/html that are not files.
    static func isTextBody(_ part: BodyPart) -> Bool {
        part.type == "text" && (part.subtype == "plain" || part.subtype == "html") && !isFile(part)
    }

    static func isFile(_ part: BodyPart) -> Bool {
        part.disposition == "attachment" || part.filename != nil
    }

    /// The message the analysis reads: parsed from the fetched parts when the plan fetched a
    /// multipart's parts, else from the assembled bytes (`raw`'s data: the header alone when
    /// parsed from parts, which is what the content hash reads). A part the server holds more
    /// of than `limit` octets was fetched cut: the message says so with
    /// ``WarningCode/oversizedPart``, as `import` says it of a part it cuts.
    static func parse(_ summary: MessageSummary, plan: Plan, fetched: [String: Data], limit: Int) -> (message: Message, data: Data) {
        var (message, data) = parse(summary, plan: plan, fetched: fetched)
        for (section, size) in cutParts(summary, plan: plan, limit: limit) {
            message.warnings.append(ParseWarning(
                code: WarningCode.oversizedPart,
                detail: "part \(section): \(size) octets on the server; the first \(limit) fetched"))
        }
        return (message, data)
    }

    /// The parts of `plan` the server holds more of than `limit` octets, with their size.
    static func cutParts(_ summary: MessageSummary, plan: Plan, limit: Int) -> [(section: String, size: Int)] {
        switch plan {
        case .wholeText:
            let size = summary.size - summary.header.count
            return size > limit ? [("TEXT", size)] : []
        case .sections(let sections):
            let wanted = Set(sections)
            return (summary.structure?.leaves ?? []).filter { wanted.contains($0.section) && $0.size > limit }.map { ($0.section, $0.size) }
        }
    }

    private static func parse(_ summary: MessageSummary, plan: Plan, fetched: [String: Data]) -> (message: Message, data: Data) {
        if case .sections = plan, let structure = summary.structure, case .multipart = structure {
            let leaves = structure.leaves.map { part in
                MessageParser.StructuredLeaf(section: part.section, header: headers(of: .single(part)),
                                             body: isTextBody(part) ? fetched[part.section] ?? Data() : Data())
            }
            if let message = MessageParser.parse(header: summary.header, leaves: leaves, containers: structure.containerCount) {
                return (message, summary.header)
            }
        }
        let data = assemble(summary, plan: plan, fetched: fetched)
        return (MessageParser.parse(data), data)
    }

    /// The message bytes the parser gets.
    static func assemble(_ summary: MessageSummary, plan: Plan, fetched: [String: Data]) -> Data {
        switch plan {
        case .wholeText:
            return summary.header + (fetched["TEXT"] ?? Data())
        case .sections:
            guard let structure = summary.structure else { return summary.header }
            var data = summary.header
            body(of: structure, fetched: fetched, into: &data)
            return data
        }
    }

    private static func body(of node: BodyStructure, fetched: [String: Data], into data: inout Data) {
        switch node {
        case .single(let part):
            if isTextBody(part), let text = fetched[part.section] { data += text }
        case .multipart(_, let parameters, let parts, let section):
            let boundary = parameters["boundary"] ?? "mailroom-\(section)"
            for part in parts {
                data += Data("--\(boundary)\r\n".utf8)
                data += Data(headers(of: part).utf8)
                data += Data("\r\n".utf8)
                body(of: part, fetched: fetched, into: &data)
                data += Data("\r\n".utf8)
            }
            data += Data("--\(boundary)--\r\n".utf8)
        }
    }

    /// MIME headers of a part, rebuilt from BODYSTRUCTURE.
    private static func headers(of node: BodyStructure) -> String {
        switch node {
        case .multipart(let subtype, let parameters, _, let section):
            var parameters = parameters
            if parameters["boundary"] == nil { parameters["boundary"] = "mailroom-\(section)" }
            return "Content-Type: multipart/\(subtype)\(render(parameters))\r\n"
        case .single(let part):
            var text = "Content-Type: \(part.mimeType)\(render(part.parameters))\r\n"
            text += "Content-Transfer-Encoding: \(part.encoding)\r\n"
            if let disposition = part.disposition {
                text += "Content-Disposition: \(disposition)\(render(part.dispositionParameters))\r\n"
            }
            if let id = part.contentID { text += "Content-ID: \(id)\r\n" }
            return text
        }
    }

    /// `; name="value"` for each parameter; RFC 2231 extended values (`name*`) stay unquoted.
    private static func render(_ parameters: [String: String]) -> String {
        parameters.keys.sorted().map { name in
            let value = parameters[name] ?? ""
            if name.hasSuffix("*") { return "; \(name)=\(value)" }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "; \(name)=\"\(escaped)\""
        }.joined()
    }

    /// The message as the store records it: the analysis of the assembled bytes, with the
    /// server's size, the attachment sizes from BODYSTRUCTURE (their content was never
    /// fetched) and the IMAP location.
    static func newMessage(_ analysis: Analysis, summary: MessageSummary, mailbox: Int64, uidValidity: UIDValidity) -> NewMessage {
        var message = analysis.newMessage()
        message.location = .mailbox(id: mailbox, uidValidity: uidValidity.rawValue, uid: summary.uid.rawValue, flags: flagText(summary.flags))
        message.size = summary.size
        if let structure = summary.structure {
            var sizes: [String: Int] = [:]
            for leaf in structure.leaves { sizes[leaf.section] = decodedSize(leaf) }
            message.attachments = message.attachments.map { attachment in
                var attachment = attachment
                if attachment.size == 0, let size = sizes[attachment.section] { attachment.size = size }
                return attachment
            }
        }
        message.compressTexts()  // on the analysis threads, not the writer's
        return message
    }

    /// A part's decoded size, estimated from its encoded size: base64 carries 3 bytes in 4
    /// characters, on lines of 76 characters plus CRLF.
    static func decodedSize(_ part: BodyPart) -> Int {
        guard part.encoding == "base64" else { return part.size }
        return part.size * 76 / 78 * 3 / 4
    }

    /// Flags as stored: sorted, space-separated.
    static func flagText(_ flags: [String]) -> String { flags.sorted().joined(separator: " ") }
}
