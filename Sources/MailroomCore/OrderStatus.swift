/// Where an order stands in its lifecycle (ARCHITECTURE.md, "Orders").
///
/// A bill or receipt with no lifecycle has no status (`nil` where a status is optional).
public enum OrderStatus: String, Codable, CaseIterable, Sendable {
    /// Confirmed, being prepared; a booking that is confirmed.
    case processing
    /// Handed to a carrier, on its way, or ready for pickup.
    case shipped
    case delivered
    case cancelled
    /// Sent back by the customer.
    case returned
    /// Money given back (in full or in part).
    case refunded

    /// How far along the lifecycle a status is: an order's status only ever moves to a higher
    /// rank, so a late-arriving confirmation never moves a delivered order back.
    public var rank: Int {
        switch self {
        case .processing: 1
        case .shipped: 2
        case .delivered: 3
        case .cancelled: 4
        case .returned: 5
        case .refunded: 6
        }
    }
}
