import Foundation
import HTML
import Intl
import Rules

/// Runs a vendor's extractor rule (`Rules/extractors/<vendor>.yaml`) over one mail.
enum ExtractorRuleRunner {
    struct Context {
        let subject: String
        let document: HTMLDocument?
        let lines: [TextLine]
        let resolver: CurrencyResolver
        let reference: Date?
    }

    /// Whether the rule's conditions hold for this mail.
    static func applies(_ rule: ExtractorRule, _ context: Context) -> Bool {
        if !rule.subjects.isEmpty {
            let folded = TextFolding.fold(context.subject)
            guard rule.subjects.contains(where: { $0.matches(folded) }) else { return false }
        }
        if let xpath = rule.requires {
            guard let document = context.document, !document.select(xpath).isEmpty else { return false }
        }
        return true
    }

    /// The rule's reading of the mail, or `nil` when it reads nothing.
    static func draft(_ rule: ExtractorRule, _ context: Context) -> (OrderDraft, [ItemCandidate])? {
        guard applies(rule, context) else { return nil }
        var draft = OrderDraft(source: .rules)
        var candidates: [ItemCandidate] = []
        if let items = rule.items {
            if let rows = items.rows, let document = context.document {
                for row in document.select(rows) {
                    if let candidate = item(row: row, items: items, context: context) { candidates.append(candidate) }
                }
            } else if let pattern = items.pattern {
                for line in context.lines {
                    if let candidate = item(line: line.text, pattern: pattern, groups: items.groups, context: context) {
                        candidates.append(candidate)
                    }
                }
            }
        }
        for (name, field) in rule.fields {
            guard let text = value(field, context) else { continue }
            switch name {
            case "number": draft.number = text; draft.numberRank = -1
            case "date": draft.date = DateText.iso(text) ?? DateText.find(in: text, monthFirst: context.resolver.monthFirst, reference: context.reference)
            case "currency": draft.currency = context.resolver.code(for: text) ?? (Money.isCurrencyCode(text.uppercased()) ? text.uppercased() : nil)
            case "total": draft.total = amount(text, context)
            case "subtotal": draft.subtotal = amount(text, context)
            case "shipping": draft.shipping = amount(text, context).map { [$0] } ?? []
            case "tax": draft.tax = amount(text, context)
            case "discount": draft.discounts = amount(text, context).map { [Amount(number: $0.number, currency: $0.currency)] } ?? []
            case "status":
                if let status = SchemaOrgReader.status(from: text) ?? StatusDetector.status(subject: text, body: "") {
                    draft.status = status
                    draft.statusStated = true
                }
            case "tracking":
                if let tracking = TrackingNumber.validated(text, carrier: nil) { draft.tracking.append(tracking) }
            default: break
            }
        }
        if candidates.isEmpty && draft.isEmpty { return nil }
        return (draft, candidates)
    }

    static func item(row: HTMLNode, items: ExtractorRule.Items, context: Context) -> ItemCandidate? {
        func text(_ xpath: String?) -> String? {
            guard let xpath, let node = row.select(xpath).first else { return nil }
            let lines = node.renderedContent().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            return lines.first { !$0.isEmpty }
        }
        guard let name = text(items.name).map(TextItemReader.cleanName), !name.isEmpty else { return nil }
        let quantity = text(items.quantity).flatMap(quantity(in:)) ?? 1
        var candidate = ItemCandidate(name: name, quantity: quantity)
        candidate.unitPrice = text(items.unitPrice).flatMap { amount($0, context) }
        candidate.lineTotal = text(items.lineTotal).flatMap { amount($0, context) }
        candidate.sku = text(items.sku)
        return candidate
    }

    static func item(line: String, pattern: ICURegex, groups: [String], context: Context) -> ItemCandidate? {
        let text = UTF16Text(line)
        guard let match = pattern.matches(in: text, limit: 1).first else { return nil }
        var values: [String: String] = [:]
        for (index, group) in groups.enumerated() where index + 1 < match.count {
            if let range = match[index + 1] { values[group] = text.substring(range).trimmingCharacters(in: .whitespaces) }
        }
        guard let name = values["name"].map(TextItemReader.cleanName), !name.isEmpty else { return nil }
        var candidate = ItemCandidate(name: name, quantity: values["quantity"].flatMap(quantity(in:)) ?? 1)
        candidate.unitPrice = values["unit_price"].flatMap { amount($0, context) }
        candidate.lineTotal = values["line_total"].flatMap { amount($0, context) }
        candidate.sku = values["sku"]
        return candidate
    }

    /// A count as a cell writes it: `2`, `2x`, `Qté : 2`, `Menge: 2 Stück`.
    static func quantity(in text: String) -> Int? {
        if let count = TextItemReader.standaloneQuantity(text) ?? TextItemReader.labelledQuantity(TextFolding.fold(text)) { return count }
        let numbers = Words(TextFolding.fold(text)).items.compactMap { Int($0) }
        return numbers.count == 1 && (1...9_999).contains(numbers[0]) ? numbers[0] : nil
    }

    /// A field's text: the first node its XPath selects, else group 1 of its pattern.
    static func value(_ field: ExtractorRule.Field, _ context: Context) -> String? {
        if let xpath = field.xpath, let node = context.document?.select(xpath).first {
            let text = node.renderedContent().split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { return text }
        }
        if let pattern = field.pattern {
            for line in context.lines {
                let text = UTF16Text(line.text)
                if let match = pattern.matches(in: text, limit: 1).first, match.count > 1, let range = match[1] {
                    let value = text.substring(range).trimmingCharacters(in: .whitespaces)
                    if !value.isEmpty { return value }
                }
            }
        }
        return nil
    }

    static func amount(_ text: String, _ context: Context) -> Amount? {
        let tokens = MoneyScanner.scan(text)
        guard let token = tokens.first(where: { !$0.isBare }) ?? tokens.first else { return nil }
        return OrderSummary.amount(token, resolver: context.resolver)
    }
}
