import GRDB

extension MailStore {
    /// Indexes a vendor's card and the report's vendor pages read with: a vendor's messages by
    /// date (its newest messages read from the index in order, undated last, without sorting
    /// the vendor's mail), its orders by date (likewise), and its sender domains (listed from
    /// the index alone; `message_on_vendor_domain` serves the lookup by domain).
    static func addVendorCardIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX message_on_vendor_date ON message(vendor_id, date);
            CREATE INDEX message_on_vendor_domains ON message(vendor_id, vendor_domain);
            CREATE INDEX purchase_order_on_vendor_date ON purchase_order(vendor_id, order_date);
            """)
    }
}
