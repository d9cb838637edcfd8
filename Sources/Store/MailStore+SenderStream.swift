import GRDB

extension MailStore {
    /// The sender stream of each message (`list:<List-Id>` or `from:<address>`), so a correction
    /// can find the stored mail of its stream. Filled on insert and by `reclassify`.
    static func addSenderStream(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE message ADD COLUMN stream TEXT;
            CREATE INDEX message_on_stream ON message(stream);
            """)
    }
}
