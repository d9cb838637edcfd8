/// An item as read from a line, before deciding whether its one price is a unit price or the
/// line's total.
struct ItemCandidate {
    var name: String
    var quantity: Int
    var unitPrice: Amount?
    var lineTotal: Amount?
    /// One price whose meaning is not written.
    var price: Amount?
    var sku: String?
    /// Whether the count is written (`2 x`, `Qty: 2`), not assumed to be one.
    var quantityStated = false
    /// A bare number printed apart in the item's name cell (`Vitamin C 500 mg` over `2`): its
    /// count when the rows around it print one too (`HTMLTableReader.withTrailingCounts`).
    var looseCount: Int?
    /// Whether the name was read from the line above the count and price (`TextItemReader`).
    var namedAbove = false
    /// Whether the count is written apart from the one price, by its label or in brackets (`Sweat –
    /// Qté : 2 – 24,00 €`, `Carte de vœux (3) - 13,50 €`), not against it (`2 x 12,00 €`): such a price is
    /// more often the line's total (`ItemPricing`).
    var countApart = false
    /// A bare count opening the name, one space before a capital (`1 Pizza Grande`, `2 Cookies x4`), and
    /// the name after it: the item's count when every item of the list opens so
    /// (`TextItemReader.withOpeningCounts`), else part of the name.
    var openingCount: (count: Int, name: String)?
    /// Whether a bare count opened the line, one space before the name (`4 Laugenbrezeln   à 0,95 €   3,80 €`):
    /// the list's other names opening with a count keep theirs no more (`TextItemReader.withOpeningCounts`).
    var countOpensLine = false
    /// A bare count closing the name, one space after it (`Cinnamon bun 4   £14.40`), and the name before it:
    /// the item's count when every item of the list closes so (`TextItemReader.withClosingCounts`).
    var closingCount: (count: Int, name: String)?

    /// Whether any price is known.
    var hasPrice: Bool { price != nil || unitPrice != nil || lineTotal != nil }
}
