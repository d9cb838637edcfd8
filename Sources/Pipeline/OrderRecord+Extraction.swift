import Extraction
import Store

extension OrderRecord {
    /// The contract shape of an extracted order: money as decimal strings with the currency's
    /// minor digits.
    public init(_ order: ExtractedOrder) {
        self.init(
            number: order.number, currency: order.currency, total: order.total?.decimalString,
            status: order.status?.rawValue,
            items: order.items.map { Item(name: $0.name, quantity: $0.quantity, unitPrice: $0.unitPrice?.decimalString) },
            tracking: order.tracking.map { Tracking(carrier: $0.carrier, number: $0.number) },
            extractedBy: order.extractedBy.rawValue
        )
    }
}

extension ExtractedOrder {
    /// The order as the store keeps it, with the deadlines that apply to it.
    func stored(returnDays: Int?, warrantyMonths: Int?) -> StoredOrder {
        StoredOrder(
            number: number, date: date, currency: currency, totalMinor: total?.minorUnits,
            subtotalMinor: subtotal?.minorUnits, shippingMinor: shipping?.minorUnits, taxMinor: tax?.minorUnits,
            discountMinor: discount?.minorUnits, refundedMinor: refunded?.minorUnits, status: status,
            items: items.map {
                StoredOrderItem(name: $0.name, quantity: $0.quantity, unitPriceMinor: $0.unitPrice?.minorUnits,
                                lineTotalMinor: $0.lineTotal?.minorUnits, sku: $0.sku)
            },
            tracking: tracking.map { StoredTracking(carrier: $0.carrier, number: $0.number) },
            extractedBy: extractedBy.rawValue, dueDate: dueDate, deliveryDate: deliveryDate, warnings: warnings,
            returnDays: returnDays, warrantyMonths: warrantyMonths
        )
    }
}
