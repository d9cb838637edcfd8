/// Settles what each item's price means, then gives every item a unit price.
///
/// An item with one price and a quantity above one is ambiguous: `2x Garlic Naan £8.40` is a
/// line total, `2 x 59,99 €` a unit price. The reading whose sum matches the order's summary
/// (subtotal, or total less shipping, tax and fees plus discounts) wins; a header that says
/// "unit price" or "amount" decides when the sums cannot; then a count written apart from every
/// ambiguous price (`Qté : 2 – 24,00 €`) says line totals; unit price otherwise.
enum ItemPricing {
    enum Reading { case unit, line }

    static func resolve(_ candidates: [ItemCandidate], summary: OrderSummary, currency: String?, hint: Reading? = nil) -> [DraftItem] {
        let candidates = withoutStrays(candidates, summary: summary, currency: currency)
        let reading = decide(candidates, summary: summary, currency: currency) ?? hint ?? lean(candidates) ?? .unit
        return candidates.map { candidate in
            var unit = candidate.unitPrice
            var line = candidate.lineTotal
            if let price = candidate.price {
                switch reading {
                case .unit: if unit == nil { unit = price }
                case .line: if line == nil { line = price }
                }
            }
            if unit == nil, let total = line, let currency = currency ?? total.currency {
                unit = divide(total, by: candidate.quantity, currency: currency)
            }
            return DraftItem(name: candidate.name, quantity: candidate.quantity, unitPrice: unit, lineTotal: line, sku: candidate.sku)
        }
    }

    /// The candidates without a first or last one that stops them adding up: when the priced
    /// candidates match none of the summary's targets (read as unit prices or as line totals),
    /// but do without the one at either end, that one is no item (a banner's `Free shipping
    /// over £29` above the list, a promotion under it).
    static func withoutStrays(_ candidates: [ItemCandidate], summary: OrderSummary, currency: String?) -> [ItemCandidate] {
        let candidates = withoutSubtotalLine(candidates, currency: currency)
        guard candidates.count >= 2, summary.total != nil || summary.subtotal != nil,
            let currency = currency ?? candidates.lazy.compactMap({ ($0.price ?? $0.unitPrice ?? $0.lineTotal)?.currency }).first
        else { return candidates }
        let targets = Reconciliation.itemTargets(summary: summary, currency: currency)
        guard !targets.isEmpty, !fits(candidates[...], targets: targets, currency: currency) else { return candidates }
        let withoutFirst = fits(candidates.dropFirst(), targets: targets, currency: currency)
        let withoutLast = fits(candidates.dropLast(), targets: targets, currency: currency)
        // Both add up ("2 x Standing ticket   £78.50 each" over "Ticket price: £157.00"): the one whose count
        // is written is the item.
        if withoutFirst, withoutLast, let first = candidates.first, let last = candidates.last, first.quantityStated != last.quantityStated {
            return first.quantityStated ? Array(candidates.dropLast()) : Array(candidates.dropFirst())
        }
        if withoutFirst { return Array(candidates.dropFirst()) }
        if withoutLast { return Array(candidates.dropLast()) }
        return candidates
    }

    /// The candidates without a last one, counted once, whose price is the sum of the three or
    /// more priced ones above it (read as unit prices or as line totals): a subtotal under an
    /// unlabelled or unusually labelled list (`Guide price £39.90`, `Valeur du panier 52,40 €`),
    /// not an item.
    static func withoutSubtotalLine(_ candidates: [ItemCandidate], currency: String?) -> [ItemCandidate] {
        guard candidates.count >= 4, let last = candidates.last, last.quantity == 1,
            let currency = currency ?? candidates.lazy.compactMap({ ($0.price ?? $0.unitPrice ?? $0.lineTotal)?.currency }).first,
            let amount = (last.price ?? last.lineTotal ?? last.unitPrice)?.minorUnits(in: currency), amount > 0,
            let sums = sums(candidates.dropLast(), currency: currency, everyPriced: true)
        else { return candidates }
        return sums.asUnit == amount || sums.asLine == amount ? Array(candidates.dropLast()) : candidates
    }

    /// Whether every candidate has a price and their sum, read as unit prices or as line
    /// totals, meets a target within a minor unit.
    static func fits(_ candidates: ArraySlice<ItemCandidate>, targets: [Int64], currency: String) -> Bool {
        guard let sums = sums(candidates, currency: currency, everyPriced: true) else { return false }
        return targets.contains { abs($0 - sums.asUnit) <= 1 || abs($0 - sums.asLine) <= 1 }
    }

    /// The candidates' sum read two ways: each price as a unit price (times the quantity) and as
    /// a line total. `nil` when `everyPriced` and a candidate has no price; otherwise such a
    /// candidate adds nothing.
    static func sums(_ candidates: some Collection<ItemCandidate>, currency: String, everyPriced: Bool) -> (asUnit: Int64, asLine: Int64)? {
        var asUnit: Int64 = 0
        var asLine: Int64 = 0
        for candidate in candidates {
            if let price = candidate.price?.minorUnits(in: currency) {
                asUnit += price * Int64(candidate.quantity)
                asLine += price
            } else if let line = candidate.lineTotal?.minorUnits(in: currency) {
                asUnit += line
                asLine += line
            } else if let unit = candidate.unitPrice?.minorUnits(in: currency) {
                asUnit += unit * Int64(candidate.quantity)
                asLine += unit * Int64(candidate.quantity)
            } else if everyPriced {
                return nil
            }
        }
        return (asUnit, asLine)
    }

    /// Line totals when every price of several units stands apart from its labelled or bracketed
    /// count (`Sweat – Qté : 2 – 24,00 €`): across the corpora such prices are mostly the line's.
    static func lean(_ candidates: [ItemCandidate]) -> Reading? {
        let ambiguous = candidates.filter { $0.price != nil && $0.quantity > 1 }
        return !ambiguous.isEmpty && ambiguous.allSatisfy(\.countApart) ? .line : nil
    }

    /// The reading the summary confirms, when only one of them adds up.
    static func decide(_ candidates: [ItemCandidate], summary: OrderSummary, currency: String?) -> Reading? {
        guard candidates.contains(where: { $0.price != nil && $0.quantity > 1 }) else { return nil }
        guard let currency = currency ?? candidates.lazy.compactMap({ $0.price?.currency }).first else { return nil }
        guard let (asUnit, asLine) = sums(candidates, currency: currency, everyPriced: false) else { return nil }
        let targets = Reconciliation.itemTargets(summary: summary, currency: currency)
        let unitFits = targets.contains { abs($0 - asUnit) <= 1 }
        let lineFits = targets.contains { abs($0 - asLine) <= 1 }
        if unitFits && !lineFits { return .unit }
        if lineFits && !unitFits { return .line }
        // Both add up, one to the stated subtotal, the other only to a total whose charges were not all
        // read (`Shipping: $32.00 via USPS…`): the subtotal is the items' own sum.
        if unitFits, lineFits, let subtotal = summary.subtotal?.amount.minorUnits(in: currency) {
            let unitMakesSubtotal = abs(subtotal - asUnit) <= 1
            let lineMakesSubtotal = abs(subtotal - asLine) <= 1
            if unitMakesSubtotal != lineMakesSubtotal { return unitMakesSubtotal ? .unit : .line }
        }
        // Neither adds up (a topping's or a deposit's line left out): items read as unit prices
        // that cost more than the whole order, discounts given back, are line totals.
        if !unitFits, !lineFits, let most = targets.max(), asUnit > most, asLine <= most { return .line }
        // Neither adds up, both fall short: unit prices that come within a few percent of a target
        // (`Consigne bocal … Qté : 2  0,20 €` left out of the goods), where line totals fall far
        // short, are unit prices. A unit reading is never below a line reading, so it is the closer.
        if !unitFits, !lineFits, let target = targets.filter({ $0 > asUnit }).min() {
            let gap = target - asUnit
            if gap * 100 <= target * 3, target - asLine >= gap * 4 { return .unit }
        }
        return nil
    }

    /// A line total shared out over its quantity, rounded half up to the minor unit.
    static func divide(_ amount: Amount, by quantity: Int, currency: String) -> Amount? {
        guard quantity > 0, let minor = amount.minorUnits(in: currency) else { return nil }
        let digits = Money.digits(of: currency)
        let unit = (abs(minor) * 2 + Int64(quantity)) / (2 * Int64(quantity))
        let text = Money.decimalString(unit, digits: digits)
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        return Amount(number: DecimalText(integer: parts[0], fraction: parts.count > 1 ? parts[1] : ""),
                      negative: minor < 0, currency: currency)
    }
}

/// Whether an order's amounts add up.
enum Reconciliation {
    /// What the items of an order should add up to, given its summary: the subtotal; the total
    /// less shipping and fees, with and without tax, plus discounts (only these when
    /// `includingSubtotal` is false).
    static func itemTargets(summary: OrderSummary, currency: String, subtotal includingSubtotal: Bool = true) -> [Int64] {
        var targets: [Int64] = []
        if includingSubtotal, let subtotal = summary.subtotal?.amount.minorUnits(in: currency) { targets.append(subtotal) }
        if let total = summary.total?.amount.minorUnits(in: currency) ?? summary.refund?.amount.minorUnits(in: currency) {
            let shipping = summary.shipping.compactMap { $0.amount.minorUnits(in: currency) }.reduce(0, +)
            let fees = summary.fees.compactMap { $0.amount.minorUnits(in: currency) }.reduce(0, +)
            let discount = summary.discounts.compactMap { $0.amount.minorUnits(in: currency).map(abs) }.reduce(0, +)
            let tax = summary.tax?.amount.minorUnits(in: currency) ?? 0
            let base = total - shipping - fees + discount
            targets += [base, base - tax, total]
        }
        return targets
    }

    /// Whether items, shipping, tax, fees and discounts reconcile with the total within a
    /// rounding tolerance (tax may be included in the prices or added to them).
    static func reconciles(itemsTotal: Int64, itemCount: Int, total: Int64, subtotal: Int64?, shipping: Int64,
                           tax: Int64, fees: Int64, discount: Int64) -> Bool
    {
        let tolerance = Int64(max(2, itemCount))
        let included = itemsTotal + shipping + fees - discount
        if abs(included - total) <= tolerance || abs(included + tax - total) <= tolerance { return true }
        if let subtotal {
            if abs(subtotal - itemsTotal) <= tolerance || abs(subtotal + tax - itemsTotal) <= tolerance
                || abs(subtotal - (itemsTotal - tax)) <= tolerance
            {
                let fromSubtotal = subtotal + shipping + fees - discount
                if abs(fromSubtotal - total) <= tolerance || abs(fromSubtotal + tax - total) <= tolerance { return true }
            }
        }
        return false
    }
}
