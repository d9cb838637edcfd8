import GRDB

/// The full-text rows of a batch, inserted together after the batch's other rows.
///
/// FTS5 writes its pending terms to disk at every statement savepoint once the table is part
/// of the transaction, so one insert per message between the message's other statements costs
/// an index segment per message (and the merges that follow). Inserting the batch's rows last,
/// a few hundred per statement, indexes them in one flush: same rows, same search results.
struct FullTextRows {
    private var arguments: [DatabaseValueConvertible?] = []
    private var count = 0

    /// Rows per statement: 3 bound values each, far under SQLite's limit of bound values.
    static let rowsPerStatement = 200

    mutating func append(rowID: Int64, subject: String, body: String) {
        arguments.append(rowID)
        arguments.append(subject)
        arguments.append(body)
        count += 1
    }

    /// Inserts the rows gathered so far into `message_fts`.
    mutating func insert(in db: Database) throws {
        var start = 0
        while start < count {
            let rows = min(Self.rowsPerStatement, count - start)
            let values = Array(repeating: "(?, ?, ?)", count: rows).joined(separator: ", ")
            let sql = "INSERT INTO message_fts (rowid, subject, body) VALUES \(values)"
            // Full chunks share one cached statement; the last, shorter one is prepared once.
            let statement = try rows == Self.rowsPerStatement ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql)
            try statement.execute(arguments: StatementArguments(arguments[(start * 3)..<((start + rows) * 3)]))
            start += rows
        }
        arguments.removeAll()
        count = 0
    }
}
