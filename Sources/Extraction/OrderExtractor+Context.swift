import Foundation
import HTML
import Intl
import MIME
import MailroomCore

extension OrderExtractor {
    /// One message prepared for extraction: its texts, lines and (lazily) its HTML tree.
    struct Context {
        let message: Message
        let html: String
        let resolver: CurrencyResolver
        let plainLines: [TextLine]
        let renderedLines: [TextLine]
        private var parsed: HTMLDocument??

        init(message: Message, html: String, vendor: ExtractionVendor?) {
            self.message = message
            self.html = html
            resolver = CurrencyResolver(domain: vendor?.domain)
            let plain = message.textParts.first { $0.kind == .plain && !$0.text.isEmpty }?.text ?? ""
            plainLines = TextLine.lines(of: TextRepair.quotedPrintableIfUndecoded(plain))
            let rendered = message.textParts.first { $0.kind == .html }?.renderedText ?? ""
            renderedLines = TextLine.lines(of: TextRepair.quotedPrintableIfUndecoded(rendered))
        }

        /// The HTML tree, parsed on first use; `nil` without HTML.
        var document: HTMLDocument? {
            mutating get {
                if let parsed { return parsed }
                let document = html.isEmpty ? nil : HTMLDocument(html: html)
                parsed = .some(document)
                return document
            }
        }

        /// The plain text's lines, else the rendered HTML's.
        var bodyLines: [TextLine] { plainLines.isEmpty ? renderedLines : plainLines }
        var otherLines: [TextLine] { plainLines.isEmpty ? [] : renderedLines }

        /// The summary read from the text that goes with a source: the rendered HTML for a
        /// table, the body text otherwise; the other text when the first has no total.
        func summary(for source: ExtractionSource) -> OrderSummary {
            let renderedFirst = source == .htmlTable && !renderedLines.isEmpty
            let rendered = renderedFirst || plainLines.isEmpty
            let summary = rendered ? renderedSummary : plainSummary
            guard summary.total == nil, summary.refund == nil else { return summary }
            let other = rendered ? plainSummary : renderedSummary
            return other.total != nil || other.refund != nil ? other : summary
        }

        /// The summary for a table's items: the rendered HTML's, unless its total does not add up
        /// with the items while the plain text's does (an amount glued to its label in the
        /// rendering, `Total to pay4 846 Kč`, reads wrong).
        func summary(forTable items: [ItemCandidate]) -> OrderSummary {
            let summary = summary(for: .htmlTable)
            guard !plainLines.isEmpty, !renderedLines.isEmpty, items.count >= 1,
                let currency = currencyGuess(summary) ?? currencyGuess(plainSummary)
            else { return summary }
            func fits(_ summary: OrderSummary) -> Bool {
                let targets = Reconciliation.itemTargets(summary: summary, currency: currency, subtotal: false)
                return !targets.isEmpty && ItemPricing.fits(items[...], targets: targets, currency: currency)
            }
            // The plain text's summary is read only when the rendered one does not fit.
            guard !fits(summary) else { return summary }
            let other = plainSummary
            guard other.total != nil, fits(other) else { return summary }
            return other
        }

        /// The summaries of the two texts, read once.
        private let summaries = SummaryCache()
        var plainSummary: OrderSummary { summaries.value(\.plain) { OrderSummary(lines: plainLines, resolver: resolver) } }
        var renderedSummary: OrderSummary { summaries.value(\.rendered) { OrderSummary(lines: renderedLines, resolver: resolver) } }

        /// The currency amounts are most likely in: the total's, the most frequent sign's,
        /// the vendor's country's.
        func currencyGuess(_ summary: OrderSummary) -> String? {
            if let currency = summary.total?.amount.currency ?? summary.refund?.amount.currency { return currency }
            var counts: [String: Int] = [:]
            for line in bodyLines.prefix(200) {
                for token in line.amounts { if let code = token.sign.flatMap(resolver.code(for:)) { counts[code, default: 0] += 1 } }
            }
            if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) { return best.key }
            return resolver.defaultCurrency
        }

        /// A draft holding a summary's amounts.
        func heuristicDraft(_ source: ExtractionSource, summary: OrderSummary) -> OrderDraft {
            var draft = OrderDraft(source: source)
            draft.total = summary.total?.amount
            draft.subtotal = summary.subtotal?.amount
            draft.shipping = summary.shipping.map(\.amount)
            draft.tax = summary.tax?.amount
            draft.discounts = summary.discounts.map { Amount(number: $0.amount.number, currency: $0.amount.currency) }
            draft.fees = summary.fees.map(\.amount)
            draft.refund = summary.refund?.amount
            draft.currency = currencyGuess(summary)
            return draft
        }

        /// Fills what a structured source without content (a `ParcelDelivery`, an invoice
        /// without amounts) says into `draft`.
        func complete(_ draft: inout OrderDraft, from structured: OrderDraft) {
            if let number = structured.number, structured.numberRank < draft.numberRank {
                draft.number = number
                draft.numberRank = structured.numberRank
            }
            if structured.statusStated, !draft.statusStated {
                draft.status = structured.status
                draft.statusStated = true
            }
            draft.tracking += structured.tracking
            draft.date = draft.date ?? structured.date
            draft.dueDate = draft.dueDate ?? structured.dueDate
        }

        /// Completes a draft from the whole mail: number, tracking, status, missing amounts, dates.
        mutating func complete(_ draft: inout OrderDraft) {
            let subject = message.subject ?? ""
            if draft.number == nil {
                // References stand near the top: the first 100 lines of each text are read.
                let first = OrderNumberFinder.find(in: [TextLine(subject)] + bodyLines.prefix(100))
                let found = first?.rank == 0 ? first : [first, OrderNumberFinder.find(in: Array(otherLines.prefix(100)))].compactMap { $0 }.min { $0.rank < $1.rank }
                if let found {
                    draft.number = found.number
                    draft.numberRank = found.rank
                }
            }
            let tracking = TrackingFinder.find(in: bodyLines + otherLines, excluding: draft.number)
            for number in tracking.numbers where !draft.tracking.contains(where: { $0.number == number.number }) {
                draft.tracking.append(number)
            }
            if !tracking.rejected.isEmpty { rejectedTracking = tracking.rejected }
            if !draft.statusStated {
                let body = bodyLines.prefix(40).map(\.text).joined(separator: "\n").utf8Prefix(3_000) + "\n"
                    + otherLines.prefix(40).map(\.text).joined(separator: "\n").utf8Prefix(3_000)
                draft.status = StatusDetector.status(subject: subject, body: body)
            }
            let refundMail = draft.status == .refunded || draft.status == .cancelled || draft.status == .returned
            if draft.source == .schemaOrg || draft.source == .microdata || draft.source == .rules,
                draft.total == nil || refundMail || !itemsMatchTotal(draft)
            {
                let summary = self.summary(for: .text)
                if draft.total == nil { draft.total = summary.total?.amount }
                if draft.subtotal == nil { draft.subtotal = summary.subtotal?.amount }
                if draft.shipping.isEmpty { draft.shipping = summary.shipping.map(\.amount) }
                if draft.tax == nil { draft.tax = summary.tax?.amount }
                if draft.discounts.isEmpty { draft.discounts = summary.discounts.map { Amount(number: $0.amount.number, currency: $0.amount.currency) } }
                if draft.fees.isEmpty { draft.fees = summary.fees.map(\.amount) }
                if draft.refund == nil { draft.refund = summary.refund?.amount }
            }
            let lines = bodyLines + otherLines
            if draft.date == nil { draft.date = DateFinder.find(DateFinder.orderDateList, in: lines, resolver: resolver, reference: message.date) }
            if draft.dueDate == nil { draft.dueDate = DateFinder.find(DateFinder.dueDateList, in: lines, resolver: resolver, reference: message.date) }
        }

        /// Whether the mail's subject or first lines say goods came back or money was given back
        /// (status returned or refunded), as `complete` reads the status.
        var readsAsReturnOrRefund: Bool {
            let body = bodyLines.prefix(40).map(\.text).joined(separator: "\n").utf8Prefix(3_000) + "\n"
                + otherLines.prefix(40).map(\.text).joined(separator: "\n").utf8Prefix(3_000)
            return StatusDetector.saysReturnOrRefund(subject: message.subject ?? "", body: body)
        }

        /// Whether a draft's priced items add up to its total (then the text's summary lines
        /// are not needed to explain it).
        func itemsMatchTotal(_ draft: OrderDraft) -> Bool {
            guard let currency = draft.currency ?? draft.total?.currency, let total = draft.total?.minorUnits(in: currency) else { return false }
            var sum: Int64 = 0
            for item in draft.items {
                guard let unit = item.unitPrice?.minorUnits(in: currency) else { return false }
                sum += unit * Int64(item.quantity)
            }
            return abs(sum - total) <= Int64(max(2, draft.items.count))
        }

        /// The order read from the item lines of a text: the body's (`rendered` false), whose summary
        /// gives the amounts, or the rendered HTML's when the body is the plain part. A plain part
        /// without items (one that only points to the HTML, "View this email in your browser") is
        /// read in the rendered HTML's lines; a table's unpriced items stand when the lines give no
        /// price.
        func textDraft(rendered: Bool, unpricedTableItems: [ItemCandidate]) -> OrderDraft {
            let fullSummary = rendered ? renderedSummary : summary(for: .text)
            var candidates = TextItemReader.items(in: rendered ? otherLines : bodyLines, summary: fullSummary, resolver: resolver)
            if candidates.isEmpty, !rendered, !otherLines.isEmpty {
                candidates = TextItemReader.items(in: otherLines, summary: renderedSummary, resolver: resolver)
            }
            var source = ExtractionSource.text
            if !candidates.contains(where: \.hasPrice), !unpricedTableItems.isEmpty, unpricedTableItems.count >= candidates.count {
                candidates = unpricedTableItems
                source = .htmlTable
            }
            let summary = fullSummary.removingItems(named: candidates.map(\.name))
            var draft = heuristicDraft(source, summary: summary)
            // "Aantal  Product  Bedrag": a column heading over the lines says what their one price is.
            let hint = candidates.contains(where: { $0.price != nil && $0.quantity > 1 })
                ? TextItemReader.headingReading(rendered ? otherLines : bodyLines) : nil
            draft.items = ItemPricing.resolve(candidates, summary: summary, currency: currencyGuess(summary), hint: hint)
            // One item the mail names without a price: the amount the mail is about is its price.
            if draft.items.count == 1, draft.items[0].unitPrice == nil, let amount = draft.refund ?? draft.total,
                let currency = amount.currency ?? draft.currency
            {
                draft.items[0].lineTotal = amount
                draft.items[0].unitPrice = ItemPricing.divide(amount, by: draft.items[0].quantity, currency: currency)
            }
            return draft
        }

        /// Whether a reading's items are all priced and add up with its amounts to its total
        /// (as `finish` checks them). A refund or a cancellation is not checked this way.
        func addsUp(_ draft: OrderDraft) -> Bool {
            guard !draft.items.isEmpty, draft.refund == nil,
                let currency = draft.currency ?? draft.total?.currency,
                let total = draft.total?.minorUnits(in: currency)
            else { return false }
            var itemsTotal: Int64 = 0
            for item in draft.items {
                if let line = item.lineTotal?.minorUnits(in: currency) {
                    itemsTotal += line
                } else if let unit = item.unitPrice?.minorUnits(in: currency) {
                    itemsTotal += unit * Int64(item.quantity)
                } else {
                    return false
                }
            }
            func sum(_ amounts: [Amount]) -> Int64 { amounts.compactMap { $0.minorUnits(in: currency).map(abs) }.reduce(0, +) }
            return Reconciliation.reconciles(itemsTotal: itemsTotal, itemCount: draft.items.count, total: total,
                                             subtotal: draft.subtotal?.minorUnits(in: currency), shipping: sum(draft.shipping),
                                             tax: draft.tax?.minorUnits(in: currency) ?? 0, fees: sum(draft.fees), discount: sum(draft.discounts))
        }

        /// Tracking-shaped numbers whose check digit was wrong.
        var rejectedTracking: [String] = []
    }
}

/// Summaries computed on first use for one message (a context lives on one thread).
final class SummaryCache {
    var plain: OrderSummary?
    var rendered: OrderSummary?

    func value(_ slot: ReferenceWritableKeyPath<SummaryCache, OrderSummary?>, _ make: () -> OrderSummary) -> OrderSummary {
        if let cached = self[keyPath: slot] { return cached }
        let made = make()
        self[keyPath: slot] = made
        return made
    }
}
