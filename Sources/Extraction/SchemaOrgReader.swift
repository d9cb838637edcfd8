import Foundation
import MailroomCore

/// Reads schema.org entities (from JSON-LD or microdata) into an order draft: `Order` with its
/// `acceptedOffer` and `orderedItem`, `Invoice` and its `referencesOrder`, `ParcelDelivery` and
/// its `partOfOrder`, and reservations (`LodgingReservation`, `FlightReservation`…).
///
/// See https://schema.org/Order, https://schema.org/Invoice, https://schema.org/ParcelDelivery,
/// https://schema.org/Reservation.
enum SchemaOrgReader {
    /// The order described by `values`, or `nil` when they describe none.
    static func draft(from values: [JSONValue], source: ExtractionSource) -> OrderDraft? {
        var entities: [(type: String, value: JSONValue)] = []
        for value in values { collect(value, into: &entities, depth: 0) }
        guard !entities.isEmpty else { return nil }
        func first(_ types: Set<String>) -> JSONValue? { entities.first { types.contains($0.type) }?.value }

        var draft = OrderDraft(source: source)
        if let order = first(["Order"]) {
            read(order: order, into: &draft)
            if let delivery = first(["ParcelDelivery"]) { read(delivery: delivery, into: &draft, orderKnown: true) }
            if let invoice = first(["Invoice"]) { read(invoice: invoice, into: &draft) }
        } else if let invoice = first(["Invoice"]) {
            read(invoice: invoice, into: &draft)
        } else if let delivery = first(["ParcelDelivery"]) {
            read(delivery: delivery, into: &draft, orderKnown: false)
            draft.describesOrder = false
        } else if let reservation = entities.first(where: { $0.type.hasSuffix("Reservation") })?.value {
            read(reservation: reservation, into: &draft)
        } else {
            return nil
        }
        return draft.isEmpty ? nil : draft
    }

    /// The order-like entities of a JSON-LD tree, outermost first (`@graph`, arrays and the
    /// nested entities of other types are searched).
    static func collect(_ value: JSONValue, into entities: inout [(type: String, value: JSONValue)], depth: Int) {
        guard depth < 12 else { return }
        switch value {
        case .array(let values):
            for element in values { collect(element, into: &entities, depth: depth + 1) }
        case .object(let members):
            let types = (value["@type"]?.list ?? []).compactMap(\.text).map(typeName)
            if let type = types.first(where: isOrderLike) {
                entities.append((type, value))
                return  // its nested entities are read through their properties
            }
            for key in members.keys.sorted() where key != "@context" {
                collect(members[key]!, into: &entities, depth: depth + 1)
            }
        default:
            return
        }
    }

    static func isOrderLike(_ type: String) -> Bool {
        type == "Order" || type == "Invoice" || type == "ParcelDelivery" || type.hasSuffix("Reservation")
    }

    /// `http://schema.org/Order` → `Order`.
    static func typeName(_ text: String) -> String {
        String(text.split(separator: "/").last ?? Substring(text)).trimmingCharacters(in: .whitespaces)
    }

    static func types(of value: JSONValue) -> [String] {
        (value["@type"]?.list ?? []).compactMap(\.text).map(typeName)
    }

    // MARK: Order

    static func read(order: JSONValue, into draft: inout OrderDraft) {
        if let number = order["orderNumber"]?.firstText ?? order["identifier"]?.firstText {
            setNumber(number, rank: 0, in: &draft)
        }
        draft.date = draft.date ?? order["orderDate"]?.firstText.flatMap(DateText.iso)
        if let status = order["orderStatus"]?.firstText.flatMap(status(from:)) {
            draft.status = status
            draft.statusStated = true
        }
        let currency = order["priceCurrency"]?.firstText ?? order["priceSpecification"]?["priceCurrency"]?.firstText
        if let currency { draft.currency = draft.currency ?? currency.uppercased() }
        let total = price(order["price"], currency: currency) ?? price(order["totalPrice"], currency: currency)
            ?? price(order["priceSpecification"], currency: currency) ?? price(order["totalPaymentDue"], currency: currency)
        if let total { draft.total = total }
        if let discount = price(order["discount"], currency: currency ?? draft.currency) {
            draft.discounts = [Amount(number: discount.number, negative: false, currency: discount.currency)]
        }
        var items: [DraftItem] = []
        for offer in order["acceptedOffer"]?.list ?? [] { if let item = item(offer: offer, currency: currency) { items.append(item) } }
        for ordered in order["orderedItem"]?.list ?? [] { if let item = item(orderItem: ordered, currency: currency) { items.append(item) } }
        if !items.isEmpty { draft.items = items }
        for delivery in order["orderDelivery"]?.list ?? [] { read(delivery: delivery, into: &draft, orderKnown: true) }
        if let invoice = order["partOfInvoice"]?.list.first { read(invoice: invoice, into: &draft) }
    }

    static func item(offer: JSONValue, currency: String?) -> DraftItem? {
        let offered = offer["itemOffered"]?.list.first
        guard let name = offered?["name"]?.firstText ?? offered?.text ?? offer["name"]?.firstText else { return nil }
        let offerCurrency = offer["priceCurrency"]?.firstText ?? offer["priceSpecification"]?["priceCurrency"]?.firstText ?? currency
        let unit = price(offer["price"], currency: offerCurrency) ?? price(offer["priceSpecification"], currency: offerCurrency)
            ?? offered.flatMap { price($0["totalPrice"], currency: offerCurrency) }
        let quantity = quantity(offer["eligibleQuantity"]) ?? quantity(offer["orderQuantity"]) ?? 1
        let sku = offered?["sku"]?.firstText ?? offer["sku"]?.firstText ?? offered?["productID"]?.firstText
        return DraftItem(name: clean(name), quantity: quantity, unitPrice: unit, lineTotal: nil, sku: sku)
    }

    static func item(orderItem: JSONValue, currency: String?) -> DraftItem? {
        let product = orderItem["orderedItem"]?.list.first ?? orderItem
        guard let name = product["name"]?.firstText ?? product.text else { return nil }
        let itemCurrency = orderItem["priceCurrency"]?.firstText ?? currency
        let unit = price(orderItem["price"], currency: itemCurrency) ?? price(product["offers"]?["price"], currency: itemCurrency)
            ?? price(product["price"], currency: itemCurrency)
        let quantity = quantity(orderItem["orderQuantity"]) ?? 1
        return DraftItem(name: clean(name), quantity: quantity, unitPrice: unit, lineTotal: nil,
                         sku: product["sku"]?.firstText ?? product["productID"]?.firstText)
    }

    // MARK: Invoice, delivery, reservation

    static func read(invoice: JSONValue, into draft: inout OrderDraft) {
        if let number = invoice["confirmationNumber"]?.firstText ?? invoice["identifier"]?.firstText {
            setNumber(number, rank: 2, in: &draft)
        }
        let currency = invoice["totalPaymentDue"]?["priceCurrency"]?.firstText ?? invoice["priceCurrency"]?.firstText
        if let currency { draft.currency = draft.currency ?? currency.uppercased() }
        if draft.total == nil { draft.total = price(invoice["totalPaymentDue"], currency: currency) ?? price(invoice["minimumPaymentDue"], currency: currency) }
        draft.dueDate = draft.dueDate ?? invoice["paymentDueDate"]?.firstText.flatMap(DateText.iso)
            ?? invoice["paymentDue"]?.firstText.flatMap(DateText.iso)
        for order in invoice["referencesOrder"]?.list ?? [] where draft.items.isEmpty {
            var inner = OrderDraft(source: draft.source)
            read(order: order, into: &inner)
            draft.items = inner.items
            if let number = inner.number { setNumber(number, rank: inner.numberRank, in: &draft) }
            draft.total = draft.total ?? inner.total
            draft.currency = draft.currency ?? inner.currency
            if inner.statusStated { draft.status = inner.status; draft.statusStated = true }
            draft.date = draft.date ?? inner.date
        }
    }

    static func read(delivery: JSONValue, into draft: inout OrderDraft, orderKnown: Bool) {
        if let number = delivery["trackingNumber"]?.firstText {
            let carrier = delivery["carrier"]?["name"]?.firstText ?? delivery["carrier"]?.text
                ?? delivery["provider"]?["name"]?.firstText
            if let tracking = TrackingNumber.validated(number, carrier: carrier) { draft.tracking.append(tracking) }
        }
        if !orderKnown, let order = delivery["partOfOrder"]?.list.first {
            read(order: order, into: &draft)
        }
        let deliveryStatus = delivery["deliveryStatus"]?.firstText ?? delivery["deliveryStatus"]?["name"]?.firstText
        if let text = deliveryStatus, let stated = status(from: text) {
            draft.status = stated
            draft.statusStated = true
        } else if !draft.statusStated {
            draft.status = .shipped
            draft.statusStated = true
        }
        if draft.items.isEmpty {
            draft.items = (delivery["itemShipped"]?.list ?? []).compactMap { product in
                guard let name = product["name"]?.firstText, !["package", "colis", "paket", "parcel"].contains(name.lowercased()) else {
                    return nil
                }
                return DraftItem(name: clean(name), quantity: 1, unitPrice: nil, lineTotal: nil, sku: product["sku"]?.firstText)
            }
        }
    }

    static func read(reservation: JSONValue, into draft: inout OrderDraft) {
        if let number = reservation["reservationNumber"]?.firstText ?? reservation["reservationId"]?.firstText {
            setNumber(number, rank: 1, in: &draft)
        }
        if let status = reservation["reservationStatus"]?.firstText.flatMap(status(from:)) {
            draft.status = status
            draft.statusStated = true
        }
        let currency = reservation["priceCurrency"]?.firstText ?? reservation["totalPrice"]?["priceCurrency"]?.firstText
        if let currency { draft.currency = currency.uppercased() }
        draft.total = price(reservation["totalPrice"], currency: currency) ?? price(reservation["price"], currency: currency)
        let own = reservation["name"]?.firstText ?? reservation["lodgingUnitDescription"]?.firstText
        let venue = reservation["reservationFor"]?["name"]?.firstText
        if let name = own ?? venue {
            let item = DraftItem(name: clean(name), quantity: 1, unitPrice: draft.total, lineTotal: draft.total, sku: nil)
            // A stay's hotel is where the room booked is: the mail's lines name the room.
            if own == nil, typeName(reservation["@type"]?.list.first?.text ?? "") == "LodgingReservation" {
                draft.venueItem = item
            } else {
                draft.items = [item]
            }
        }
        draft.date = reservation["bookingTime"]?.firstText.flatMap(DateText.iso)
    }

    // MARK: Values

    static func setNumber(_ number: String, rank: Int, in draft: inout OrderDraft) {
        let cleaned = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty, cleaned.count <= 64, rank < draft.numberRank else { return }
        draft.number = cleaned
        draft.numberRank = rank
    }

    /// A price given as a number, a text, a `PriceSpecification` or a `MonetaryAmount`.
    static func price(_ value: JSONValue?, currency: String?) -> Amount? {
        guard let value = value?.list.first else { return nil }
        if case .object = value {
            let inner = value["price"] ?? value["value"] ?? value["amount"]
            let innerCurrency = value["priceCurrency"]?.firstText ?? value["currency"]?.firstText ?? currency
            return price(inner, currency: innerCurrency)
        }
        guard let text = value.text else { return nil }
        return Amount(schemaPrice: text, currency: currency?.uppercased())
    }

    /// A quantity given as a number, a text or a `QuantitativeValue`; only 1…9999.
    static func quantity(_ value: JSONValue?) -> Int? {
        guard let value = value?.list.first else { return nil }
        if case .object = value { return quantity(value["value"] ?? value["minValue"]) }
        guard let text = value.text, let number = Int(text.split(separator: ".").first ?? "") ?? Int(text) else { return nil }
        return (1...9_999).contains(number) ? number : nil
    }

    /// `OrderInTransit`, `http://schema.org/ReservationConfirmed`, `Cancelled` → a status.
    static func status(from text: String) -> OrderStatus? {
        let name = typeName(text).lowercased()
        switch name {
        case "orderprocessing", "orderpaymentdue", "reservationconfirmed", "confirmed", "reservationpending",
            "reservationhold", "pending", "processing":
            return .processing
        case "orderintransit", "orderpickupavailable", "intransit", "shipped", "outfordelivery": return .shipped
        case "orderdelivered", "delivered": return .delivered
        case "ordercancelled", "reservationcancelled", "cancelled", "canceled": return .cancelled
        case "orderreturned", "returned": return .returned
        case "refunded", "orderrefunded": return .refunded
        default: return nil
        }
    }

    /// Whitespace collapsed.
    static func clean(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension JSONValue {
    /// The text of the value or of its first element.
    var firstText: String? { list.first?.text }
}
