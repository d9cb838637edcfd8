/// The tables of an HTML document read in one pass over its bytes, without building a tree:
/// rows of cells, each cell's text line by line (`<br>` and blocks start lines), its `colspan`,
/// and whether it holds a nested table. For finding item tables in order mail, where libxml2's
/// parser costs more than everything else together.
///
/// Tolerant like ``HTMLText``: unclosed cells and rows end at the next cell, row or table end.
public enum HTMLTables {
    public struct Cell: Sendable, Hashable {
        /// The cell's text, one entry per line, whitespace collapsed; empty when it holds a table.
        public var lines: [String]
        public var colspan: Int
        public var isHeader: Bool
        /// Whether a table is nested in the cell (a layout cell, not a data cell).
        public var hasTable: Bool
        /// The indexes (in `scan`'s result) of the tables nested right in the cell.
        public var nested: [Int] = []
    }

    /// One table's rows, in document order of the tables' starts.
    public struct Table: Sendable, Hashable {
        public var rows: [[Cell]]
    }

    /// The tables of `html`, at most `maximumRows` rows in all.
    public static func scan(_ html: String, maximumRows: Int = 400) -> [Table] {
        var source = html
        return source.withUTF8 { scan(utf8: $0, maximumRows: maximumRows) }
    }

    private struct OpenCell {
        var output = TextOutput(capacity: 64)
        var colspan: Int
        var isHeader: Bool
        var hasTable = false
        var nested: [Int] = []
    }

    private struct OpenTable {
        var slot: Int
        var rows: [[Cell]] = []
        var row: [Cell]?
        var cell: OpenCell?

        mutating func closeCell() {
            guard let open = cell else { return }
            let lines = open.hasTable ? [] : open.output.lines()
            if row == nil { row = [] }
            row?.append(Cell(lines: lines, colspan: open.colspan, isHeader: open.isHeader, hasTable: open.hasTable, nested: open.nested))
            cell = nil
        }

        mutating func closeRow() {
            closeCell()
            if let finished = row, !finished.isEmpty { rows.append(finished) }
            row = nil
        }
    }

    static func scan(utf8 html: UnsafeBufferPointer<UInt8>, maximumRows: Int) -> [Table] {
        var tokenizer = HTMLTokenizer(html)
        var tables: [Table] = []
        var stack: [OpenTable] = []
        var rowCount = 0
        func finish(_ table: inout OpenTable) {
            table.closeRow()
            rowCount += table.rows.count
            tables[table.slot] = Table(rows: table.rows)
        }
        while let token = tokenizer.next(), rowCount < maximumRows {
            switch token {
            case .text(let range):
                if stack.last?.cell != nil { stack[stack.count - 1].cell!.output.appendText(UnsafeBufferPointer(rebasing: html[range])) }
            case .character(let scalar):
                if stack.last?.cell != nil { stack[stack.count - 1].cell!.output.append(scalar: scalar) }
            case .startTag(let range, let selfClosing):
                let name = UnsafeBufferPointer(rebasing: html[range])
                let kind = ElementKind(name: name)
                switch kind {
                case .skipped:
                    if !selfClosing { tokenizer.skipRawText(until: name) }
                case .table:
                    if stack.last?.cell != nil {
                        stack[stack.count - 1].cell!.hasTable = true
                        stack[stack.count - 1].cell!.nested.append(tables.count)
                    }
                    tables.append(Table(rows: []))
                    stack.append(OpenTable(slot: tables.count - 1))
                case .row:
                    if !stack.isEmpty { stack[stack.count - 1].closeRow(); stack[stack.count - 1].row = [] }
                case .cell:
                    guard !stack.isEmpty else { continue }
                    stack[stack.count - 1].closeCell()
                    let span = tokenizer.attribute("colspan").flatMap { Int($0.filter(\.isNumber)) } ?? 1
                    let header = name.count == 2 && name[1] | 0x20 == UInt8(ascii: "h")
                    stack[stack.count - 1].cell = OpenCell(colspan: max(1, min(20, span)), isHeader: header)
                case .lineBreak, .block:
                    if stack.last?.cell != nil { stack[stack.count - 1].cell!.output.lineBreak() }
                case .inline:
                    continue
                }
            case .endTag(let range):
                let kind = ElementKind(name: UnsafeBufferPointer(rebasing: html[range]))
                switch kind {
                case .table:
                    if var table = stack.popLast() { finish(&table) }
                case .row:
                    if !stack.isEmpty { stack[stack.count - 1].closeRow() }
                case .cell:
                    if !stack.isEmpty { stack[stack.count - 1].closeCell() }
                case .block, .lineBreak:
                    if stack.last?.cell != nil { stack[stack.count - 1].cell!.output.lineBreak() }
                case .inline, .skipped:
                    continue
                }
            }
        }
        while var table = stack.popLast() { finish(&table) }
        return tables
    }
}
