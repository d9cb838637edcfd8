import GRDB

extension MailStore {
    /// Text parts move to `message_text`, a rowid table whose content is zstd-compressed when
    /// that saves room (``StoredText``). `message_part` kept each part's text in a WITHOUT ROWID
    /// table, whose rows SQLite wants small, and a rendering of HTML parts that is derived (and
    /// no longer written since the dashboard renders again). The rows stored before are copied as
    /// they are, uncompressed; their renderings are dropped (readers render the HTML).
    static func moveTextParts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE message_text (
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                section TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('plain', 'html')),
                charset TEXT,
                -- The part's UTF-8 text, or a zstd frame of it when `compression` says so.
                content BLOB NOT NULL,
                compression TEXT CHECK (compression IN ('zstd')),
                UNIQUE (message_id, section)
            );
            INSERT INTO message_text (message_id, section, kind, charset, content)
                SELECT message_id, section, kind, charset, CAST(text AS BLOB) FROM message_part;
            DROP TABLE message_part;
            """)
    }
}
