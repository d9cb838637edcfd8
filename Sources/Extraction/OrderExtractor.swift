import Foundation
import HTML
import Intl
import MIME
import MailroomCore
import Rules

/// Order extraction: a pure function of a parsed message, its vendor and its category.
///
/// The cascade (ARCHITECTURE.md, "Orders"): schema.org JSON-LD, then microdata, then the
/// vendor's extractor rule, then item tables found by their header in the HTML, then item
/// lines in the text. The first source that gives items or a total provides them and is
/// recorded as `extractedBy`; the order number, tracking numbers, status and the other amounts
/// are completed from the rest of the mail. Runs only where it can matter: order mail, or mail
/// carrying order markup.
public struct OrderExtractor: Sendable {
    /// Extractor rules by vendor.
    public let extractors: [VendorID: ExtractorRule]

    public init(rules: RuleSet) { extractors = rules.extractors }

    public init(extractors: [VendorID: ExtractorRule] = [:]) { self.extractors = extractors }

    /// The order `message` describes, or `nil` when it describes none.
    public func extract(_ message: Message, vendor: ExtractionVendor?, category: Category?) -> ExtractedOrder? {
        // Personal mail is never read (its markup is not even looked for).
        guard category != .personal else { return nil }
        let html = message.html ?? ""
        let hasJSONLD = Self.containsJSONLD(html)
        // Each scan of the HTML is made once, and only where its answer can change the result.
        var itemScope: Bool?
        func hasItemScope() -> Bool {
            if let itemScope { return itemScope }
            let found = Self.contains(html, "itemscope")
            itemScope = found
            return found
        }
        // Other mail is read only for markup describing an order: JSON-LD, or microdata items
        // (`itemscope`) in mail that declares schema.org types. Mail without JSON-LD or
        // `itemscope` (most mail) is left after one scan.
        // Support mail telling of a return received or a refund made updates the order it names
        // (issue #5: the vendor's spend goes down); it is read as order mail, and kept only then.
        let support = category == .support
        guard category == .orders || support || hasJSONLD
            || (hasItemScope() && (Self.contains(html, "schema.org") || Self.contains(html, "itemtype")))
        else { return nil }
        var context = Context(message: message, html: html, vendor: vendor)
        if support, !hasJSONLD, !context.readsAsReturnOrRefund { return nil }

        // 1–2. Structured data.
        var structured: OrderDraft?
        if hasJSONLD {
            let values = HTMLScripts.jsonLD(in: html).flatMap(LenientJSON.parse)
            structured = SchemaOrgReader.draft(from: values, source: .schemaOrg)
        }
        if structured?.hasContent != true, hasItemScope(), let document = context.document {
            if let microdata = SchemaOrgReader.draft(from: MicrodataReader.items(in: document), source: .microdata),
                structured == nil || microdata.hasContent
            {
                structured = microdata
            }
        }
        let markupOrder = structured?.describesOrder == true && structured?.hasContent == true
        guard category == .orders || support || markupOrder else { return nil }
        let refundOnly = support && !markupOrder

        var drafts: [OrderDraft] = []
        // Markup with the order's total but no items: the items are read from the mail's rule,
        // tables or lines below, the rest from the markup.
        var itemless: OrderDraft?
        if let structured, structured.hasContent {
            if structured.items.isEmpty { itemless = structured } else { drafts.append(structured) }
        }

        // 3. The vendor's rule.
        if drafts.isEmpty, let id = vendor?.id, let rule = extractors[id] {
            let runner = ExtractorRuleRunner.Context(subject: message.subject ?? "", document: context.document,
                                                     lines: context.bodyLines, resolver: context.resolver, reference: message.date)
            if let (draft, candidates) = ExtractorRuleRunner.draft(rule, runner) {
                var ruled = draft
                let summary = context.summary(for: .rules)
                ruled.items = ItemPricing.resolve(candidates, summary: summary, currency: ruled.currency ?? context.currencyGuess(summary))
                if ruled.hasContent { drafts.append(ruled) }
            }
        }

        // 4–5. Item tables in the HTML, then item lines in the text. Each reading stands on its
        // own, so a reading whose items do not add up to the order's amounts gives way to the
        // next one that does (a table missing a row whose item the text lists, a text whose
        // counts the table's columns state); when none adds up, the first one found stays.
        // Markup naming its items without prices (a `ParcelDelivery`'s `itemShipped`) is read
        // too: the mail's own lines may price and count the same items.
        let unpricedMarkup = drafts.count == 1 && drafts[0].source != .rules && !drafts[0].items.isEmpty
            && !drafts[0].items.contains { $0.unitPrice != nil || $0.lineTotal != nil }
        if drafts.isEmpty || unpricedMarkup {
            let reading = heuristicReading(context, html: html)
            if drafts.isEmpty {
                drafts.append(reading)
            } else if Self.sameItems(drafts[0].items, reading.items), !reading.items.contains(where: { $0.unitPrice == nil }) {
                // The markup's names, the lines' counts and prices.
                drafts[0].items = zip(drafts[0].items, reading.items).map { named, priced in
                    var item = priced
                    item.name = named.name
                    item.sku = named.sku ?? priced.sku
                    return item
                }
            }
        }

        var draft = drafts[0]
        if let itemless {
            let items = draft.items
            draft = itemless
            draft.items = items
            // No room named in the lines: the hotel the stay is booked at stands for it.
            if items.isEmpty, let venue = itemless.venueItem { draft.items = [venue] }
        }
        if let structured, !structured.hasContent { context.complete(&draft, from: structured) }
        context.complete(&draft)
        guard !draft.isEmpty else { return nil }
        let order = context.finish(draft)
        // Support mail that merely cites an order makes none.
        if refundOnly, order.number == nil || (order.status != .refunded && order.status != .returned) { return nil }
        return order
    }

    /// The order read from the mail's item tables and lines: the first reading whose items add
    /// up to the order's amounts (the HTML's table, the text's lines, the rendered HTML's lines),
    /// else the first one.
    private func heuristicReading(_ context: Context, html: String) -> OrderDraft {
        var unpricedTableItems: [ItemCandidate] = []
        var table: OrderDraft?
        if !html.isEmpty, Self.containsCaseInsensitive(html, "<table"),
            var found = HTMLTableReader.items(inHTML: html, resolver: context.resolver)
        {
            found.items = ItemRegions.removingRecommended(found.items, lines: context.renderedLines)
            // Items without any price (a parcel's content) give way to priced item lines in
            // the text; the table's cells name them better than loose lines.
            if found.items.contains(where: \.hasPrice) {
                let summary = context.summary(forTable: found.items).removingItems(named: found.items.map(\.name))
                var draft = context.heuristicDraft(.htmlTable, summary: summary)
                draft.items = ItemPricing.resolve(found.items, summary: summary, currency: context.currencyGuess(summary), hint: found.reading)
                // A deposit's row the summary did not read as a charge already (a "Consigne" row under the items may be both).
                draft.fees += found.deposits.filter { deposit in !draft.fees.contains { $0.number == deposit.number } }
                table = draft
            } else {
                unpricedTableItems = found.items
            }
        }
        // Each reading is checked once, in order; the first found stays when none adds up.
        if let table, context.addsUp(table) { return table }
        let text = context.textDraft(rendered: false, unpricedTableItems: unpricedTableItems)
        if context.addsUp(text) { return text }
        // The rendered HTML read as text, when the plain part is another text.
        if !context.otherLines.isEmpty {
            let rendered = context.textDraft(rendered: true, unpricedTableItems: [])
            if context.addsUp(rendered) { return rendered }
        }
        return table ?? text
    }

    /// Whether two lists name the same items in the same order (folded names, one holding the other).
    static func sameItems(_ first: [DraftItem], _ second: [DraftItem]) -> Bool {
        guard first.count == second.count else { return false }
        return zip(first, second).allSatisfy { a, b in
            let x = Words(TextFolding.fold(a.name)).items.joined(separator: " ")
            let y = Words(TextFolding.fold(b.name)).items.joined(separator: " ")
            return !x.isEmpty && !y.isEmpty && (x.contains(y) || y.contains(x))
        }
    }

    /// A byte search (most mail has no markup, and this runs on every mail).
    static func contains(_ text: String, _ needle: String) -> Bool {
        (needles[needle] ?? ByteSearch(needle)).occurs(in: text)
    }

    /// Whether the text holds `ld+json` or `LD+JSON` (`containsCaseInsensitive(text, "ld+json")`):
    /// found from the rare `+` with `memchr`, not with two scans of the whole text.
    static func containsJSONLD(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 7 else { return false }
            let lower = Array("ld+json".utf8)
            let upper = Array("LD+JSON".utf8)
            var offset = 2
            // The "+" of a match stands at offset 2 to count - 5.
            while offset <= bytes.count - 5, let plus = memchr(base + offset, 0x2B, bytes.count - 4 - offset) {
                let position = UnsafePointer<UInt8>(plus.assumingMemoryBound(to: UInt8.self)) - base
                let start = position - 2
                let candidate = UnsafeBufferPointer(start: base + start, count: 7)
                if candidate.elementsEqual(lower) || candidate.elementsEqual(upper) { return true }
                offset = position + 1
            }
            return false
        }
    }

    static func containsCaseInsensitive(_ text: String, _ needle: String) -> Bool {
        contains(text, needle) || contains(text, needle.uppercased())
    }

    /// The needles looked for in every mail, their search tables made once.
    static let needles: [String: ByteSearch] = Dictionary(
        uniqueKeysWithValues: ["schema.org", "ld+json", "LD+JSON", "itemtype", "itemscope", "<table", "<TABLE"].map { ($0, ByteSearch($0)) })
}
