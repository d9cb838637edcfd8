import Foundation
import GRDB

extension MailStore {
    /// A stored message's text parts in the order of its MIME tree, their texts decompressed.
    /// HTML parts come without a rendering (it is not stored): readers render the HTML.
    static func textParts(of messageRowID: Int64, in db: Database) throws -> [StoredPart] {
        let statement = try db.cachedStatement(sql: """
            SELECT section, kind, charset, content, compression FROM message_text WHERE message_id = ?
            """)
        return try Row.fetchAll(statement, arguments: [messageRowID]).map { row in
            let stored = StoredText(
                content: row["content"] as Data? ?? Data(),
                compression: (row["compression"] as String?).flatMap(StoredText.Compression.init(rawValue:)))
            return StoredPart(section: row["section"], kind: StoredPart.Kind(rawValue: row["kind"]) ?? .plain,
                              charset: row["charset"], text: try stored.text(), renderedText: nil)
        }.sorted { inTreeOrder($0.section, $1.section) }
    }
}
