@testable import Extraction
import Foundation
import MIME
import MailroomCore
import Testing

/// A message from parts, for extractor tests.
func message(subject: String, plain: String? = nil, html: String? = nil, from: String = "shop@example.fr") -> Message {
    var source = "From: Shop <\(from)>\r\nTo: a@b.fr\r\nSubject: \(subject)\r\nDate: Mon, 3 Mar 2025 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
    switch (plain, html) {
    case let (plain?, html?):
        source += "Content-Type: multipart/alternative; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + plain + "\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b--\r\n"
    case let (nil, html?):
        source += "Content-Type: text/html; charset=utf-8\r\n\r\n" + html
    default:
        source += "Content-Type: text/plain; charset=utf-8\r\n\r\n" + (plain ?? "")
    }
    return MessageParser.parse(Data(source.utf8))
}

func amounts(_ order: ExtractedOrder?) -> [String] {
    (order?.items ?? []).map { "\($0.quantity) × \($0.name) @ \($0.unitPrice?.decimalString ?? "-")" }
}

@Suite("Order extraction")
struct OrderExtractorTests {
    let extractor = OrderExtractor()

    @Test("a headerless shop table: image, \"name × 2\", line total")
    func shopTable() throws {
        let html = """
            <html><body><p>Order #1042</p><p>Thank you for your purchase! We're getting your order ready to be shipped.</p>
            <table><tr><td><img src="a.jpg"></td><td><span>Linen shirt × 2</span><br><span>Sand / M</span></td><td><p>€90,00</p></td></tr>
            <tr><td><img src="b.jpg"></td><td><span>Canvas tote × 1</span></td><td><p><del>€25,00</del> €19,00</p></td></tr></table>
            <table><tr><td>Subtotal</td><td>€109,00</td></tr><tr><td>Shipping</td><td>€5,90</td></tr>
            <tr><td>Total</td><td><strong>€114,90 EUR</strong></td></tr></table></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Order #1042 confirmed", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Linen shirt @ 45.00", "1 × Canvas tote @ 19.00"])
        #expect(order.total == Money(minorUnits: 11_490, currency: "EUR"))
        #expect(order.number == "1042")
        #expect(order.extractedBy == .htmlTable)
        #expect(order.status == .processing)
        #expect(order.warnings.isEmpty)
    }

    @Test("a generic HTML table in French number format")
    func frenchTable() throws {
        let html = """
            <table><tr><th>Désignation</th><th>Qté</th><th>P.U. TTC</th><th>Montant</th></tr>
            <tr><td>Lave-linge hublot 9 kg</td><td>1</td><td>1 049,00 €</td><td>1 049,00 €</td></tr>
            <tr><td>Éco-participation</td><td>1</td><td>10,00 €</td><td>10,00 €</td></tr>
            <tr><td colspan="3">Total TTC</td><td>1 059,00 €</td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 55012", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Lave-linge hublot 9 kg @ 1049.00", "1 × Éco-participation @ 10.00"])
        #expect(order.total?.decimalString == "1059.00")
        #expect(order.currency == "EUR")
    }

    @Test("a header table apart from its rows; a reference column before the name; line totals")
    func separateHeader() throws {
        let html = """
            <table><tr><td><b>Réf.</b></td><td><b>Produit</b></td><td><b>Quantité</b></td><td><b>Prix total</b></td></tr></table>
            <table><tr><td>CAF-220</td><td>Cafetière italienne 6 tasses</td><td>2</td><td>49,80 €</td></tr></table>
            <table><tr><td>FIL-10</td><td>Filtres papier n°4</td><td>1</td><td>3,20 €</td></tr></table>
            <p>Total : 53,00 €</p>
            """
        let order = try #require(extractor.extract(message(subject: "Commande n° 5001 confirmée", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Cafetière italienne 6 tasses @ 24.90", "1 × Filtres papier n°4 @ 3.20"])
        #expect(order.items.first?.sku == "CAF-220")
        #expect(order.total?.decimalString == "53.00")
    }

    @Test("one table per item, the name and the price in one cell")
    func itemBlocks() throws {
        let html = """
            <p>Hello Sam, thank you for your order.</p><p>Order #112-9981234-5550012</p>
            <table><tr><td><img src="x.jpg"></td><td><a href="#">Anker USB-C Charger 65W</a><br>Sold by: Anker Direct<br><b>$35.99</b></td></tr></table>
            <table><tr><td><img src="y.jpg"></td><td><a href="#">Kindle Paperwhite Case</a><br>Qty: 2<br><b>$19.98</b></td></tr></table>
            <table><tr><td>Item Subtotal:</td><td>$55.97</td></tr><tr><td>Shipping &amp; Handling:</td><td>$0.00</td></tr>
            <tr><td>Estimated tax:</td><td>$4.90</td></tr><tr><td><b>Order Total:</b></td><td><b>$60.87</b></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your order #112-9981234-5550012", html: html, from: "a@shop.com"),
                                                   vendor: ExtractionVendor(id: nil, domain: "shop.com"), category: .orders))
        #expect(amounts(order) == ["1 × Anker USB-C Charger 65W @ 35.99", "2 × Kindle Paperwhite Case @ 9.99"])
        #expect(order.total == Money(minorUnits: 6_087, currency: "USD"))
        #expect(order.warnings.isEmpty)
    }

    @Test("an item's details after its name are cut off in text lines")
    func attributesCut() {
        #expect(TextItemReader.cutAtAttributes("Charger 65W Sold by: Anker Qty: 2") == "Charger 65W")
        #expect(TextItemReader.cutAtAttributes("Hors forfait : SMS+ et services") == "Hors forfait : SMS+ et services")
        #expect(TextItemReader.cutAtAttributes("Jean droit Taille : W28") == "Jean droit")
    }

    @Test("plain-text receipt lines")
    func textReceipt() throws {
        let plain = """
            Merci pour votre achat !
            Ticket n° 0042-118
            2 x Croissant au beurre        2,40 €
            1 x Café allongé               1,90 €
            Total                          4,30 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre reçu", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Croissant au beurre @ 1.20", "1 × Café allongé @ 1.90"])
        #expect(order.total?.decimalString == "4.30")
        #expect(order.extractedBy == .text)
        // A receipt says nothing of delivery: the order it bills is being processed.
        #expect(order.status == .processing)
    }

    @Test("a JSON-LD order of thousands of offers keeps its first 500 lines, with a warning and no sum check")
    func runawayOffers() throws {
        let offers = (1...2_000).map { index in
            #"{"@type":"Offer","itemOffered":{"@type":"Product","name":"Vis inox n°\#(index)"},"price":"0.10","priceCurrency":"EUR"}"#
        }
        let html = """
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"Order","orderNumber":"Q-77",
            "priceCurrency":"EUR","price":"200.00","acceptedOffer":[\(offers.joined(separator: ","))]}</script></head>
            <body><p>Commande Q-77 confirmée</p></body></html>
            """
        let order = try #require(extractor.extract(message(subject: "Commande Q-77", html: html), vendor: nil, category: .orders))
        #expect(order.items.count == OrderExtractor.Context.maximumItems)
        #expect(order.items.first?.name == "Vis inox n°1")
        #expect(order.items.last?.name == "Vis inox n°500")
        #expect(order.total?.decimalString == "200.00")
        #expect(order.warnings == ["items-truncated"])
    }

    @Test("totals that do not add up carry a warning")
    func reconciliation() throws {
        let plain = "Order number: 88123\nWidget   1   $10.00\nGadget   1   $5.00\nTotal: $99.00\n"
        let order = try #require(extractor.extract(message(subject: "Your order", plain: plain, from: "a@shop.com"), vendor: nil, category: .orders))
        #expect(order.warnings.contains("totals-do-not-reconcile"))
        #expect(order.currency == "USD")
    }

    @Test("a table whose items do not add up gives way to the text's lines that do; one that adds up stays")
    func readingsWeighed() throws {
        // The HTML lists prices before tax, the plain part the prices paid.
        let html = """
            <table><tr><th>Article</th><th>Qté</th><th>Prix HT</th></tr>
            <tr><td>Clavier mécanique TKL</td><td>1</td><td>75,00 €</td></tr>
            <tr><td>Tapis de souris XL</td><td>2</td><td>12,50 €</td></tr></table>
            <p>Total TTC : 120,00 €</p>
            """
        let plain = """
            Commande n° 77120
            1 x Clavier mécanique TKL ..... 90,00 €
            2 x Tapis de souris XL ..... 15,00 €
            Total TTC : 120,00 €
            """
        let order = try #require(extractor.extract(message(subject: "Votre commande 77120", plain: plain, html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Clavier mécanique TKL @ 90.00", "2 × Tapis de souris XL @ 15.00"])
        #expect(order.extractedBy == .text)
        #expect(order.warnings.isEmpty)

        // The same table adding up to its total is read, whatever the text says.
        let adding = html.replacingOccurrences(of: "120,00 €", with: "100,00 €")
        let kept = try #require(extractor.extract(message(subject: "Votre commande 77120", plain: plain, html: adding), vendor: nil, category: .orders))
        #expect(kept.extractedBy == .htmlTable)
        #expect(amounts(kept) == ["1 × Clavier mécanique TKL @ 75.00", "2 × Tapis de souris XL @ 12.50"])

        // No reading adds up: the table, read first, stays, with a warning.
        let neither = html.replacingOccurrences(of: "120,00 €", with: "130,00 €")
        let plainNeither = plain.replacingOccurrences(of: "120,00 €", with: "130,00 €")
        let first = try #require(extractor.extract(message(subject: "Votre commande 77120", plain: plainNeither, html: neither), vendor: nil, category: .orders))
        #expect(first.extractedBy == .htmlTable)
        #expect(first.warnings.contains("totals-do-not-reconcile"))
    }

    @Test("markup naming its items without prices takes their counts and prices from the mail's lines")
    func unpricedMarkupItems() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context":"http://schema.org","@type":"ParcelDelivery","trackingNumber":"3SXYZ0012345",
             "partOfOrder":{"@type":"Order","orderNumber":"7710023","orderStatus":"http://schema.org/OrderInTransit"},
             "itemShipped":[{"@type":"Product","name":"Waterkoker RVS 1,7 liter"},{"@type":"Product","name":"Theeglas met houder - 4 stuks"}]}
            </script></head><body><p>Je pakket met bestelnummer 7710023 is onderweg.</p></body></html>
            """
        let plain = """
            Je pakket met bestelnummer 7710023 is onderweg.

            Waterkoker RVS 1,7 liter
            Aantal: 1 € 34,99

            Theeglas met houder - 4 stuks
            Aantal: 2 € 25,90

            Totaal: € 60,89
            """
        let order = try #require(extractor.extract(message(subject: "Je bestelling is onderweg", plain: plain, html: html), vendor: nil, category: .orders))
        #expect(order.items.map { "\($0.quantity) × \($0.name)" } == ["1 × Waterkoker RVS 1,7 liter", "2 × Theeglas met houder - 4 stuks"])
        #expect(order.items.map { $0.lineTotal?.decimalString } == ["34.99", "25.90"])
        #expect(order.number == "7710023")
        #expect(order.extractedBy == .schemaOrg)

        // Lines naming other items leave the markup's items as they are.
        let other = plain.replacingOccurrences(of: "Waterkoker RVS 1,7 liter", with: "Broodrooster 2 sleuven")
        let kept = try #require(extractor.extract(message(subject: "Je bestelling is onderweg", plain: other, html: html), vendor: nil, category: .orders))
        #expect(kept.items.map(\.name) == ["Waterkoker RVS 1,7 liter", "Theeglas met houder - 4 stuks"])
        #expect(kept.items.allSatisfy { $0.unitPrice == nil })
    }

    @Test("absurd values are rejected: a price from a phone number, a quantity of a billion")
    func absurd() throws {
        let plain = "Commande n° 77812\nAppelez le 01 45 67 89 12\n1000000000 x Vis inox   0,10 €\nCâble   1   4,99 €\nTotal : 4,99 €\n"
        let order = try #require(extractor.extract(message(subject: "Votre commande", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Câble @ 4.99"])
    }

    @Test("no order outside order mail, unless the markup says so")
    func gating() {
        let plain = "Order #1\nThing  1  €5,00\nTotal €5,00"
        #expect(extractor.extract(message(subject: "News", plain: plain), vendor: nil, category: .newsletters) == nil)
        let html = #"<script type="application/ld+json">{"@type":"Order","orderNumber":"Z9","price":"5.00","priceCurrency":"EUR","acceptedOffer":{"itemOffered":{"name":"Thing"},"price":"5.00"}}</script>"#
        #expect(extractor.extract(message(subject: "News", html: html), vendor: nil, category: .notifications)?.number == "Z9")
        let parcel = #"<script type="application/ld+json">{"@type":"ParcelDelivery","trackingNumber":"1ZE6R2740681239710","partOfOrder":{"@type":"Order","orderNumber":"W1"}}</script>"#
        #expect(extractor.extract(message(subject: "Your parcel", html: parcel), vendor: nil, category: .notifications) == nil)
    }

    @Test("microdata outside order mail: an order declared with schema.org types is read, bare items are not")
    func microdataGating() {
        let offer = #"<div itemprop="acceptedOffer" itemscope itemtype="https://schema.org/Offer"><div itemprop="itemOffered" itemscope itemtype="https://schema.org/Product"><span itemprop="name">Garden hose</span></div><span itemprop="price">19.90</span><meta itemprop="priceCurrency" content="EUR"></div>"#
        let declared = #"<div itemscope itemtype="https://schema.org/Order"><span itemprop="orderNumber">MD-4471</span>"# + offer + "</div>"
        #expect(extractor.extract(message(subject: "Update", html: declared), vendor: nil, category: .notifications)?.number == "MD-4471")
        // `itemscope` without any type: nothing says what the items are.
        let bare = #"<div itemscope><span itemprop="orderNumber">MD-4471</span><span itemprop="price">19.90</span></div>"#
        #expect(extractor.extract(message(subject: "Update", html: bare), vendor: nil, category: .notifications) == nil)
        // A newsletter's product table, without markup.
        let table = "<table><tr><td>Garden hose</td><td>19,90 €</td></tr><tr><td>Total</td><td>19,90 €</td></tr></table>"
        #expect(extractor.extract(message(subject: "Summer offers", html: table), vendor: nil, category: .newsletters) == nil)
    }

    @Test("a vendor's currency sign is read by its country: $ from a .ca shop")
    func dollarsByCountry() throws {
        let plain = "Order number: 5512\nToque   1   $24.99\nTotal: $24.99\n"
        let order = try #require(extractor.extract(message(subject: "Your order", plain: plain, from: "a@shop.ca"),
                                                   vendor: ExtractionVendor(id: nil, domain: "shop.ca"), category: .orders))
        #expect(order.currency == "CAD")
    }
}

@Suite("Extraction on mangled mail")
struct MangledMailTests {
    /// Every order sample's text, cut and shuffled: extraction returns something or nothing, never traps.
    @Test("cut, shuffled and repeated texts never trap")
    func mangled() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        var generator = SystemRandomNumberGenerator()
        let extractor = OrderExtractor()
        var runs = 0
        for file in files {
            let parsed = MessageParser.parse(try Data(contentsOf: root.appendingPathComponent(file)))
            for part in parsed.textParts {
                let text = part.text
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let variants = [
                    String(text.prefix(Int.random(in: 0...max(0, text.count), using: &generator))),
                    lines.shuffled(using: &generator).joined(separator: "\n"),
                    lines.map { String($0.reversed()) }.joined(separator: "\n"),
                ]
                for variant in variants {
                    let mangled = part.kind == .html ? message(subject: "Votre commande", html: variant) : message(subject: "Order", plain: variant)
                    _ = extractor.extract(mangled, vendor: nil, category: .orders)
                    runs += 1
                }
            }
        }
        #expect(runs > 100)
    }
}
