import Foundation
import MailroomCore
import Testing

@testable import Store

@Suite("MailStore")
struct MailStoreTests {
    let directory: URL
    let store: MailStore

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("mailroom-store-\(UUID().uuidString)")
        store = try MailStore(path: directory.appendingPathComponent("nested/store.sqlite").path)
    }

    func message(hash: String, path: String = "a.eml", position: Int = 0) -> NewMessage {
        NewMessage(
            location: .file(path: path, position: position), messageID: "<\(hash)@example.com>",
            contentHash: hash, date: Date(timeIntervalSince1970: 1_760_000_000), fromName: "Shop",
            fromAddress: "orders@shop.example", subject: "Votre commande \(hash)", size: 1234,
            rawHeader: Data("Subject: x\r\n".utf8), warnings: [],
            parts: [
                StoredPart(section: "1", kind: .plain, charset: "utf-8", text: "Merci pour votre achat", renderedText: nil),
                StoredPart(section: "2", kind: .html, charset: "utf-8", text: "<p>Merci</p>", renderedText: "Merci"),
            ],
            attachments: [StoredAttachment(section: "3", filename: "facture.pdf", mimeType: "application/pdf", size: 900)]
        )
    }

    @Test("creates the database file and its folder, in WAL mode, with the migrations applied")
    func opens() throws {
        #expect(FileManager.default.fileExists(atPath: store.path))
        #expect(try store.appliedMigrations() == ["2026-11-23-initial", "2026-11-23-order-details", "2026-11-23-sender-stream", "2026-11-23-dashboard", "2026-11-23-refusal-actions",
                                                    "2026-11-23-vendor-card-indexes", "2026-11-24-text-parts"])
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("reopening an existing store keeps its data")
    func reopens() throws {
        _ = try store.insert([message(hash: "h1")], now: Date(timeIntervalSince1970: 0))
        let again = try MailStore(path: store.path)
        #expect(try again.messageCount() == 1)
    }

    @Test("the same content twice is stored once, and counted as a duplicate")
    func deduplicates() throws {
        let first = try store.insert([message(hash: "h1"), message(hash: "h2", path: "b.eml")], now: Date(timeIntervalSince1970: 0))
        #expect(first == InsertSummary(inserted: 2, duplicates: 0))
        let second = try store.insert([message(hash: "h1", path: "copy.eml")], now: Date(timeIntervalSince1970: 0))
        #expect(second == InsertSummary(inserted: 0, duplicates: 1))
        #expect(try store.messageCount() == 2)
        let locations = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message_location") }
        #expect(locations == 3)
    }

    @Test("an unknown vendor keeps the name a display name spelled when a later message only has its domain")
    func keepsSpelledVendorName() throws {
        func from(_ hash: String, named name: String) -> NewMessage {
            var message = message(hash: hash, path: "\(hash).eml")
            message.vendor = StoredVendor(id: VendorID("eataly-it"), name: name, sector: nil, domain: "eataly.it")
            return message
        }
        _ = try store.insert([from("h1", named: "eataly.it")], now: Date(timeIntervalSince1970: 0))
        #expect(try store.vendor(id: VendorID("eataly-it"))?.name == "eataly.it")
        _ = try store.insert([from("h2", named: "Eataly")], now: Date(timeIntervalSince1970: 0))
        _ = try store.insert([from("h3", named: "eataly.it")], now: Date(timeIntervalSince1970: 0))
        #expect(try store.vendor(id: VendorID("eataly-it"))?.name == "Eataly")
        _ = try store.insert([from("h4", named: "EATALY")], now: Date(timeIntervalSince1970: 0))
        #expect(try store.vendor(id: VendorID("eataly-it"))?.name == "EATALY")
    }

    @Test("a file whose content changed points to the new message")
    func relocates() throws {
        _ = try store.insert([message(hash: "old")], now: Date(timeIntervalSince1970: 0))
        _ = try store.insert([message(hash: "new")], now: Date(timeIntervalSince1970: 0))
        let hash = try store.read { db in
            try String.fetchOne(db, sql: """
                SELECT content_hash FROM message JOIN message_location ON message_location.message_id = message.id
                WHERE path = 'a.eml'
                """)
        }
        #expect(hash == "new")
    }

    @Test("parts, attachments and the full-text index are stored with the message")
    func storesParts() throws {
        _ = try store.insert([message(hash: "h1")], now: Date(timeIntervalSince1970: 0))
        let parts = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM message_text") }
        let attachment = try store.read { db in try String.fetchOne(db, sql: "SELECT filename FROM attachment") }
        let hits = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'achat'")
        }
        #expect(parts == 2)
        #expect(attachment == "facture.pdf")
        #expect(hits == 1)
    }

    @Test("a batch larger than one full-text statement indexes every new message once, under its own row")
    func indexesLargeBatches() throws {
        var batch = (0..<450).map { index in
            var new = message(hash: "h\(index)", path: "m\(index).eml")
            new.subject = "Commande word\(index)"
            return new
        }
        batch.insert(message(hash: "h7", path: "again.eml"), at: 300)  // a duplicate inside the batch
        let summary = try store.insert(batch, now: Date(timeIntervalSince1970: 0))
        #expect(summary == InsertSummary(inserted: 450, duplicates: 1))
        let rows = try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT message.content_hash || ' ' || message_fts.subject FROM message_fts
                JOIN message ON message.id = message_fts.rowid ORDER BY message.id
                """)
        }
        #expect(rows == (0..<450).map { "h\($0) Commande word\($0)" })
        for index in [0, 199, 200, 399, 400, 449] {
            let hit = try store.read { db in
                try String.fetchOne(db, sql: """
                    SELECT message.content_hash FROM message_fts JOIN message ON message.id = message_fts.rowid
                    WHERE message_fts MATCH ?
                    """, arguments: ["word\(index)"])
            }
            #expect(hit == "h\(index)")
        }
    }

    @Test("unclassified messages are counted under nil")
    func countsByCategory() throws {
        _ = try store.insert([message(hash: "h1"), message(hash: "h2", path: "b.eml")], now: Date(timeIntervalSince1970: 0))
        #expect(try store.countsByCategory() == [nil: 2])
    }

    @Test("the schema rejects what breaks its invariants", arguments: [
        "INSERT INTO message (content_hash, size, raw_header, added_at, category) VALUES ('x', 1, x'00', 0, 'spam')",
        "INSERT INTO message (content_hash, size, raw_header, added_at) VALUES ('x', -1, x'00', 0)",
        "INSERT INTO message_location (message_id, path, position) VALUES (999, 'a', 0)",
        "INSERT INTO refusal (vendor_id, sector, action, created_at) VALUES ('a', 'retail', 'refuse', 0)",
        "INSERT INTO refusal (vendor_id, action, created_at) VALUES ('a', 'ignore', 0)",
        "INSERT INTO purchase_order (vendor_id, number, currency) VALUES ('nobody', '1', 'EUR')",
    ])
    func invariants(sql: String) throws {
        #expect(throws: StoreError.self) {
            try store.write { db in try db.execute(sql: sql) }
        }
    }

    @Test("an order item needs a positive quantity")
    func orderItemQuantity() throws {
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO vendor (id, name) VALUES ('shop', 'Shop')")
                try db.execute(sql: "INSERT INTO purchase_order (vendor_id, number) VALUES ('shop', '1')")
                try db.execute(sql: "INSERT INTO order_item (order_id, position, name, quantity) VALUES (1, 0, 'x', 0)")
            }
        }
    }

    @Test("a refusal target is unique, including unnarrowed ones")
    func refusalUnique() throws {
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO refusal (vendor_id, action, created_at) VALUES ('a', 'refuse', 0)")
                try db.execute(sql: "INSERT INTO refusal (vendor_id, action, created_at) VALUES ('a', 'accept', 0)")
            }
        }
    }

    @Test("a path that cannot be created is reported, not crashed on")
    func unopenable() {
        #expect(throws: StoreError.self) { try MailStore(path: "/proc/mailroom/store.sqlite") }
    }
}

@Suite("JSON string lists")
struct JSONStringsTests {
    static func foundation(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }

    @Test("every character of the first planes, and a few beyond, is written as JSONEncoder writes it")
    func matchesJSONEncoder() throws {
        let values = Array(0..<0x3000) + [0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]
        let scalars = values.compactMap { Unicode.Scalar(UInt32($0)) }
        for chunk in stride(from: 0, to: scalars.count, by: 64) {
            let strings = scalars[chunk..<min(scalars.count, chunk + 64)].map { "a\($0)b" }
            #expect(JSONStrings.encode(strings) == (try Self.foundation(strings)))
        }
        for strings in [[], [""], ["vendor: fnac.com belongs to Fnac (/work/Rules/vendors/fnac.yaml)", "body 'désinscrire' \"quoted\" \\ e\u{301}\t\n"]] {
            #expect(JSONStrings.encode(strings) == (try Self.foundation(strings)))
        }
    }
}
