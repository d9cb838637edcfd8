/// What a platform that sells, books or collects on behalf of businesses does for them
/// (`intermediary:` in a vendor file). Mail such a platform sends under a business's name names
/// that business as the vendor; mail it sends as itself names the platform.
public enum Intermediary: String, Sendable, Hashable, CaseIterable {
    /// Event tickets sold for organisers (Eventbrite, Weezevent).
    case ticketing
    /// Tables, rooms or services booked with a business (a restaurant, a salon, a garage).
    case booking
    /// Medical and care appointments booked with a practice (Doctolib, Maiia).
    case appointments
    /// Donations, memberships and crowdfunding collected for an association or a project.
    case fundraising
    /// Payment links, invoices and receipts sent for a business.
    case payments
    /// Online shops built and run on the platform.
    case shops
    /// Payslips and staff documents sent for an employer (PayFit).
    case payroll
    /// Newsletters written by authors and publications hosted on the platform (Substack, beehiiv).
    case publishing
}
