import Foundation
import Intl
import Testing

@testable import MailroomCLI

@Suite("Output layer")
struct ListingTests {
    static let listing = Listing(
        columns: [.init("DATE", csv: "date", minimumWidth: 10), .init("VENDOR", csv: "vendor"),
                  .init("HIDDEN", csv: "hidden", inTable: false), .init("TOTAL", csv: "total", alignRight: true),
                  .init("SUBJECT", csv: "subject")],
        rows: [
            ["2026-03-14", "Amazon", "x", "42.97", "Votre commande de « Câble USB-C » et 1 autre article"],
            ["2026-03-15", "楽天市場", "", "1200", "ご注文ありがとうございます：東京タワーのペーパークラフト"],
            ["2026-03-16", "Zalando", "", "5", "Tab\there, line\nbreak 🎁"],
        ])

    @Test("a table fits the width it is given, wide characters counted as two columns")
    func fits() {
        for width in [40, 60, 80, 200] {
            let lines = Self.listing.table(width: width)
            #expect(lines.count == 4)
            for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
        }
        let narrow = Self.listing.table(width: 60)
        #expect(narrow[1].contains("…"))
        #expect(narrow[0].hasPrefix("DATE        VENDOR"))
        #expect(!narrow[0].contains("HIDDEN"))
    }

    @Test("without a width nothing is cut; control characters become spaces; numbers align right")
    func uncut() {
        let lines = Self.listing.table(width: nil)
        #expect(lines[1].hasSuffix("Votre commande de « Câble USB-C » et 1 autre article"))
        #expect(lines[3].contains("Tab here, line break 🎁"))
        #expect(lines[3].contains("    5  "))
    }

    @Test("CSV has every column, a header of column names, CRLF line ends and RFC 4180 quoting")
    func csv() {
        let text = Self.listing.csv()
        let records = text.components(separatedBy: "\r\n")
        #expect(records.first == "date,vendor,hidden,total,subject")
        #expect(text.hasSuffix("\r\n"))
        #expect(text.contains("\"Tab\there, line\nbreak 🎁\""))
        #expect(records[1] == "2026-03-14,Amazon,x,42.97,Votre commande de « Câble USB-C » et 1 autre article")
    }

    @Test("the width comes from COLUMNS first")
    func width() {
        #expect(TerminalWidth.current(environment: ["COLUMNS": "72"]) == 72)
        #expect(TerminalWidth.current(environment: ["COLUMNS": "zero"]) == TerminalWidth.current(environment: [:]))
    }
}
