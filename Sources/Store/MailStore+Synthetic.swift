import Foundation
import GRDB
import MailroomCore

/// Writes for tests and benchmarks only: orders and IMAP copies as later stages store them
/// (order extraction and IMAP sync own the real writers). Never called by the program itself.
extension MailStore {
    /// An order as a test or benchmark describes it; money in minor units.
    public struct SyntheticOrder: Sendable {
        public var vendor: VendorID
        public var number: String
        public var date: Date?
        public var currency: String?
        public var totalMinor: Int64?
        public var refundedMinor: Int64 = 0
        public var status: String?
        public var items: [(name: String, quantity: Int, unitPriceMinor: Int64?)] = []
        public var tracking: [(carrier: String?, number: String)] = []
        public var deliveryDate: Date?
        public var returnUntil: Date?
        public var warrantyUntil: Date?
        public var dueDate: Date?
        /// `Message-ID`s of the stored messages about the order (its timeline).
        public var messageIDs: [String] = []

        public init(vendor: VendorID, number: String, date: Date?, currency: String?, totalMinor: Int64?, status: String?) {
            self.vendor = vendor
            self.number = number
            self.date = date
            self.currency = currency
            self.totalMinor = totalMinor
            self.status = status
        }
    }

    /// Stores orders with their items, tracking and timeline (tests and benchmarks only); the
    /// vendor must be stored already.
    public func insertSyntheticOrders(_ orders: [SyntheticOrder]) throws(StoreError) {
        try write { db in
            for order in orders {
                try db.execute(sql: """
                    INSERT INTO purchase_order (vendor_id, number, order_date, currency, total_minor, refunded_minor, status,
                        extracted_by, delivery_date, return_until, warranty_until, due_date)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'synthetic', ?, ?, ?, ?)
                    """, arguments: [
                        order.vendor.rawValue, order.number, Self.seconds(order.date), order.currency, order.totalMinor,
                        order.refundedMinor, order.status, Self.seconds(order.deliveryDate), Self.seconds(order.returnUntil),
                        Self.seconds(order.warrantyUntil), Self.seconds(order.dueDate),
                    ])
                let orderID = db.lastInsertedRowID
                for (position, item) in order.items.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO order_item (order_id, position, name, quantity, unit_price_minor, line_total_minor)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [orderID, position, item.name, item.quantity, item.unitPriceMinor,
                                         item.unitPriceMinor.map { $0 * Int64(item.quantity) }])
                }
                for parcel in order.tracking {
                    try db.execute(sql: "INSERT INTO order_tracking (order_id, number, carrier) VALUES (?, ?, ?)",
                                   arguments: [orderID, parcel.number, parcel.carrier])
                }
                for messageID in order.messageIDs {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO order_message (order_id, message_id, status, event_date)
                        SELECT ?, id, ?, date FROM message WHERE message_id = ?
                        """, arguments: [orderID, order.status, messageID])
                }
            }
        }
    }

    /// An IMAP copy of a stored message, found by its `Message-ID`.
    public struct SyntheticCopy: Sendable {
        public var messageID: String
        public var account: String
        public var mailbox: String
        public var uidValidity: Int64
        public var uid: Int64
        /// Space-separated IMAP flags, such as `\Seen \Flagged`.
        public var flags: String

        public init(messageID: String, account: String, mailbox: String, uidValidity: Int64, uid: Int64, flags: String) {
            self.messageID = messageID
            self.account = account
            self.mailbox = mailbox
            self.uidValidity = uidValidity
            self.uid = uid
            self.flags = flags
        }
    }

    /// Records IMAP copies of stored messages, creating their accounts and mailboxes when
    /// missing (tests and benchmarks only).
    public func addSyntheticIMAPCopies(_ copies: [SyntheticCopy]) throws(StoreError) {
        try write { db in
            for copy in copies {
                try db.execute(sql: "INSERT OR IGNORE INTO account (name) VALUES (?)", arguments: [copy.account])
                try db.execute(sql: """
                    INSERT OR IGNORE INTO mailbox (account_id, name) SELECT id, ? FROM account WHERE name = ?
                    """, arguments: [copy.mailbox, copy.account])
                try db.execute(sql: """
                    INSERT INTO message_location (message_id, mailbox_id, uid_validity, uid, flags)
                    SELECT m.id, b.id, ?, ?, ? FROM message m, mailbox b JOIN account a ON a.id = b.account_id
                    WHERE m.message_id = ? AND b.name = ? AND a.name = ? LIMIT 1
                    """, arguments: [copy.uidValidity, copy.uid, copy.flags, copy.messageID, copy.mailbox, copy.account])
            }
        }
    }

    static func seconds(_ date: Date?) -> Int64? {
        date.map { Int64($0.timeIntervalSince1970) }
    }
}
