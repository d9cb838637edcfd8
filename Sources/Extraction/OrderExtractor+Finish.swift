import Foundation
import MailroomCore

extension OrderExtractor.Context {
    /// No single amount on an order mail reaches ten million major units.
    static let maximumMajorUnits: Int64 = 10_000_000
    /// More lines than a shop's order mail lists: a JSON-LD block of tens of thousands of offers
    /// keeps its first lines, with the warning `items-truncated`, and its sums are not checked.
    static let maximumItems = 500

    /// Items whose unit prices are before tax while their line totals include it (`Prix unitaire HT
    /// 14,08 €`, `Total TTC 16,90 €`): the price paid for one unit is the line's total over its count.
    /// Only where every item with both prices shows one same rate between 5% and 27% (a tax's).
    static func withTaxedUnitPrices(_ items: [ExtractedItem]) -> [ExtractedItem] {
        var rates: [Double] = []
        for item in items {
            guard let unit = item.unitPrice, let line = item.lineTotal, unit.minorUnits > 0 else { continue }
            rates.append(Double(line.minorUnits) / Double(unit.minorUnits * Int64(item.quantity)))
        }
        guard let first = rates.first, (1.05...1.27).contains(first), rates.allSatisfy({ abs($0 - first) <= 0.005 }) else { return items }
        return items.map { item in
            guard let line = item.lineTotal, item.unitPrice != nil else { return item }
            var taxed = item
            taxed.unitPrice = Money(minorUnits: (line.minorUnits * 2 + Int64(item.quantity)) / (2 * Int64(item.quantity)), currency: line.currency)
            return taxed
        }
    }

    /// Items whose line total is less than their count times their unit price (`1 x 35,00 € 28,00 €`,
    /// `Instant Savings: -$400.00   1   $1,399.00   $999.00`): the unit price is the one struck out or
    /// listed before a saving, the line's total what was paid, and the price of one unit its share
    /// (when it divides evenly).
    static func withReducedUnitPrices(_ items: [ExtractedItem]) -> [ExtractedItem] {
        items.map { item in
            guard let unit = item.unitPrice, let line = item.lineTotal, line.minorUnits > 0, line.minorUnits < unit.minorUnits * Int64(item.quantity),
                line.minorUnits % Int64(item.quantity) == 0
            else { return item }
            var paid = item
            paid.unitPrice = Money(minorUnits: line.minorUnits / Int64(item.quantity), currency: line.currency)
            return paid
        }
    }

    /// Settles the currency, turns amounts into money, checks the values and the sums.
    func finish(_ draft: OrderDraft) -> ExtractedOrder {
        var warnings: [String] = []
        let currency = draft.currency ?? draft.total?.currency ?? draft.refund?.currency
            ?? draft.items.lazy.compactMap({ $0.unitPrice?.currency ?? $0.lineTotal?.currency }).first
            ?? currencyGuess(OrderSummary())
            ?? LanguageCurrency.currency(of: ([message.subject ?? ""] + bodyLines.map(\.text)))
        func money(_ amount: Amount?) -> Money? {
            guard let amount, let currency, amount.currency == nil || amount.currency == currency,
                let minor = amount.minorUnits(in: currency)
            else { return nil }
            let scale = Int64(pow(10, Double(Money.digits(of: currency))))
            guard abs(minor) < Self.maximumMajorUnits * scale else { return nil }
            return Money(minorUnits: minor, currency: currency)
        }
        func sum(_ amounts: [Amount]) -> Money? {
            let values = amounts.compactMap { money($0) }
            guard let first = values.first else { return nil }
            return Money(minorUnits: values.reduce(0) { $0 + abs($1.minorUnits) }, currency: first.currency)
        }

        var items: [ExtractedItem] = []
        var truncated = false
        for item in draft.items where (1...9_999).contains(item.quantity) && !item.name.isEmpty && item.name.count <= 300 {
            if items.count == Self.maximumItems {
                truncated = true
                break
            }
            let unit = money(item.unitPrice)
            let line = money(item.lineTotal) ?? unit.map { Money(minorUnits: $0.minorUnits * Int64(item.quantity), currency: $0.currency) }
            if let unit, unit.minorUnits < 0 { continue }
            items.append(ExtractedItem(name: item.name, quantity: item.quantity, unitPrice: unit, lineTotal: line, sku: item.sku))
        }

        items = Self.withReducedUnitPrices(Self.withTaxedUnitPrices(items))
        var total = money(draft.total)
        var refunded: Money?
        let refund = money(draft.refund)
        switch draft.status {
        case .refunded?, .returned?:
            refunded = refund ?? total
            total = refund ?? total
        case .cancelled?:
            refunded = refund
            total = refund ?? total
        default:
            break
        }
        let shipping = sum(draft.shipping)
        let discount = sum(draft.discounts)
        let fees = sum(draft.fees)
        let tax = money(draft.tax)
        let subtotal = money(draft.subtotal)

        let pricedItems = truncated ? [] : items.compactMap(\.lineTotal)
        if truncated {
            warnings.append("items-truncated")
        } else if total == nil, !items.isEmpty, pricedItems.count == items.count, let currency {
            let computed = pricedItems.reduce(0) { $0 + $1.minorUnits } + (shipping?.minorUnits ?? 0) + (fees?.minorUnits ?? 0)
                - (discount?.minorUnits ?? 0)
            total = Money(minorUnits: computed, currency: currency)
            warnings.append("total-computed")
        } else if let total, !items.isEmpty, pricedItems.count == items.count, draft.status != .refunded, draft.status != .cancelled,
            draft.status != .returned
        {
            let itemsTotal = pricedItems.reduce(0) { $0 + $1.minorUnits }
            if !Reconciliation.reconciles(itemsTotal: itemsTotal, itemCount: items.count, total: total.minorUnits,
                                          subtotal: subtotal?.minorUnits, shipping: shipping?.minorUnits ?? 0,
                                          tax: tax?.minorUnits ?? 0, fees: fees?.minorUnits ?? 0,
                                          discount: discount?.minorUnits ?? 0)
            {
                warnings.append("totals-do-not-reconcile")
            }
        }
        if !rejectedTracking.isEmpty { warnings.append("tracking-check-digit") }

        var seen: Set<String> = []
        let tracking = draft.tracking.filter { seen.insert($0.number).inserted }
        return ExtractedOrder(
            number: draft.number, date: draft.date, currency: currency, total: total, subtotal: subtotal,
            shipping: shipping, tax: tax, discount: discount, refunded: refunded, items: items, status: draft.status,
            tracking: tracking, extractedBy: draft.source, dueDate: draft.dueDate, deliveryDate: draft.deliveryDate,
            warnings: warnings
        )
    }
}
