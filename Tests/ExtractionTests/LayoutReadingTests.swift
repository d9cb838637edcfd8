@testable import Extraction
import Foundation
import Intl
import MailroomCore
import Testing

/// Items read from the layout of a mail rather than from its wording: two prices in one price
/// cell, names over their detail lines, a stray priced line the sums leave out, summary boxes
/// and product grids that are no item rows. Each on a small invented mail.
@Suite("Layout reading")
struct LayoutReadingTests {
    let extractor = OrderExtractor()

    @Test("a struck-out price over the price paid; a line total over 'N × unit'")
    func twoPricesInOneCell() throws {
        let plain = """
            Order number    QK-30118

            Enamel mug, forest green

            Qty: 1

            €18.50

            €12.95

            Tea towels, set of 3

            Qty: 2

            €21.80

            2 × €10.90

            Subtotal €34.75

            Total €34.75
            """
        let order = try #require(extractor.extract(message(subject: "Order QK-30118", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Enamel mug, forest green @ 12.95", "2 × Tea towels, set of 3 @ 10.90"])
    }

    @Test("a struck-out price and the price paid on one item line; a stray priced line above one item")
    func twoPricesOnOneLine() throws {
        let plain = """
            Order number    SC-8812

            Merino scarf, charcoal    1    €34.99    €24.99

            Total    €24.99
            """
        let order = try #require(extractor.extract(message(subject: "Order SC-8812", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Merino scarf, charcoal @ 24.99"])
        let banner = """
            Your order is confirmed

            Free standard delivery on orders over €40

            Order number    SC-8813

            Merino scarf, charcoal    1    €24.99

            Total    €24.99
            """
        let single = try #require(extractor.extract(message(subject: "Order SC-8813", plain: banner), vendor: nil, category: .orders))
        #expect(amounts(single) == ["1 × Merino scarf, charcoal @ 24.99"])
    }

    @Test("discounted line totals under struck-out ones: the sums say they are line totals")
    func discountedLineTotals() throws {
        let plain = """
            Order number    ZT-99120

            Folding step stool

            Qty: 1

            $24.00

            $15.50

            Silicone baking mats

            Qty: 2

            $19.00

            $11.20

            Item(s) total $26.70

            Order total $26.70
            """
        let order = try #require(extractor.extract(message(subject: "Order ZT-99120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Folding step stool @ 15.50", "2 × Silicone baking mats @ 5.60"])
    }

    @Test("the name right under a closed item keeps its place against the lines under it")
    func namesOverDetails() throws {
        let plain = """
            Order number    BX-7731

            Order date    May 2, 2025

            Trail running shoes

            Teal · 43

            Qty: 1

            £95.00

            Insoles, memory foam

            Black

            Qty: 2

            £12.00

            Bonus: Shoe cleaning cloth

            Qty: 1

            £6.00

            Subtotal £125.00

            Order Total £125.00
            """
        let order = try #require(extractor.extract(message(subject: "Order BX-7731", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == [
            "1 × Trail running shoes @ 95.00", "2 × Insoles, memory foam @ 12.00", "1 × Bonus: Shoe cleaning cloth @ 6.00",
        ])
    }

    @Test("a name followed by its long link is still a name")
    func nameWithLink() throws {
        let plain = """
            Order # 305-1182734-9920114

            View your order <https://shop.example/account/orders?id=305-1182734-9920114>

            Order Details

            Bamboo Bath Mat, Non-Slip, Foldable, Natural Colour <https://shop.example/dp/bamboo-bath-mat-non-slip-foldable-natural-colour-60-x-40-cm-set-with-storage-hook>
            Sold by: Example Home
            Quantity: 1
            £19.99

            Order Total:    £19.99
            """
        let order = try #require(extractor.extract(message(subject: "Your order 305-1182734-9920114", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Bamboo Bath Mat, Non-Slip, Foldable, Natural Colour @ 19.99"])
    }

    @Test("an item line whose name is the details of the name above prices that name")
    func detailItemLines() throws {
        let plain = """
            Receipt    R-22817

            Starfall Tactics: Deluxe Edition
            PC · Download    €39.99
            Cloud storage, 100 GB
            Monthly · Renews 3 June 2025    €1.99
            House blend coffee beans, 1 kg
            Grind: whole bean    2    €37.00

            Subtotal    €78.98
            Total    €78.98
            """
        let order = try #require(extractor.extract(message(subject: "Your receipt R-22817", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == [
            "1 × Starfall Tactics: Deluxe Edition @ 39.99", "1 × Cloud storage, 100 GB @ 1.99", "2 × House blend coffee beans, 1 kg @ 18.50",
        ])
    }

    @Test("rows of a fields table go on without figures; the first name under them keeps its place")
    func fieldsRunAboveFirstItem() throws {
        let plain = """
            Order number    7730218845

            Order date    4 March 2025

            Seller    Retro_Games_Leeds

            Handheld console, refurbished

            Good - minor scratches

            Quantity: 1

            £149.00

            Total    £149.00
            """
        let order = try #require(extractor.extract(message(subject: "Order 7730218845", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Handheld console, refurbished @ 149.00"])
    }

    @Test("a heading between two items gives way to the longer name under it")
    func headingBetweenItems() throws {
        let plain = """
            Order number    AR-5120

            Desk organiser, oak

            Qty: 1

            £24.00

            Arriving Friday

            Cable management sleeve, 2 m

            Qty: 2

            £9.00

            Order Total £42.00
            """
        let order = try #require(extractor.extract(message(subject: "Order AR-5120", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Desk organiser, oak @ 24.00", "2 × Cable management sleeve, 2 m @ 9.00"])
    }

    @Test("among totals of different amounts, the one the summary adds up to")
    func reconciledTotal() throws {
        let plain = """
            Order number    RV-1120

            Ceramic vase, speckled    1    £60.00

            Total retail value    £95.00
            Subtotal    £60.00
            Delivery    £4.50
            Order total    £64.50
            """
        let order = try #require(extractor.extract(message(subject: "Order RV-1120", plain: plain), vendor: nil, category: .orders))
        #expect(order.total?.decimalString == "64.50")
        // Nothing adds up: the strongest label, then the largest amount, as before.
        let loose = OrderSummary(lines: ["Total value £95.00", "Order total £64.50"].map(TextLine.init), resolver: CurrencyResolver(domain: nil))
        #expect(loose.total?.amount.number.minorUnits(digits: 2) == 9500)
    }

    @Test("a priced line above the list that stops the items adding up is no item")
    func strayPricedLine() throws {
        let plain = """
            Your order is confirmed

            Free standard delivery on orders over £15

            Hi Ada, here is what you ordered.

            Order number    MM-40021

            Wool beanie

            Qty: 2

            £22.00

            Leather gloves

            Qty: 1

            £35.00

            Scarf, herringbone

            Qty: 1

            £28.00

            Subtotal £85.00

            Order Total £85.00
            """
        let order = try #require(extractor.extract(message(subject: "Order MM-40021", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["2 × Wool beanie @ 11.00", "1 × Leather gloves @ 35.00", "1 × Scarf, herringbone @ 28.00"])
        // Without a summary to check against, nothing is dropped.
        let unchecked = plain.replacingOccurrences(of: "Subtotal £85.00", with: "").replacingOccurrences(of: "Order Total £85.00", with: "")
        let kept = try #require(extractor.extract(message(subject: "Order MM-40021", plain: unchecked), vendor: nil, category: .orders))
        #expect(kept.items.count == 4)
    }

    @Test("a lone amount under a total's label names no item; the parcel's unpriced items stay")
    func amountUnderTotalLabel() throws {
        let plain = """
            Your parcel is on its way

            Arriving
            Thursday 12 June    Order total
            £64.50

            Order details
            Desk lamp, brass
            Qty: 1
            Linen lampshade
            Qty: 1
            Order total:    £64.50
            """
        let order = try #require(extractor.extract(message(subject: "Shipped: order 204-1182", plain: plain), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Desk lamp, brass @ -", "1 × Linen lampshade @ -"])
        #expect(order.total?.decimalString == "64.50")
    }

    @Test("an order label alone over its reference, two blocks of a layout cell")
    func labelOverReference() throws {
        let html = """
            <table><tr><td><div>Booking n°</div><div>BK24-5581920</div><p>Hello Theo,</p>
            <div>Concert ticket, stalls</div><div>Qty: 2</div><div>€64.00</div><div>Total €64.00</div></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Your tickets", html: html), vendor: nil, category: .orders))
        #expect(order.number == "BK24-5581920")
        #expect(amounts(order) == ["2 × Concert ticket, stalls @ 32.00"])
        #expect(OrderNumberFinder.find(in: ["Booking n°", "tomorrow"])?.number == nil)
        // Columns of labels over values, rendered row by row.
        let columns = ["ACCOUNT", "k•••@example.net    DATE", "2 Apr 2025    ORDER ID", "QW7TK2ZP4M    DOCUMENT NO.", "551208733"]
        #expect(OrderNumberFinder.find(in: columns.map(TextLine.init))?.number == "QW7TK2ZP4M")
    }

    @Test("the rows of a fields table above the first item name no item")
    func fieldsTableAboveItems() throws {
        let html = """
            <table><tr><td><p>Hello Noor,</p>
            <table><tr><td>Order number</td><td>PX-55120</td></tr><tr><td>Order date</td><td>2 May 2025</td></tr>
            <tr><td>Delivery expected</td><td>week 21</td></tr></table>
            <div style="display:flex"><div><div>Rattan lampshade</div><div>Qty: 1</div></div><div>€45.00</div></div>
            <div style="display:flex"><div><div>Jute doormat</div><div>Qty: 2</div></div><div>€30.00</div></div>
            <div><span>Total</span><span>€75.00</span></div></td></tr></table>
            """
        let order = try #require(extractor.extract(message(subject: "Order PX-55120", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Rattan lampshade @ 45.00", "2 × Jute doormat @ 15.00"])
        #expect(TextItemReader.isFieldRow(TextLine("Order date\t2 May 2025")))
        #expect(!TextItemReader.isFieldRow(TextLine("Size\t38")))
        #expect(!TextItemReader.isFieldRow(TextLine("Bicycle lock, steel\t2")))
    }

    @Test("a summary box beside the order's fields and a grid of product cards are no item rows")
    func summaryBoxAndGrid() throws {
        let html = """
            <table><tr><td><div>Arriving</div><div>Friday 4 July</div></td><td><div>Ship to</div><div>R. Okafor</div></td>
            <td><div>Order total</div><div>£74.00</div></td></tr></table>
            <table><tr><td>Ceramic planter, large</td><td>£54.00</td></tr><tr><td>Plant stand</td><td>£20.00</td></tr></table>
            <div>Order total £74.00</div>
            """
        let order = try #require(extractor.extract(message(subject: "Order 88-2210", html: html), vendor: nil, category: .orders))
        #expect(amounts(order) == ["1 × Ceramic planter, large @ 54.00", "1 × Plant stand @ 20.00"])
        let grid = """
            <table><tr><td><img src="a.jpg"><div>Watering can</div><div>£18.00</div></td><td><img src="b.jpg"><div>Plant mister</div>
            <div>£9.50</div></td><td><img src="c.jpg"><div>Pot feet</div><div>£6.00</div></td></tr></table>
            """
        let cells = HTMLTableReader.items(inHTML: grid, resolver: CurrencyResolver(domain: nil))
        #expect(cells == nil)
    }
}
