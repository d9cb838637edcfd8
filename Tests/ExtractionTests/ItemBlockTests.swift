@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Which line of an item's block names it: the block's first name, not the variant, author or
/// start-date lines under it; sentences and order fields above the first item name nothing.
/// Each on a small invented mail.
@Suite("Item blocks")
struct ItemBlockTests {
    let extractor = OrderExtractor()

    @Test("flex cards: the name line, then a variant line, the count, the line total and 'N × unit'")
    func flexCards() throws {
        let html = """
            <p>Hello Ruth,</p><p>Our growers will pack your plants with care and send them next week.</p>
            <div style="display:flex"><span>Order number</span><span>HG-20411</span></div>
            <div style="display:flex"><span>Payment method</span><span>Visa ending 4410</span></div>
            <div class="item" style="display:flex"><div><div>Salvia nemorosa 'Caradonna'</div><div>1 litre pot</div>
            <div>Qty 4</div></div><div>£27.96<div>4 × £6.99</div></div></div>
            <div class="item" style="display:flex"><div><div>Garden twine, jute</div><div>Qty 1</div></div>
            <div>£3.50<div>1 × £3.50</div></div></div>
            <div class="item" style="display:flex"><div><div>Kneeling pad</div><div>Colour sage</div>
            <div>Qty 2</div></div><div>£17.00<div>2 × £8.50</div></div></div>
            <div style="display:flex"><span>Subtotal</span><span>£48.46</span></div>
            <div style="display:flex"><span>Delivery</span><span>£4.95</span></div>
            <div style="display:flex"><span>Total</span><span>£53.41</span></div>
            """
        let order = try #require(extractor.extract(message(subject: "Your order HG-20411", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["4 × Salvia nemorosa 'Caradonna' @ 6.99", "1 × Garden twine, jute @ 3.50", "2 × Kneeling pad @ 8.50"])
        #expect(order.total?.decimalString == "53.41")
        #expect(order.number == "HG-20411")
    }

    @Test("plain text: each paragraph's first line names its item, even a title with a colon")
    func paragraphs() throws {
        let plain = """
            Thank you for your order. You can download your files from the website.

            Order number: 55-88120
            Payment method: PayPal

            Seven Seas: The Complete Voyages
            Mara Ellison - Hardback
            Qty: 1
            Price: £24.00

            Field Notes Pocket Journal
            Dot grid, 3-pack
            Qty: 2
            Price: £9.50

            Subtotal:        £43.00
            Total:           £43.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 55-88120 confirmed", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Seven Seas: The Complete Voyages @ 24.00", "2 × Field Notes Pocket Journal @ 9.50"])
    }

    @Test("order fields written without a colon above the first item name nothing", arguments: [
        "Numer zamówienia 7781-220", "Forma płatności Karta płatnicza",
    ])
    func fieldLines(_ field: String) throws {
        let html = """
            <div>Dziękujemy za zamówienie.</div><div>\(field)</div>
            <div>Herbata zielona sencha 100 g</div><div>Ilość 3</div><div>47,70 zł</div><div>3 × 15,90 zł</div>
            <div>Razem 47,70 zł</div>
            """
        let order = try #require(extractor.extract(message(subject: "Zamówienie 7781-220", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["3 × Herbata zielona sencha 100 g @ 15.90"])
    }

    @Test("blank lines set a paragraph apart: a heading paragraph names no item")
    func headingParagraph() throws {
        let plain = """
            Votre colis a été livré.

            Contenu du colis

            Lampe frontale 400 lumens
            Coloris noir
            Qté : 1

            Gourde isotherme
            Taille 750 ml
            Qté : 2
            """
        let order = try #require(extractor.extract(message(subject: "Votre colis a été livré", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Lampe frontale 400 lumens @ -", "2 × Gourde isotherme @ -"])
    }

    @Test("paragraph starts are read from the text's blank lines, CRLF or LF")
    func paragraphStarts() {
        let lines = TextLine.lines(of: "A\r\nB\r\n\r\nC\n\n\nD\nE")
        #expect(lines.map(\.text) == ["A", "B", "C", "D", "E"])
        #expect(lines.map(\.startsParagraph) == [true, false, true, true, false])
    }
}
