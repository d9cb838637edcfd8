@testable import Extraction
import Testing

@Suite("Lenient JSON")
struct LenientJSONTests {
    @Test("sloppy JSON-LD reads like clean JSON")
    func sloppy() throws {
        let text = """
            <!-- { -->
            {
              // a comment
              '@type': 'Order', orderNumber: "A-1", /* another */
              "price": 12.50, "name": "Fresh&amp;Black \\u00e9t\\u00e9",
              "acceptedOffer": [{"price": "2",},],
            }
            """
        let value = try #require(LenientJSON.parse(text).first)
        #expect(value["@type"] == .string("Order"))
        #expect(value["orderNumber"] == .string("A-1"))
        #expect(value["price"] == .number("12.50"))
        #expect(value["name"] == .string("Fresh&Black été"))
        #expect(value["acceptedOffer"]?.list.count == 1)
    }

    @Test("several values, an escaped block, truncation")
    func edges() {
        #expect(LenientJSON.parse("{\"a\":1}{\"b\":2}").count == 2)
        #expect(LenientJSON.parse("{&quot;@type&quot;:&quot;Order&quot;}").first?["@type"] == .string("Order"))
        let truncated = LenientJSON.parse("{\"@type\": \"Order\", \"orderNumber\": \"42\", \"acceptedOffer\": [{\"price\": \"1")
        #expect(truncated.first?["orderNumber"] == .string("42"))
        #expect(LenientJSON.parse("").isEmpty)
        #expect(LenientJSON.parse(String(repeating: "[", count: 10_000)).count == 1)
    }

    @Test("@graph, arrays and nested orders are found")
    func graph() throws {
        let values = LenientJSON.parse("""
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebPage"},
              {"@type": "ParcelDelivery", "trackingNumber": "1ZE6R2740681239710", "carrier": {"name": "UPS"},
               "partOfOrder": {"@type": "Order", "orderNumber": "X1", "priceCurrency": "GBP", "price": "9.99",
                 "orderStatus": "http://schema.org/OrderInTransit",
                 "orderedItem": [{"@type": "OrderItem", "orderQuantity": 2, "orderedItem": {"@type": "Product", "name": "Mug", "sku": "M-1"}}]}}
            ]}
            """)
        let draft = try #require(SchemaOrgReader.draft(from: values, source: .schemaOrg))
        #expect(draft.number == "X1")
        #expect(draft.status == .shipped)
        #expect(draft.tracking == [TrackingNumber(carrier: "UPS", number: "1ZE6R2740681239710")])
        #expect(draft.items.map(\.name) == ["Mug"] && draft.items.first?.quantity == 2 && draft.items.first?.sku == "M-1")
        #expect(draft.total?.minorUnits(in: "GBP") == 999)
    }

    @Test("an invoice that references its order")
    func invoice() throws {
        let values = LenientJSON.parse("""
            {"@type": "Invoice", "confirmationNumber": "F-9", "paymentDueDate": "2025-05-15",
             "totalPaymentDue": {"@type": "PriceSpecification", "price": "34.99", "priceCurrency": "EUR"},
             "referencesOrder": {"@type": "Order", "orderNumber": "O-9", "acceptedOffer": {"itemOffered": {"name": "Forfait"}, "price": "34.99"}}}
            """)
        let draft = try #require(SchemaOrgReader.draft(from: values, source: .schemaOrg))
        #expect(draft.number == "O-9")
        #expect(draft.total?.minorUnits(in: "EUR") == 3499)
        #expect(draft.dueDate == DateText.calendarDay(year: 2025, month: 5, day: 15))
        #expect(draft.items.first?.name == "Forfait")
    }
}
