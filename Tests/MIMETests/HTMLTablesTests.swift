import HTML
import Testing

@Suite("HTML tables and scripts without a tree")
struct HTMLTablesTests {
    @Test("rows, cells, lines, colspan, header cells and nested tables")
    func tables() {
        let html = """
            <table><tr><td>Layout<table><tr><th>Item</th><th colspan="2">Price</th></tr>
            <tr><td>Mug<br><span>Blue</span></td><td>2<td>€9,00</tr></table></td></tr></table>
            <table><tr><td>Total</td><td>€18,00</td></tr></table>
            """
        let tables = HTMLTables.scan(html)
        #expect(tables.count == 3)
        #expect(tables[0].rows.count == 1 && tables[0].rows[0][0].hasTable && tables[0].rows[0][0].lines.isEmpty)
        let inner = tables[1].rows
        #expect(inner[0].map(\.lines) == [["Item"], ["Price"]])
        #expect(inner[0].map(\.colspan) == [1, 2] && inner[0][0].isHeader)
        #expect(inner[1].map(\.lines) == [["Mug", "Blue"], ["2"], ["€9,00"]])
        #expect(tables[2].rows[0].map(\.lines) == [["Total"], ["€18,00"]])
        #expect(HTMLTables.scan("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>", maximumRows: 1).first?.rows.count ?? 0 <= 2)
        #expect(HTMLTables.scan("<td>no table</td>").isEmpty)
    }

    @Test("JSON-LD blocks read like the tree's")
    func jsonLD() {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "Order", "name": "a < b"}</script>
            <script>var x = "<script type='application/ld+json'>";</script>
            <SCRIPT TYPE='Application/LD+JSON'>[1]</SCRIPT></head><body></body></html>
            """
        #expect(HTMLScripts.jsonLD(in: html) == HTMLDocument(html: html).jsonLDBlocks)
        #expect(HTMLScripts.jsonLD(in: html).count == 2)
    }
}
