import Dashboard
import Foundation
import Intl

/// Rows of text cells under named columns: what the table and CSV back-ends print.
struct Listing: Sendable {
    /// One column: its title in a table, its name in CSV, and whether the table shows it.
    struct Column: Sendable {
        var title: String
        var csvName: String
        var alignRight = false
        /// Whether the table shows the column (CSV always has every column).
        var inTable = true
        /// The table never narrows the column below this many terminal columns.
        var minimumWidth = 4
        /// Columns of a lower priority are narrowed first (subjects keep their room longest).
        var priority = 1

        init(_ title: String, csv: String, alignRight: Bool = false, inTable: Bool = true, minimumWidth: Int = 4,
             priority: Int = 1) {
            self.title = title
            self.csvName = csv
            self.alignRight = alignRight
            self.inTable = inTable
            self.minimumWidth = minimumWidth
            self.priority = priority
        }
    }

    var columns: [Column]
    var rows: [[String]]

    init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// RFC 4180 CSV: a header line of column names, then one record per row (see `CSV`).
    func csv() -> String {
        CSV.record(columns.map(\.csvName)) + rows.map(CSV.record).joined()
    }

    /// Table lines fitting `width` terminal columns (no limit when `nil`), wide characters
    /// counting two: text columns of the lowest priority are narrowed first (cut cells end with
    /// `…`; right-aligned figures are never cut); then columns of priority 0 are left out, last
    /// first; a line still too long is cut at the width.
    func table(width: Int?) -> [String] {
        var shown = columns.indices.filter { columns[$0].inTable }
        guard !shown.isEmpty else { return [] }
        let natural = Dictionary(uniqueKeysWithValues: shown.map { index in
            (index, max(DisplayWidth.of(columns[index].title),
                        rows.map { DisplayWidth.of(Self.singleLine(index < $0.count ? $0[index] : "")) }.max() ?? 0))
        })
        let gap = 2
        var widths = natural
        if let width {
            func minimum(_ index: Int) -> Int {
                columns[index].alignRight ? natural[index] ?? 0 : min(natural[index] ?? 0, max(columns[index].minimumWidth, 1))
            }
            func excess() -> Int { shown.reduce(0) { $0 + (widths[$1] ?? 0) } + gap * (shown.count - 1) - width }
            while excess() > 0 {
                let narrowable = shown.filter { (widths[$0] ?? 0) > minimum($0) }
                if let priority = narrowable.map({ columns[$0].priority }).min(),
                   let widest = narrowable.filter({ columns[$0].priority == priority })
                       .max(by: { (widths[$0] ?? 0, $1) < (widths[$1] ?? 0, $0) }) {
                    widths[widest, default: 0] -= 1
                } else if let dropped = shown.last(where: { columns[$0].priority == 0 }), shown.count > 1 {
                    shown.removeAll { $0 == dropped }
                } else {
                    break
                }
            }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (position, index) in shown.enumerated() {
                let value = Self.singleLine(index < row.count ? row[index] : "")
                let columnWidth = widths[index] ?? 0
                let cut = DisplayWidth.truncate(value, to: columnWidth)
                let last = position == shown.count - 1
                let alignRight = columns[index].alignRight
                parts.append(last && !alignRight ? cut : DisplayWidth.pad(cut, to: columnWidth, alignRight: alignRight))
            }
            let text = parts.joined(separator: String(repeating: " ", count: gap))
            return width.map { DisplayWidth.truncate(text, to: $0) } ?? text
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }

    /// Control characters (tabs, line breaks) become spaces so that a cell stays on one line.
    static func singleLine(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }
}
