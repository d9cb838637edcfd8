import Dashboard
import Foundation
import MailroomCore
import Store

/// `mailroom export`: all of the person's data as JSON or CSV files, one per kind, so that it
/// can be taken elsewhere (files and columns: README, "Export format").
///
/// Everything is exported, hidden mail included (each message and vendor says what refusals
/// hide); message bodies only on request. Files are written like the report's: owner-only,
/// atomically.
public struct DataExport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case json, csv }

    public let dashboard: Dashboard
    public var format: Format
    /// Adds each message's text (the plain part, else the HTML part's text).
    public var withText: Bool

    public init(dashboard: Dashboard, format: Format, withText: Bool) {
        self.dashboard = dashboard
        self.format = format
        self.withText = withText
    }

    /// The files written, in order.
    public static let kinds = ["vendors", "messages", "orders", "order_items", "refusals", "corrections"]

    /// Writes the files into `directory`; returns the number of records per file name.
    @discardableResult
    public func write(to directory: URL) throws(ReportError) -> [String: Int] {
        let files = try PrivateFiles(directory: directory)
        var counts: [String: Int] = [:]
        let vendors = try run { () throws(DashboardError) in try dashboard.vendorSummaries(Scope(includeRefused: true)) }
        counts["vendors"] = try writeTable("vendors", files: files, rows: vendors.map(ExportRecords.vendor))
        counts["messages"] = try writeMessages(files: files)
        let orders = try run { () throws(DashboardError) in try dashboard.orders(Scope(includeRefused: true)) }
        counts["orders"] = try writeTable("orders", files: files, rows: orders.map(ExportRecords.order))
        counts["order_items"] = try writeTable("order_items", files: files, rows: orders.flatMap(ExportRecords.items))
        let refusals = try run { () throws(DashboardError) in try dashboard.refusalItems() }
        counts["refusals"] = try writeTable("refusals", files: files, rows: refusals.map(ExportRecords.refusal))
        let corrections = try run { () throws(DashboardError) in try dashboard.corrections() }
        counts["corrections"] = try writeTable("corrections", files: files, rows: corrections.map(ExportRecords.correction))
        return counts
    }

    func writeMessages(files: PrivateFiles) throws(ReportError) -> Int {
        let file = try files.open("messages.\(format.rawValue)")
        var count = 0
        var failure: ReportError?
        try begin(file, columns: ExportRecords.messageColumns)
        do {
            try dashboard.store.forEachMessageForExport(hidden: dashboard.hidden, withText: withText) { row in
                do {
                    try append(ExportRecords.message(row, withText: withText), to: file, first: count == 0)
                    count += 1
                } catch {
                    failure = error as? ReportError
                    throw error
                }
            }
        } catch {
            throw failure ?? ReportError.dashboard(.store(error))
        }
        try end(file)
        try file.commit()
        return count
    }

    func writeTable(_ name: String, files: PrivateFiles, rows: [ExportRecords.Record]) throws(ReportError) -> Int {
        let file = try files.open("\(name).\(format.rawValue)")
        try begin(file, columns: rows.first?.columns ?? ExportRecords.columns[name] ?? [])
        for (index, row) in rows.enumerated() { try append(row, to: file, first: index == 0) }
        try end(file)
        try file.commit()
        return rows.count
    }

    func begin(_ file: StreamedFile, columns: [String]) throws(ReportError) {
        switch format {
        case .json: try file.append("[")
        case .csv: try file.append(CSV.record(columns))
        }
    }

    func append(_ record: ExportRecords.Record, to file: StreamedFile, first: Bool) throws(ReportError) {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data: Data
            do { data = try encoder.encode(record.json) } catch {
                throw ReportError.cannotWrite(file.target.path, reason: "\(error)")
            }
            try file.append((first ? "\n" : ",\n") + String(decoding: data, as: UTF8.self))
        case .csv:
            try file.append(CSV.record(record.csv))
        }
    }

    func end(_ file: StreamedFile) throws(ReportError) {
        if format == .json { try file.append("\n]\n") }
    }

    func run<T>(_ body: () throws(DashboardError) -> T) throws(ReportError) -> T {
        do { return try body() } catch { throw ReportError.dashboard(error) }
    }
}
