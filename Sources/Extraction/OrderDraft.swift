import Foundation
import MailroomCore

/// An amount before the order's currency is settled: its digits, sign and own currency.
struct Amount: Sendable, Hashable {
    var number: DecimalText
    var negative: Bool
    /// The currency written beside it, when one is.
    var currency: String?

    init(number: DecimalText, negative: Bool = false, currency: String?) {
        self.number = number
        self.negative = negative
        self.currency = currency
    }

    /// Reads a schema.org price (`"12.50"`, `12.5`, `"12,50 €"`).
    init?(schemaPrice text: String, currency: String?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = DecimalText(trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed) {
            self.init(number: number, negative: trimmed.hasPrefix("-"), currency: currency)
            return
        }
        guard let token = MoneyScanner.scan(trimmed).first else { return nil }
        self.init(number: token.number, negative: token.negative, currency: currency ?? token.sign)
    }

    /// The signed value in minor units of `currency`.
    func minorUnits(in currency: String) -> Int64? {
        number.minorUnits(digits: Money.digits(of: currency)).map { negative ? -$0 : $0 }
    }

    var isZero: Bool { number.integer == "0" && number.fraction.allSatisfy { $0 == "0" } }
}

/// One line item as a source describes it.
struct DraftItem: Sendable, Hashable {
    var name: String
    var quantity: Int
    var unitPrice: Amount?
    var lineTotal: Amount?
    var sku: String?
}

/// What one extraction source says about an order; every field optional.
struct OrderDraft: Sendable {
    var source: ExtractionSource
    var number: String?
    /// How trustworthy the number's label is: lower is better (order < booking < invoice).
    var numberRank = Int.max
    var date: Date?
    var currency: String?
    var total: Amount?
    var subtotal: Amount?
    /// Shipping lines (a marketplace order may ship in several parcels).
    var shipping: [Amount] = []
    var tax: Amount?
    /// Discounts, as positive amounts.
    var discounts: [Amount] = []
    /// What the mail says is (or will be) given back.
    var refund: Amount?
    /// Charges that are neither items nor shipping nor tax (service fees, tips).
    var fees: [Amount] = []
    var items: [DraftItem] = []
    /// The place a stay is booked at (a `LodgingReservation`'s hotel): the item only when the
    /// mail's own lines name none (the room booked is the item).
    var venueItem: DraftItem?
    var status: OrderStatus?
    /// Whether `status` was stated by the source (structured data) rather than guessed.
    var statusStated = false
    var tracking: [TrackingNumber] = []
    var dueDate: Date?
    var deliveryDate: Date?
    /// Whether the structured data that made this draft is an order of the customer's
    /// (`Order`, `Invoice`, a reservation), not only a carrier's `ParcelDelivery`.
    var describesOrder = true

    init(source: ExtractionSource) { self.source = source }

    /// Whether the draft says anything worth an order.
    var isEmpty: Bool {
        number == nil && total == nil && items.isEmpty && tracking.isEmpty && refund == nil
    }

    /// Whether the draft carries the order's content: its items or its total.
    var hasContent: Bool { !items.isEmpty || total != nil || venueItem != nil }
}

/// Which source the items and totals of an order come from (Samples/README.md, `extractedBy`).
public enum ExtractionSource: String, Sendable, Hashable, CaseIterable, Codable {
    case schemaOrg = "schema.org"
    case microdata
    case rules
    case htmlTable = "html-table"
    case text
}
