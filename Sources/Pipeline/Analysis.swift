import Classification
import Crypto
import Extraction
import Foundation
import MIME
import MailroomCore
import Rules
import Store

/// Everything Mailroom derives from one message: the parsed message, its vendor, its category,
/// the order it describes, and why.
public struct Analysis: Sendable {
    public var raw: RawMessage
    public var message: Message
    /// The company that sent the message; `nil` for personal mail or until identified.
    public var vendor: VendorRecord?
    public var category: Category?
    public var order: OrderRecord?
    /// The rules and signals that decided, in the order they were applied.
    public var explanation: [String]
    /// The order as extracted (money in minor units, dates, deadlines' inputs); `order` is
    /// its contract shape.
    public var extractedOrder: ExtractedOrder? = nil
    /// The return window and warranty that apply to the vendor's orders.
    public var deadlines: DeadlinePolicy? = nil

    /// Identity of the message's content: SHA-256 of its header block (line endings ignored),
    /// or of the whole message when it has no header. The same mail read from a file, an mbox
    /// or an IMAP server gets the same hash.
    public var contentHash: String { knownContentHash ?? Self.contentHash(header: message.rawHeader, whole: raw.data) }
    /// The content hash when it was computed from this very message and raw data already.
    var knownContentHash: String? = nil

    static func contentHash(header: Data, whole: Data) -> String {
        var hasher = SHA256()
        let source = header.isEmpty ? whole : header
        // Hash the runs between carriage returns, so CRLF and LF files hash alike without a copy.
        source.withUnsafeBytes { bytes in
            for run in bytes.split(separator: UInt8(ascii: "\r"), omittingEmptySubsequences: true) {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: run))
            }
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The message as the store records it.
    public func newMessage() -> NewMessage {
        let sender = message.from.first
        return NewMessage(
            location: .file(path: raw.path, position: raw.position), messageID: message.messageID,
            contentHash: contentHash, date: message.date, fromName: sender?.name,
            fromAddress: sender?.address, subject: message.subject, size: message.size,
            rawHeader: message.rawHeader, warnings: message.warnings.map(\.code),
            parts: message.textParts.map {
                StoredPart(section: $0.section, kind: $0.kind == .html ? .html : .plain,
                           charset: $0.declaredCharset, text: $0.text, renderedText: $0.renderedText)
            },
            attachments: message.attachments.map {
                StoredAttachment(section: $0.section, filename: $0.filename, mimeType: $0.mimeType, size: $0.size)
            },
            vendor: vendor.map { StoredVendor(id: $0.id, name: $0.name, sector: $0.sector, domain: $0.domain) },
            category: category, explanation: explanation, stream: SenderStream.key(of: message),
            order: extractedOrder.map { order in
                let policy = deadlines ?? .euDefault
                return order.stored(returnDays: policy.returnDays, warrantyMonths: policy.warrantyMonths)
            }
        )
    }
}

/// Turns raw messages into analyses: parse, identify the vendor, classify, extract the order.
public struct Analyzer: Sendable {
    /// `nil` parses only (vendor, category and order stay `nil`).
    public let classifier: Classifier?
    /// The person's corrections, which outrank every rule.
    public let corrections: Corrections

    /// Order extraction, with the classifier's rules unless given; `nil` extracts nothing.
    public let extractor: OrderExtractor?

    public init(classifier: Classifier?, corrections: Corrections = .none, extractsOrders: Bool = true) {
        self.classifier = classifier
        self.corrections = corrections
        extractor = extractsOrders ? classifier.map { OrderExtractor(rules: $0.rules) } : nil
    }

    /// Parses and analyses one message; never fails (problems become parser warnings).
    public func analyze(_ raw: RawMessage) -> Analysis {
        analyze(parsed: MessageParser.parse(raw.data), raw: raw)
    }

    /// Derives vendor and category of a parsed message: the step `reclassify` reruns on stored mail.
    public func analyze(_ message: Message, raw: RawMessage, contentHash: String) -> Analysis {
        guard let classifier else {
            return Analysis(raw: raw, message: message, vendor: nil, category: nil, order: nil, explanation: [])
        }
        let correction = corrections.isEmpty ? nil : corrections.correction(
            messageKeys: [message.messageID, contentHash].compactMap { $0 }, stream: SenderStream.key(of: message))
        let result = classifier.classify(message, correction: correction)
        let vendor = result.vendor.map { VendorRecord(id: $0.id, name: $0.name, domain: $0.domain, sector: $0.sector) }
        var analysis = Analysis(raw: raw, message: message, vendor: vendor, category: result.category, order: nil,
                                explanation: result.explanation)
        if let extractor {
            let source = ExtractionVendor(id: result.vendor?.id, domain: result.vendor?.domain)
            // A carrier carries parcels, it does not sell: its tracking notices are order mail but
            // make no order; what it bills (duties, its own services) does.
            let carrier = result.vendor?.sector == .delivery
            if let order = extractor.extract(message, vendor: source, category: result.category),
                !carrier || order.total != nil || !order.items.isEmpty
            {
                analysis.extractedOrder = order
                analysis.order = OrderRecord(order)
                analysis.deadlines = classifier.rules.deadlinePolicy(vendor: result.vendor?.id, sector: result.vendor?.sector)
                analysis.explanation.append("order: \(order.extractedBy.rawValue)" + (order.warnings.isEmpty ? "" : " (\(order.warnings.joined(separator: ", ")))"))
            }
        }
        return analysis
    }

    /// Analyses a message parsed elsewhere (from a server's MIME structure); `raw`'s data is
    /// what the content hash reads when the message has no header.
    public func analyze(parsed message: Message, raw: RawMessage) -> Analysis {
        let hash = Analysis.contentHash(header: message.rawHeader, whole: raw.data)
        var analysis = analyze(message, raw: raw, contentHash: hash)
        analysis.knownContentHash = hash
        return analysis
    }

    /// Parses (with `parse`, given each index) and analyses `count` messages on all cores,
    /// keeping their order.
    public func analyze(count: Int, parse: @Sendable (Int) -> (message: Message, raw: RawMessage)) -> [Analysis] {
        let results = UnsafeResults<Analysis>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let (message, raw) = parse(index)
            results.set(index, analyze(parsed: message, raw: raw))
        }
        return results.values()
    }

    /// Parses and analyses a batch on all cores, keeping the input order.
    public func analyze(_ batch: [RawMessage]) -> [Analysis] {
        let results = UnsafeResults<Analysis>(count: batch.count)
        DispatchQueue.concurrentPerform(iterations: batch.count) { index in
            results.set(index, analyze(batch[index]))
        }
        return results.values()
    }
}
