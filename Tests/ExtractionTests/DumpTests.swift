import Foundation
import MIME
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
