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

        init(_ title: String, csv: String, alignRight: Bool = false, inTable: Bool = true, minimumWidth: Int = 4) {
            self.title = title
            self.csvName = csv
            self.alignRight = alignRight
            self.inTable = inTable
            self.minimumWidth = minimumWidth
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

    /// Table lines fitting `width` terminal columns (no limit when `nil`): the widest columns
    /// are narrowed first and cut cells end with `…`; wide characters count two columns.
    func table(width: Int?) -> [String] {
        let shown = columns.indices.filter { columns[$0].inTable }
        guard !shown.isEmpty else { return [] }
        let cells = rows.map { row in shown.map { index in Self.singleLine(index < row.count ? row[index] : "") } }
        let titles = shown.map { columns[$0].title }
        var widths = shown.indices.map { position in
            max(DisplayWidth.of(titles[position]), cells.map { DisplayWidth.of($0[position]) }.max() ?? 0)
        }
        let gap = 2
        if let width {
            let minimums = shown.indices.map { min(widths[$0], max(columns[shown[$0]].minimumWidth, 1)) }
            var excess = widths.reduce(0, +) + gap * (shown.count - 1) - width
            while excess > 0 {
                guard let widest = widths.indices.filter({ widths[$0] > minimums[$0] })
                    .max(by: { (widths[$0], $1) < (widths[$1], $0) }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        func line(_ values: [String]) -> String {
            var parts: [String] = []
            for (position, value) in values.enumerated() {
                let cut = DisplayWidth.truncate(value, to: widths[position])
                let last = position == values.count - 1
                let alignRight = columns[shown[position]].alignRight
                parts.append(last && !alignRight ? cut : DisplayWidth.pad(cut, to: widths[position], alignRight: alignRight))
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        return [line(titles)] + cells.map(line)
    }

    /// Control characters (tabs, line breaks) become spaces so that a cell stays on one line.
    static func singleLine(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }
}
