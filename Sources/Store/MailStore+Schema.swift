import GRDB

extension MailStore {
    /// Append-only migrations: never edit a shipped one, add a new one with a new stable name.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-23-initial", migrate: createInitialSchema)
        migrator.registerMigration("2026-11-23-order-details", migrate: addOrderDetails)
        migrator.registerMigration("2026-11-23-sender-stream", migrate: addSenderStream)
        migrator.registerMigration("2026-11-23-dashboard", migrate: addDashboardIndexes)
        migrator.registerMigration("2026-11-23-refusal-actions", migrate: addRefusalActions)
        migrator.registerMigration("2026-11-23-vendor-card-indexes", migrate: addVendorCardIndexes)
        migrator.registerMigration("2026-11-24-text-parts", migrate: moveTextParts)
        return migrator
    }()

    /// The first schema: sources of mail, messages with their stored parts, derived data, user state.
    private static func createInitialSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (name <> '')
            );

            CREATE TABLE mailbox (
                id INTEGER PRIMARY KEY,
                account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                uid_validity INTEGER,
                uid_next INTEGER,
                highest_modseq INTEGER,
                last_synced_uid INTEGER NOT NULL DEFAULT 0 CHECK (last_synced_uid >= 0),
                last_sync_at INTEGER,
                last_error TEXT,
                UNIQUE (account_id, name)
            );

            CREATE TABLE vendor (
                id TEXT PRIMARY KEY CHECK (id <> ''),
                name TEXT NOT NULL,
                sector TEXT,
                domain TEXT
            );

            -- One row per distinct message, wherever it was found (files, IMAP mailboxes).
            CREATE TABLE message (
                id INTEGER PRIMARY KEY,
                message_id TEXT,
                content_hash TEXT NOT NULL UNIQUE,
                date INTEGER,
                from_name TEXT,
                from_address TEXT,
                subject TEXT,
                size INTEGER NOT NULL CHECK (size >= 0),
                raw_header BLOB NOT NULL,
                warnings TEXT NOT NULL DEFAULT '[]',
                vendor_id TEXT REFERENCES vendor(id) ON DELETE SET NULL,
                vendor_domain TEXT,
                category TEXT CHECK (category IN
                    ('orders', 'account', 'support', 'newsletters', 'notifications', 'personal')),
                explanation TEXT NOT NULL DEFAULT '[]',
                added_at INTEGER NOT NULL
            );
            CREATE INDEX message_on_message_id ON message(message_id);
            CREATE INDEX message_on_vendor ON message(vendor_id, category);
            CREATE INDEX message_on_date ON message(date);

            -- Where a message lives: an imported file (path + position in an mbox) or an IMAP UID.
            CREATE TABLE message_location (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                path TEXT,
                position INTEGER,
                mailbox_id INTEGER REFERENCES mailbox(id) ON DELETE CASCADE,
                uid_validity INTEGER,
                uid INTEGER,
                flags TEXT NOT NULL DEFAULT '',
                CHECK ((path IS NOT NULL AND position IS NOT NULL AND mailbox_id IS NULL AND uid IS NULL)
                    OR (path IS NULL AND mailbox_id IS NOT NULL AND uid_validity IS NOT NULL AND uid IS NOT NULL))
            );
            CREATE UNIQUE INDEX message_location_on_file ON message_location(path, position) WHERE path IS NOT NULL;
            CREATE UNIQUE INDEX message_location_on_uid ON message_location(mailbox_id, uid_validity, uid)
                WHERE mailbox_id IS NOT NULL;
            CREATE INDEX message_location_on_message ON message_location(message_id);

            -- Decoded text parts, kept so derived data can be recomputed without the network.
            CREATE TABLE message_part (
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                section TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('plain', 'html')),
                charset TEXT,
                text TEXT NOT NULL,
                rendered_text TEXT,
                PRIMARY KEY (message_id, section)
            ) WITHOUT ROWID;

            CREATE TABLE attachment (
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                section TEXT NOT NULL,
                filename TEXT,
                mime_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size >= 0),
                PRIMARY KEY (message_id, section)
            ) WITHOUT ROWID;

            -- Orders: money is an integer count of minor units plus an ISO 4217 code.
            CREATE TABLE purchase_order (
                id INTEGER PRIMARY KEY,
                vendor_id TEXT NOT NULL REFERENCES vendor(id) ON DELETE CASCADE,
                number TEXT NOT NULL CHECK (number <> ''),
                order_date INTEGER,
                currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
                total_minor INTEGER,
                status TEXT CHECK (status IS NULL OR status IN
                    ('processing', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded')),
                extracted_by TEXT,
                UNIQUE (vendor_id, number)
            );

            CREATE TABLE order_item (
                order_id INTEGER NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                name TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                unit_price_minor INTEGER,
                line_total_minor INTEGER,
                sku TEXT,
                PRIMARY KEY (order_id, position)
            ) WITHOUT ROWID;

            -- The messages that make up an order's timeline.
            CREATE TABLE order_message (
                order_id INTEGER NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
                message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                status TEXT,
                PRIMARY KEY (order_id, message_id)
            ) WITHOUT ROWID;

            -- User state: refusals and corrections survive reclassification and resyncs.
            CREATE TABLE refusal (
                id INTEGER PRIMARY KEY,
                vendor_id TEXT,
                sector TEXT,
                category TEXT CHECK (category IS NULL OR category IN
                    ('orders', 'account', 'support', 'newsletters', 'notifications', 'personal')),
                action TEXT NOT NULL CHECK (action IN ('refuse', 'accept')),
                created_at INTEGER NOT NULL,
                CHECK ((vendor_id IS NULL) <> (sector IS NULL))
            );
            CREATE UNIQUE INDEX refusal_on_target
                ON refusal(coalesce(vendor_id, ''), coalesce(sector, ''), coalesce(category, ''));

            CREATE TABLE correction (
                id INTEGER PRIMARY KEY,
                message_key TEXT NOT NULL,
                stream TEXT,
                category TEXT CHECK (category IS NULL OR category IN
                    ('orders', 'account', 'support', 'newsletters', 'notifications', 'personal')),
                vendor_id TEXT,
                created_at INTEGER NOT NULL,
                CHECK (category IS NOT NULL OR vendor_id IS NOT NULL)
            );
            CREATE INDEX correction_on_message ON correction(message_key);
            CREATE INDEX correction_on_stream ON correction(stream);
            """)
        try db.create(virtualTable: "message_fts", using: FTS5()) { table in
            table.tokenizer = .unicode61(diacritics: .remove)
            table.column("subject")
            table.column("body")
        }
    }

    /// Order amounts beyond the total, deadlines, tracking numbers and the order's timeline.
    ///
    /// Dates are Unix seconds (UTC); deadline dates are calendar days stored as the Unix
    /// seconds of their midnight UTC. `refunded_minor` is what refunds gave back, in the order's
    /// currency; a vendor's spend is `total_minor - refunded_minor`.
    private static func addOrderDetails(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE purchase_order ADD COLUMN subtotal_minor INTEGER;
            ALTER TABLE purchase_order ADD COLUMN shipping_minor INTEGER;
            ALTER TABLE purchase_order ADD COLUMN tax_minor INTEGER;
            ALTER TABLE purchase_order ADD COLUMN discount_minor INTEGER;
            ALTER TABLE purchase_order ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0
                CHECK (refunded_minor >= 0);
            ALTER TABLE purchase_order ADD COLUMN delivery_date INTEGER;
            ALTER TABLE purchase_order ADD COLUMN return_until INTEGER;
            ALTER TABLE purchase_order ADD COLUMN warranty_until INTEGER;
            ALTER TABLE purchase_order ADD COLUMN due_date INTEGER;
            ALTER TABLE purchase_order ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]';
            CREATE INDEX purchase_order_on_date ON purchase_order(order_date);

            CREATE TABLE order_tracking (
                order_id INTEGER NOT NULL REFERENCES purchase_order(id) ON DELETE CASCADE,
                number TEXT NOT NULL CHECK (number <> ''),
                carrier TEXT,
                PRIMARY KEY (order_id, number)
            ) WITHOUT ROWID;

            -- The timeline: one event per message about the order, dated by the message.
            ALTER TABLE order_message ADD COLUMN event_date INTEGER;
            ALTER TABLE order_message ADD COLUMN extracted_by TEXT;
            CREATE INDEX order_message_on_message ON order_message(message_id);
            """)
    }
}
