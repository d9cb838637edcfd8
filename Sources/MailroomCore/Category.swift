/// The kind of mail a message is, as defined in ARCHITECTURE.md ("Categories").
public enum Category: String, Codable, CaseIterable, Sendable, Comparable {
    /// Order and booking confirmations, shipping and delivery, invoices, receipts, refunds, cancellations.
    case orders
    /// Sign-up, welcome, password reset, login and security alerts, profile or plan changes, statements.
    case account
    /// Tickets opened or answered, returns, after-sale service.
    case support
    /// Marketing, promotions, digests, product news.
    case newsletters
    /// Other automated notices.
    case notifications
    /// A human writing.
    case personal

    /// Orders categories the way every listing shows them: in declaration order.
    public static func < (lhs: Category, rhs: Category) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
