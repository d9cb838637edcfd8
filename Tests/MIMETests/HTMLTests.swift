import HTML
import Testing

@Suite("HTML rendering and XPath")
struct HTMLTests {
    @Test func rendersBlocksAndCells() {
        let html = """
        <html><head><title>Order</title><style>p { color: red }</style></head>
        <body><script>var x = "<p>no</p>";</script>
        <h1>Thanks&nbsp;for   your order</h1>
        <p>Hello <b>Jane</b>,<br>your items:</p>
        <table>
          <tr><th>Item</th><th>Qty</th><th>Price</th></tr>
          <tr><td><p>USB-C cable</p></td><td>2</td><td>9,99&nbsp;&euro;</td></tr>
          <tr><td>Charger</td><td>1</td><td>19,99 &#8364;</td></tr>
        </table>
        <ul><li>one</li><li>two</li></ul>
        <!-- a comment -->
        </body></html>
        """
        let text = HTMLDocument(html: html).renderedText()
        #expect(HTMLText.render(html) == text)
        #expect(text == """
        Thanks for your order
        Hello Jane,
        your items:
        Item\tQty\tPrice
        USB-C cable\t2\t9,99 €
        Charger\t1\t19,99 €
        one
        two
        """)
    }

    @Test func nestedLayoutTables() {
        let html = "<table><tr><td><table><tr><td>A</td><td>1</td></tr><tr><td>B</td><td>2</td></tr></table></td></tr></table>"
        #expect(HTMLDocument(html: html).renderedText() == "A\t1\nB\t2")
        #expect(HTMLText.render(html) == "A\t1\nB\t2")
    }

    @Test(arguments: [
        ("<P>Upper <B>case</B></P><BR>Tags", "Upper case\nTags"),
        ("a &lt;b&gt; &amp;amp; &#8364; &#x20AC; &#128; &eacute; &notanentity; & alone", "a <b> &amp; € € € é &notanentity; & alone"),
        ("<script>if (a < b) { x = '</p>' }</script>after", "after"),
        ("<SCRIPT type=x>var s = \"</div>\";</SCRIPT >visible", "visible"),
        ("<!-- hidden --><!DOCTYPE html>shown<!-- unterminated", "shown"),
        ("x < y and y > z", "x < y and y > z"),
        ("<div title=\"a>b\">quoted attribute</div>", "quoted attribute"),
        ("<head><title>T</title><meta charset=utf-8></head><body>Body</body>", "Body"),
        ("<table><tr><td>a<td>b<tr><td>c</table>after", "a\tb\nc\nafter"),
        ("<ul><li>one<li>two</ul>", "one\ntwo"),
        ("<a href='x'>unterminated <b", "unterminated"),
        ("", ""),
    ])
    func streamingRenderer(_ html: String, _ expected: String) {
        #expect(HTMLText.render(html) == expected)
    }

    /// Spans side by side are columns of a flex row in mail (`Subtotal` | `£86.93`); the two
    /// renderers read them apart, and keep a superscript's cents glued.
    @Test func adjacentSpansAreReadApart() {
        let html = """
        <div style="display:flex"><span>Subtotal</span><span>£86.93</span></div>
        <div><b>Order</b><!-- x --><span>A-12</span> <span>kept</span></div>
        <p>12<sup>99</sup> and <span>un</span>glued</p>
        """
        let expected = "Subtotal £86.93\nOrder A-12 kept\n1299 and unglued"
        #expect(HTMLText.render(html) == expected)
        #expect(HTMLDocument(html: html).renderedText() == expected)
    }

    /// A mail laid out in one wrapper cell keeps its blocks as lines (both renderers); the
    /// blocks of a cell beside other cells still read as one row.
    @Test func layoutCellKeepsItsLines() {
        let html = """
        <table><tr><td><h1>Thanks for your order</h1><p>Hello Iris,</p>
        <table><tr><td>Order</td><td>KT-410</td></tr></table>
        <div style="display:flex"><div><div>Wool socks</div><div>Size 38</div><div>Qty: 2</div></div><div>€18.00</div></div>
        <div><span>Total</span><span>€18.00</span></div>
        </td></tr>
        <tr><td><div>Linen towel</div><div>Sage</div></td><td><div>€12.00</div><div>each</div></td></tr></table>
        """
        let expected = "Thanks for your order\nHello Iris,\nOrder\tKT-410\nWool socks\nSize 38\nQty: 2\n€18.00\nTotal €18.00\nLinen towel Sage\t€12.00 each"
        #expect(HTMLText.render(html) == expected)
        #expect(HTMLDocument(html: html).renderedText() == expected)
    }

    @Test(arguments: ["", "   ", "<", "</div></span>", "<html><body", "\u{0}\u{1}junk<<>>&&;"])
    func brokenHTMLNeverFails(_ html: String) {
        let document = HTMLDocument(html: html)
        let text = document.renderedText()
        #expect(!text.contains("<html"))
        #expect(document.select("//p").isEmpty)
    }

    @Test func metaCharsetIsIgnored() {
        let document = HTMLDocument(html: "<html><head><meta charset=\"iso-8859-1\"></head><body>Café €</body></html>")
        #expect(document.renderedText() == "Café €")
    }

    @Test func xpathAndAttributes() {
        let document = HTMLDocument(html: """
        <html><head><title> My  Shop </title>
        <script type="application/ld+json">{"@type":"Order","orderNumber":"171-1"}</script>
        <script type="Application/LD+JSON ">{"@type":"ParcelDelivery"}</script>
        </head><body>
        <table id="items"><tr class="item"><td>USB-C cable</td><td>2</td></tr><tr class="item"><td>Charger</td><td>1</td></tr></table>
        <a href="https://shop.example/track?id=1">Track</a>
        </body></html>
        """)
        #expect(document.title == "My Shop")
        #expect(document.jsonLDBlocks == ["{\"@type\":\"Order\",\"orderNumber\":\"171-1\"}", "{\"@type\":\"ParcelDelivery\"}"])
        let rows = document.select("//table[@id='items']/tr[@class='item']")
        #expect(rows.count == 2)
        #expect(rows.map { $0.select("./td").map(\.textContent) } == [["USB-C cable", "2"], ["Charger", "1"]])
        #expect(rows.first?.renderedText() == "USB-C cable\t2")
        #expect(rows.first?.children.map(\.name) == ["td", "td"])
        #expect(document.select("//a").first?.attribute("href") == "https://shop.example/track?id=1")
        #expect(document.select("//a/@href").first?.textContent == "https://shop.example/track?id=1")
        #expect(document.string("count(//tr)") == "2")
        #expect(document.string("normalize-space(//a)") == "Track")
        #expect(document.select("//[[invalid").isEmpty)
        #expect(document.string("//[[invalid") == nil)
    }
}
