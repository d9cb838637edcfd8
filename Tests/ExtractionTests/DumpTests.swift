import Foundation
import MIME
@testable import Extraction
import Testing

/// Prints a message's text parts (set MAILROOM_DUMP to a path); a debugging aid.
@Suite struct DumpTests {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["MAILROOM_DUMP"] else { return }
        let message = MessageParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
        for part in message.textParts {
            print("----- \(part.kind) \(part.declaredCharset ?? "-")")
            print(part.kind == .html ? (part.renderedText ?? "") : part.text)
        }
    }
}

extension DumpTests {
    @Test func summary() throws {
        guard let path = ProcessInfo.processInfo.environment["MAILROOM_SUMMARY"] else { return }
        let message = MessageParser.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
        for part in message.textParts {
            let text = part.kind == .html ? (part.renderedText ?? "") : part.text
            let summary = OrderSummary(lines: TextLine.lines(of: text), resolver: CurrencyResolver(domain: nil))
            for line in summary.lines { print(part.kind, line.kind, line.label, line.amount.number) }
        }
    }
}
