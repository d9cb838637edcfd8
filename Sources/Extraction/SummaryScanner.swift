import Foundation
import Intl

/// One labelled amount of an order's summary (`Total TTC : 1 053,00 €`).
struct SummaryLine: Sendable {
    var kind: SummaryKind
    var amount: Amount
    /// The folded label, parentheses removed.
    var label: String
    /// Index of the line it was read from.
    var line: Int
    /// Whether the label says the charge is paid apart, not in the order's total (`City tax (pay at
    /// property)`, `Taxe de séjour (non incluse)`): the line closes the items but adds to no sum.
    var paidApart = false
}

/// The summary amounts of an order mail: total, subtotal, shipping, tax, discounts, fees and
/// refunds, read from `label: amount` lines in any of the supported languages.
struct OrderSummary: Sendable {
    var lines: [SummaryLine] = []

    /// Reads the labelled amounts of `lines`.
    init(lines textLines: [TextLine], resolver: CurrencyResolver) {
        for (index, line) in textLines.enumerated() {
            lines += Self.read(line, index: index, resolver: resolver)
        }
    }

    init() {}

    static func read(_ line: TextLine, index: Int, resolver: CurrencyResolver) -> [SummaryLine] {
        var result: [SummaryLine] = []
        // "Quantity: 2   Unit price: £3.50   Total: £7.00" is an item's line, not the order's total.
        if !line.amounts.isEmpty, TextItemReader.opensWithQuantity(line) { return [] }
        // "Prix : 24,99 € / unité — Total : 49,98 €": an item's unit price and its line's total.
        if line.amounts.count >= 2, TextItemReader.opensWithUnitPrice(line) { return [] }
        // "Housse de transport 88 touches   1   89,00 €   89,00 €": a count, a price and their product.
        if TextItemReader.isCountedItemLine(line) { return [] }
        var labelStart = 0
        // "inkl. 0,15 € Pfand   3,20 €": a line opening with what a price includes; the amount after
        // that part is the item's price, not a charge.
        let opensWithIncluded = line.amounts.count >= 2 && !line.amounts[0].isBare && Words.edges(line.foldedSlice(from: 0, to: line.amounts[0].range.lowerBound))
            .map { includedWords.contains($0.first) } == true
        // A labelled rate's kind and label, carried to the amount right after it on the line.
        var carried: (kind: SummaryKind, label: String)?
        for (position, token) in line.amounts.enumerated() {
            defer { labelStart = token.range.upperBound }
            if opensWithIncluded, labelStart > 0 { continue }
            // A label is a few words: a sentence before an amount is no summary line (cheap test first),
            // but the amount's own short sentence may label it ("We've cancelled order #GS-1 as asked.
            // A full refund of £58.00 is on its way", "… wurde storniert. Der Betrag von 329,00 € …").
            var start = labelStart
            if line.wordCount(from: labelStart, to: token.range.lowerBound) > 12, !token.negative {
                guard let sentence = Self.sentenceStart(line.scalars, from: labelStart, to: token.range.lowerBound),
                    line.wordCount(from: sentence, to: token.range.lowerBound) <= 12
                else { continue }
                start = sentence
            }
            var label = line.foldedSlice(from: start, to: token.range.lowerBound)
            // "Offre de bienvenue  -20,00 €": an unlabelled negative amount is a discount.
            var kind = SummaryLabel.kind(ofFolded: label)
                ?? (token.negative && Words(label).count <= 6 && Words(label).count > 0 ? .discount : nil)
            if kind == nil, let rate = carried, Words(label).isEmpty { (kind, label) = (rate.kind, rate.label) }
            carried = nil
            // "Kurtaxe 2 Pers. x 2 Nächte à 3,60 €   14,40 €": an amount after a rate's word, another amount
            // right after it, is the rate; the charge is the amount after it.
            if let found = kind, position + 1 < line.amounts.count, Self.endsWithRateWord(label),
                Words(line.foldedSlice(from: token.range.upperBound, to: line.amounts[position + 1].range.lowerBound)).isEmpty
            {
                carried = (found, label)
                continue
            }
            // Only a label too long to be one (more than 8 words) is cut to its last sentence: "2 uds.
            // Marcapáginas grabado" is an item's line.
            if kind == nil, start == labelStart, !token.negative, Words(label, maximumCount: 9).count > 8,
                let sentence = Self.sentenceStart(line.scalars, from: labelStart, to: token.range.lowerBound)
            {
                let own = line.foldedSlice(from: sentence, to: token.range.lowerBound)
                if let found = SummaryLabel.kind(ofFolded: own) { kind = found; label = own; start = sentence }
            }
            // A sentence cut from a paragraph tells what was paid or given back, never a charge.
            if start != labelStart, let found = kind, found != .total, found != .refund { continue }
            kind = kind ?? (Self.refundedAfter(line, token) && line.amounts.allSatisfy { $0 == token || $0.isBare } ? .refund : nil)
            guard let kind else { continue }
            // "… applied at total   1   £3.75": a count right before the amount makes it an item's price.
            if kind == .total || kind == .subtotal, Self.endsWithCount(label) { continue }
            var found = SummaryLine(kind: kind, amount: amount(token, resolver: resolver), label: SummaryLabel.withoutParentheses(label), line: index)
            if kind == .fee || kind == .tax { found.paidApart = SummaryLabel.saysPaidApart(folded: label) }
            result.append(found)
        }
        // "£35.18 Total (paid by card)", "£2.49 Delivery fee": an amount in a first column, its label after it.
        if result.isEmpty, line.amounts.count == 1, let token = line.amounts.first, !token.isBare,
            line.slice(from: 0, to: token.range.lowerBound).unicodeScalars.allSatisfy(\.properties.isWhitespace),
            line.wordCount(from: token.range.upperBound, to: line.scalars.count) <= 6
        {
            let label = line.foldedSlice(from: token.range.upperBound, to: line.scalars.count)
            if let kind = SummaryLabel.kind(ofFolded: label) {
                result.append(SummaryLine(kind: kind, amount: amount(token, resolver: resolver),
                                          label: SummaryLabel.withoutParentheses(label), line: index))
            }
        }
        // "(dont TVA 6,91 €)", "(incl. 20% VAT of £2.17)": a bracket's own label.
        let depths = line.bracketedAmounts.isEmpty ? [] : TextLine.parenthesisDepths(line.scalars)
        for token in line.bracketedAmounts {
            var start = token.range.lowerBound
            while start > 0, depths[start - 1] >= depths[token.range.lowerBound], line.scalars[start - 1] != "(" { start -= 1 }
            let label = line.foldedSlice(from: start, to: token.range.lowerBound)
            if let kind = SummaryLabel.kind(ofFolded: label), kind == .tax || kind == .discount || kind == .shipping {
                result.append(SummaryLine(kind: kind, amount: amount(token, resolver: resolver), label: label, line: index))
            }
        }
        // "Livraison : Gratuite", "Shipping\tFREE".
        if line.amounts.isEmpty, line.bracketedAmounts.isEmpty, freeList.matches(line.key) {
            let cells = line.cells
            if cells.count >= 2 || line.text.contains(":") {
                let parts = cells.count >= 2 ? cells : line.text.split(separator: ":", maxSplits: 1).map(String.init)
                let value = TextFolding.fold(parts[parts.count - 1]).trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
                let label = TextFolding.fold(parts[0])
                if SummaryLabel.freeWords.contains(value), let kind = SummaryLabel.kind(ofFolded: label), kind == .shipping || kind == .fee {
                    result.append(SummaryLine(kind: kind, amount: Amount(number: DecimalText(integer: "0", fraction: ""), currency: nil),
                                              label: label, line: index))
                }
            }
        }
        return result
    }

    /// Whether a folded label ends with the word putting a rate after a count (`à`, `@`, `je`, `zu`,
    /// `per`, `each`, `por`, `x`).
    static func endsWithRateWord(_ label: String) -> Bool {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("@") { return true }
        guard let last = Words.edges(trimmed)?.last, trimmed.hasSuffix(last) else { return false }
        return rateWords.contains(last)
    }

    static let rateWords: Set<String> = ["a", "je", "zu", "per", "each", "por", "x", "ea", "da", "po"]

    /// Words opening what a price includes (`inkl.`, `incl.`, `dont`, `davon`, `incluido`, `waarvan`).
    static let includedWords: Set<String> = [
        "inkl", "incl", "inklusive", "including", "includes", "dont", "davon", "incluido", "incluidos", "incluye",
        "compreso", "compresi", "inclusief", "waarvan", "wliczono", "zawiera",
    ]

    /// Whether a word opens what an item's price includes or what is charged on top of it (`dont
    /// éco-participation`, `inkl. Pfand`, `zzgl. Pfand`): a detail of the item above, not the order's summary.
    static func opensItemCharge(_ word: String) -> Bool {
        includedWords.contains(word) || word == "zzgl" || word == "zuzuglich"
    }

    /// Where the last sentence before `upper` starts: the capital after `. `, `! ` or `? ` closing a
    /// word of two or more lowercase letters or digits (so `Nr. 5` and `z. B.` do not end one).
    static func sentenceStart(_ scalars: [Unicode.Scalar], from lower: Int, to upper: Int) -> Int? {
        var index = min(upper, scalars.count) - 1
        while index > lower + 2 {
            defer { index -= 1 }
            guard scalars[index].properties.isUppercase, MoneyScanner.isSpace(scalars[index - 1]) else { continue }
            let mark = scalars[index - 2]
            guard mark == "." || mark == "!" || mark == "?" else { continue }
            func closesWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase || DecimalText.digitValue(scalar) != nil }
            guard index >= 5, closesWord(scalars[index - 3]), closesWord(scalars[index - 4]) else { continue }
            return index
        }
        return nil
    }

    /// Whether the words after a line's amount, to the end of its sentence, say it was refunded
    /// (`wir haben dir 59,99 € … erstattet. Die Gutschrift …`, `… 45,98 € wordt teruggestort`, `je
    /// krijgt € 349,99 binnen 3 werkdagen terug`): verbs that close the sentence.
    static func refundedAfter(_ line: TextLine, _ token: MoneyToken) -> Bool {
        guard token.range.upperBound + 4 < line.scalars.count, !token.negative else { return false }
        let end = sentenceEnd(line.scalars, from: token.range.upperBound)
        let words = Words(line.foldedSlice(from: token.range.upperBound, to: end))
        return words.count <= 10 && words.containsAny(refundVerbs)
    }

    /// Where the sentence going on at `lower` ends: right after a full stop, an exclamation or a
    /// question mark closing a word, before a space and a capital; else the end of the line.
    static func sentenceEnd(_ scalars: [Unicode.Scalar], from lower: Int) -> Int {
        var index = max(lower, 1)
        while index + 2 < scalars.count {
            defer { index += 1 }
            let mark = scalars[index]
            guard mark == "." || mark == "!" || mark == "?", MoneyScanner.isSpace(scalars[index + 1]),
                scalars[index + 2].properties.isUppercase
            else { continue }
            let previous = scalars[index - 1]
            guard previous.properties.isLowercase || DecimalText.digitValue(previous) != nil else { continue }
            return index + 1
        }
        return scalars.count
    }

    static let refundVerbs: Set<String> = [
        "erstattet", "zuruckerstattet", "gutgeschrieben", "rembourse", "remboursee", "rembourses", "refunded", "terugbetaald",
        "teruggestort", "reembolsado", "reembolsados", "rimborsato", "rimborsati", "zwrocone", "zwrocona", "zwrocono",
        // Money given back (`je krijgt € 349,99 … terug`, `du bekommst 5,50 € zurück`).
        "terug", "zuruck",
    ]

    /// Whether a label of several words ends with a bare count (`applied at total 1`), the
    /// total word not first.
    static func endsWithCount(_ label: String) -> Bool {
        let words = Words(label).items
        guard words.count >= 3, let last = words.last, last.utf8.count <= 3, last.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return false
        }
        return !SummaryLabel.totalWords.contains(words[0]) && !SummaryLabel.subtotalWords.contains(words[0])
    }

    static let freeList = PhraseList(Array(SummaryLabel.freeWords))

    static func amount(_ token: MoneyToken, resolver: CurrencyResolver) -> Amount {
        Amount(number: token.number, negative: token.negative, currency: token.sign.flatMap(resolver.code(for:)))
    }

    /// The lines of a kind that count in the order's sums.
    func all(_ kind: SummaryKind) -> [SummaryLine] { lines.filter { $0.kind == kind && !$0.paidApart } }

    /// The summary without the lines that are line items (`Éco-participation | 1 | 10,00 €`
    /// reads like a fee but is counted among the items).
    func removingItems(named names: [String]) -> OrderSummary {
        let folded = Set(names.map { Words(TextFolding.fold($0)).items.joined(separator: " ") }.filter { !$0.isEmpty })
        guard !folded.isEmpty else { return self }
        var copy = self
        copy.lines = lines.filter { line in
            guard line.kind != .total, line.kind != .subtotal else { return true }
            let label = Words(line.label).items.joined(separator: " ")
            return !folded.contains { label == $0 || label.hasPrefix($0 + " ") }
        }
        return copy
    }

    /// The order's total: the strongest total label (starting with a total word), then the
    /// largest amount among equals.
    var total: SummaryLine? {
        let candidates = all(.total)
        if candidates.count > 1, let reconciled = reconciledTotal(candidates) { return reconciled }
        func score(_ line: SummaryLine) -> Int {
            let words = Words(line.label)
            var score = 0
            if let first = words.items.first, ["total", "gesamt", "totaal", "totale", "grand", "montant", "order", "importe", "summe"].contains(where: { first.hasPrefix($0) }) {
                score += 2
            }
            if words.count > 6 { score -= 2 }
            return score
        }
        return candidates.max { a, b in
            let (sa, sb) = (score(a), score(b))
            if sa != sb { return sa < sb }
            return compare(a.amount, b.amount) < 0
        }
    }

    /// Among totals of different amounts (`Total value $129.00`, `Order total $89.24`), the one
    /// the summary's other lines add up to: the subtotal with shipping and fees, less discounts,
    /// tax included or added. `nil` when no amount, or more than one, does.
    func reconciledTotal(_ candidates: [SummaryLine]) -> SummaryLine? {
        func value(_ amount: Amount) -> Int64? { amount.number.minorUnits(digits: 3).map { amount.negative ? -$0 : $0 } }
        let values = candidates.map { value($0.amount) }
        guard Set(values.compactMap { $0 }).count > 1, let subtotal = self.subtotal.flatMap({ value($0.amount) }) else { return nil }
        let charges = (shipping + fees).compactMap { value($0.amount) }.reduce(0, +)
        let discount = discounts.compactMap { value($0.amount).map(abs) }.reduce(0, +)
        let base = subtotal + charges - discount
        let tax = self.tax.flatMap { value($0.amount) } ?? 0
        let fitting = candidates.indices.filter { index in
            guard let total = values[index] else { return false }
            return abs(total - base) <= 10 || abs(total - base - tax) <= 10
        }
        guard let last = fitting.last, Set(fitting.compactMap { values[$0] }).count == 1 else { return nil }
        return candidates[last]
    }

    var subtotal: SummaryLine? { all(.subtotal).first }
    var tax: SummaryLine? { all(.tax).max { compare($0.amount, $1.amount) < 0 } }
    var refund: SummaryLine? { all(.refund).max { compare($0.amount, $1.amount) < 0 } }

    /// Every distinct shipping line, summed by the caller.
    var shipping: [SummaryLine] { unique(all(.shipping)) }
    var discounts: [SummaryLine] { unique(all(.discount)) }
    var fees: [SummaryLine] { unique(all(.fee)) }

    /// Lines with the same label and amount once (a summary repeated in a header box).
    func unique(_ lines: [SummaryLine]) -> [SummaryLine] {
        var seen: Set<String> = []
        return lines.filter { seen.insert($0.label + "|" + $0.amount.number.integer + "." + $0.amount.number.fraction).inserted }
    }

    /// Compares two amounts by value (signs and currencies ignored).
    func compare(_ a: Amount, _ b: Amount) -> Int {
        let x = (a.number.minorUnits(digits: 3) ?? 0) * (a.negative ? -1 : 1)
        let y = (b.number.minorUnits(digits: 3) ?? 0) * (b.negative ? -1 : 1)
        return x < y ? -1 : (x > y ? 1 : 0)
    }
}
