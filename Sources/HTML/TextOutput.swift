/// The text being rendered from HTML: whitespace collapsing, line and cell separators.
///
/// Shared by the libxml2 tree renderer and the streaming renderer so both follow one set of
/// rules: blocks start new lines, cells of a row are joined by one tab, blocks inside a cell
/// become spaces (keeping a row on one line) unless the cell is its row's only one (a layout
/// cell holding the mail's paragraphs and item cards: its blocks stay lines), whitespace runs
/// (and U+00A0) collapse to one space, and no line is blank or carries leading/trailing spaces.
struct TextOutput {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreak = false
    private var pendingCell = false
    /// Whether the pending space stands for a block's boundary inside a cell.
    private var pendingSoftBreak = false
    /// One entry per open `table`/`td`/`th`: `true` for a cell.
    private var cellStack: [Bool] = []
    /// One entry per open table: the cells opened in its current row, and the offsets of the
    /// spaces written for block boundaries inside them (lines again if the row has one cell).
    private var rowCells: [Int] = []
    private var softBreaks: [[Int]] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// A block boundary: a new line, or a space inside a table cell (keeps rows on one line).
    mutating func lineBreak() {
        if cellStack.last == true {
            pendingSpace = true
            pendingSoftBreak = !rowCells.isEmpty
        } else {
            pendingBreak = true
        }
    }

    /// A row boundary: always a new line.
    mutating func rowBreak() {
        if cellStack.last == true { cellStack.removeLast() } // an unclosed cell ends with its row
        endRow()
        pendingBreak = true
        pendingCell = false
    }

    /// Ends the innermost table's row: a row of one cell gets its block boundaries back as lines.
    private mutating func endRow() {
        guard cellStack.last == false, let cells = rowCells.last else { return }
        if cells == 1 {
            for offset in softBreaks[softBreaks.count - 1] { bytes[offset] = 0x0A }
        }
        rowCells[rowCells.count - 1] = 0
        softBreaks[softBreaks.count - 1].removeAll(keepingCapacity: true)
    }

    mutating func openTable() {
        cellStack.append(false)
        rowCells.append(0)
        softBreaks.append([])
        lineBreak()
    }

    mutating func closeTable() {
        if cellStack.last == true { cellStack.removeLast() }
        endRow()
        while let last = cellStack.popLast() {
            if !last {
                rowCells.removeLast()
                softBreaks.removeLast()
                break
            }
        }
        lineBreak()
    }

    mutating func openCell() {
        if cellStack.last == true { cellStack.removeLast() } // an unclosed previous cell
        if cellStack.last == false { rowCells[rowCells.count - 1] += 1 }
        pendingCell = true
        cellStack.append(true)
    }

    mutating func closeCell() {
        if cellStack.last == true { cellStack.removeLast() }
    }

    mutating func space() { pendingSpace = true }

    /// Appends one non-whitespace byte of text, flushing pending separators first.
    @inline(__always) mutating func append(_ byte: UInt8) {
        if pendingBreak || pendingCell || pendingSpace { flushPending() }
        bytes.append(byte)
    }

    /// Appends a Unicode scalar (from a character reference); spaces collapse like text.
    mutating func append(scalar: Unicode.Scalar) {
        if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" || scalar == "\u{0C}" {
            pendingSpace = true
            return
        }
        if scalar.value == 0 { return }
        flushPending()
        bytes.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
    }

    /// Appends UTF-8 text bytes, collapsing whitespace and no-break spaces.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = text.count
        while index < count {
            if Self.isCollapsible(text, at: index) {
                pendingSpace = true
                index += text[index] == 0xC2 ? 2 : 1
                continue
            }
            // A run of words up to the next whitespace, appended at once. A single space
            // between two words stays in the run: collapsing it gives that very space (the
            // word before it was just written, so the line has content and ends in no tab,
            // and no break, cell or soft break can be pending inside the run).
            let start = index
            index += 1
            while index < count, !Self.isCollapsible(text, at: index)
                || (text[index] == 0x20 && index + 1 < count && !Self.isCollapsible(text, at: index + 1)) {
                index += 1
            }
            if pendingBreak || pendingCell || pendingSpace { flushPending() }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
        }
    }

    /// Whether the byte at `index` starts whitespace that collapses: a space, line feed, tab,
    /// carriage return, form feed, or the two bytes of U+00A0.
    @inline(__always)
    private static func isCollapsible(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = text[index]
        if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C { return true }
        return byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0
    }

    private mutating func flushPending() {
        let lineHasContent = !(bytes.last == nil || bytes.last == 0x0A)
        if pendingBreak {
            if lineHasContent { bytes.append(0x0A) }
        } else if pendingCell {
            if lineHasContent { bytes.append(0x09) }
        } else if pendingSpace {
            if lineHasContent, bytes.last != 0x09 {
                if pendingSoftBreak, !softBreaks.isEmpty { softBreaks[softBreaks.count - 1].append(bytes.count) }
                bytes.append(0x20)
            }
        }
        pendingBreak = false
        pendingCell = false
        pendingSpace = false
        pendingSoftBreak = false
    }

    func finish() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The text's lines, without empty ones: `finish()` split at line feeds, cut on the bytes
    /// (the output holds no carriage return, so a line feed is always a character of its own).
    func lines() -> [String] {
        var result: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for index in 0...buffer.count where index == buffer.count || buffer[index] == 0x0A {
                if index > start { result.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
        }
        return result
    }
}
