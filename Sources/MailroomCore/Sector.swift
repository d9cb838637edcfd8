/// The economic sector of a vendor; refusals can name a whole sector.
public enum Sector: String, Codable, CaseIterable, Sendable {
    case retail
    case marketplace
    /// Transport and travel: rail, airlines, bookings, car sharing.
    case transport
    case telecom
    case energy
    case bank
    case insurance
    /// Public administration: tax, social security, employment, local government.
    case administration
    /// Media and leisure: streaming, press, events, games.
    case media
    /// Software and online subscriptions.
    case software
    case social
    /// Delivery and logistics: postal services and carriers.
    case delivery
    /// Food delivery and groceries.
    case food
    case health
}
