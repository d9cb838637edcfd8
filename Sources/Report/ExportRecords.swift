import Dashboard
import Foundation
import MailroomCore
import Store

/// The records of `export`: the same fields as JSON (nested where natural, every key present)
/// and as CSV columns (flat, snake_case).
enum ExportRecords {
    /// One exported record.
    struct Record {
        var columns: [String]
        var csv: [String]
        var json: JSONValue
    }

    /// Columns of each file, for the header of an empty CSV file.
    static let columns: [String: [String]] = [
        "vendors": vendorColumns, "messages": messageColumns, "orders": orderColumns, "order_items": itemColumns,
        "refusals": refusalColumns, "corrections": correctionColumns,
    ]

    static let vendorColumns = [
        "id", "name", "domain", "sector", "messages_total", "messages_orders", "messages_account", "messages_support",
        "messages_newsletters", "messages_notifications", "orders", "spend", "first_contact", "last_contact", "hidden",
    ]

    static func vendor(_ summary: VendorSummary) -> Record {
        let instant = { (date: Date?) in date.map(DateText.instant) }
        let json: JSONValue = .object([
            "id": .string(summary.id.rawValue), "name": .string(summary.name), "domain": .optional(summary.domain),
            "sector": .optional(summary.sector?.rawValue),
            "messages": .object([
                "total": .int(summary.messages.total), "orders": .int(summary.messages.orders),
                "account": .int(summary.messages.account), "support": .int(summary.messages.support),
                "newsletters": .int(summary.messages.newsletters), "notifications": .int(summary.messages.notifications),
            ]),
            "orders": .int(summary.orders),
            "spend": .array(summary.spend.map { .object(["currency": .string($0.currency), "amount": .string($0.amount)]) }),
            "firstContact": .optional(instant(summary.firstContact)), "lastContact": .optional(instant(summary.lastContact)),
            "hidden": .int(summary.hidden),
        ])
        let csv = [
            summary.id.rawValue, summary.name, summary.domain ?? "", summary.sector?.rawValue ?? "",
            "\(summary.messages.total)", "\(summary.messages.orders)", "\(summary.messages.account)",
            "\(summary.messages.support)", "\(summary.messages.newsletters)", "\(summary.messages.notifications)",
            "\(summary.orders)", summary.spend.map(\.text).joined(separator: "; "),
            instant(summary.firstContact) ?? "", instant(summary.lastContact) ?? "", "\(summary.hidden)",
        ]
        return Record(columns: vendorColumns, csv: csv, json: json)
    }

    static let messageColumns = [
        "id", "message_id", "date", "from_name", "from_address", "subject", "vendor", "vendor_name", "vendor_domain",
        "category", "read", "hidden", "size", "warnings", "locations", "text",
    ]

    static func message(_ export: ExportMessageRow, withText: Bool) -> Record {
        let row = export.message
        var from = JSONValue.null
        if let address = row.fromAddress { from = .object(["name": .optional(row.fromName), "address": .string(address)]) }
        var vendor = JSONValue.null
        if let id = row.vendor {
            vendor = .object(["id": .string(id.rawValue), "name": .optional(row.vendorName), "domain": .optional(export.vendorDomain)])
        }
        var fields: [String: JSONValue] = [:]
        fields["id"] = .int(Int(row.id))
        fields["messageId"] = .optional(row.messageID)
        fields["date"] = .optional(row.date.map(DateText.instant))
        fields["from"] = from
        fields["subject"] = .optional(row.subject)
        fields["vendor"] = vendor
        fields["category"] = .optional(row.category?.rawValue)
        fields["read"] = row.read.map(JSONValue.bool) ?? .null
        fields["hidden"] = .bool(export.hidden)
        fields["size"] = .int(export.size)
        fields["warnings"] = .array(export.warnings.map(JSONValue.string))
        fields["locations"] = .array(export.locations.map(JSONValue.string))
        let text = withText ? export.exportedText : nil
        fields["text"] = withText ? .optional(text) : .null
        let read: String = row.read.map { $0 ? "true" : "false" } ?? ""
        let csv: [String] = [
            "\(row.id)", row.messageID ?? "", row.date.map(DateText.instant) ?? "", row.fromName ?? "", row.fromAddress ?? "",
            row.subject ?? "", row.vendor?.rawValue ?? "", row.vendorName ?? "", export.vendorDomain ?? "",
            row.category?.rawValue ?? "", read, export.hidden ? "true" : "false",
            "\(export.size)", export.warnings.joined(separator: " "), export.locations.joined(separator: "\n"),
            withText ? text ?? "" : "",
        ]
        return Record(columns: messageColumns, csv: csv, json: .object(fields))
    }

    static let orderColumns = [
        "vendor", "vendor_name", "number", "date", "currency", "total", "refunded", "status", "extracted_by",
        "delivery_date", "return_until", "warranty_until", "due_date", "items", "tracking",
    ]

    static func order(_ order: OrderItem) -> Record {
        let row = order.row
        let day = { (date: Date?) in date.map(DateText.storedDay) }
        let json: JSONValue = .object([
            "vendor": .object(["id": .string(row.vendor.rawValue), "name": .string(row.vendorName)]),
            "number": .string(row.number), "date": .optional(row.date.map(DateText.instant)),
            "currency": .optional(row.currency), "total": .optional(order.amount(row.totalMinor)),
            "refunded": .optional(order.amount(row.refundedMinor)), "status": .optional(row.status),
            "extractedBy": .optional(row.extractedBy), "deliveryDate": .optional(day(row.deliveryDate)),
            "returnUntil": .optional(day(row.returnUntil)), "warrantyUntil": .optional(day(row.warrantyUntil)),
            "dueDate": .optional(day(row.dueDate)), "items": .int(row.items.count),
            "tracking": .array(row.tracking.map { .object(["carrier": .optional($0.carrier), "number": .string($0.number)]) }),
        ])
        let csv = [
            row.vendor.rawValue, row.vendorName, row.number, row.date.map(DateText.instant) ?? "", row.currency ?? "",
            order.amount(row.totalMinor) ?? "", order.amount(row.refundedMinor) ?? "", row.status ?? "", row.extractedBy ?? "",
            day(row.deliveryDate) ?? "", day(row.returnUntil) ?? "", day(row.warrantyUntil) ?? "", day(row.dueDate) ?? "",
            "\(row.items.count)", row.tracking.map { ($0.carrier.map { "\($0) " } ?? "") + $0.number }.joined(separator: "; "),
        ]
        return Record(columns: orderColumns, csv: csv, json: json)
    }

    static let itemColumns = ["vendor", "order", "position", "name", "quantity", "unit_price", "line_total", "currency", "sku"]

    static func items(_ order: OrderItem) -> [Record] {
        order.row.items.map { item in
            let json: JSONValue = .object([
                "vendor": .string(order.row.vendor.rawValue), "order": .string(order.row.number), "position": .int(item.position),
                "name": .string(item.name), "quantity": .int(item.quantity), "unitPrice": .optional(order.amount(item.unitPriceMinor)),
                "lineTotal": .optional(order.amount(item.lineTotalMinor)), "currency": .optional(order.row.currency),
                "sku": .optional(item.sku),
            ])
            let csv = [
                order.row.vendor.rawValue, order.row.number, "\(item.position)", item.name, "\(item.quantity)",
                order.amount(item.unitPriceMinor) ?? "", order.amount(item.lineTotalMinor) ?? "", order.row.currency ?? "",
                item.sku ?? "",
            ]
            return Record(columns: itemColumns, csv: csv, json: json)
        }
    }

    static let refusalColumns = ["action", "vendor", "sector", "category", "created_at", "messages", "undo"]

    static func refusal(_ item: RefusalItem) -> Record {
        var vendor: String?
        var sector: String?
        switch item.rule.target {
        case .vendor(let id): vendor = id.rawValue
        case .sector(let value): sector = value.rawValue
        }
        let json: JSONValue = .object([
            "action": .string(item.rule.action.rawValue), "vendor": .optional(vendor), "sector": .optional(sector),
            "category": .optional(item.rule.category?.rawValue), "createdAt": .string(DateText.instant(item.rule.createdAt)),
            "messages": .int(item.messages), "undo": .string(item.undo),
        ])
        let csv = [item.rule.action.rawValue, vendor ?? "", sector ?? "", item.rule.category?.rawValue ?? "",
                   DateText.instant(item.rule.createdAt), "\(item.messages)", item.undo]
        return Record(columns: refusalColumns, csv: csv, json: json)
    }

    static let correctionColumns = ["message", "stream", "category", "vendor", "created_at"]

    static func correction(_ row: CorrectionRow) -> Record {
        let json: JSONValue = .object([
            "message": .string(row.messageKey), "stream": .optional(row.stream), "category": .optional(row.category?.rawValue),
            "vendor": .optional(row.vendor?.rawValue), "createdAt": .string(DateText.instant(row.createdAt)),
        ])
        let csv = [row.messageKey, row.stream ?? "", row.category?.rawValue ?? "", row.vendor?.rawValue ?? "",
                   DateText.instant(row.createdAt)]
        return Record(columns: correctionColumns, csv: csv, json: json)
    }
}

/// A JSON value whose object keys are all written, `null` included.
enum JSONValue: Encodable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .int(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .bool(let value): var container = encoder.singleValueContainer(); try container.encode(value)
        case .null: var container = encoder.singleValueContainer(); try container.encodeNil()
        case .array(let values): var container = encoder.unkeyedContainer(); for value in values { try container.encode(value) }
        case .object(let fields):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in fields { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
