import GRDB

extension MailStore {
    /// Indexes the dashboard reads with: per vendor and category with the date (vendor counts,
    /// first and last contact, monthly activity read from the index alone), and by sender domain
    /// (finding a vendor by domain, listing a vendor's domains). The first replaces the initial
    /// `message_on_vendor (vendor_id, category)`, which is its prefix.
    static func addDashboardIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX message_on_vendor_category_date ON message(vendor_id, category, date);
            DROP INDEX message_on_vendor;
            CREATE INDEX message_on_vendor_domain ON message(vendor_domain, vendor_id);
            """)
    }
}
