import Crypto
import Dashboard
import Foundation
import MailroomCore
import Mustache
import Dispatch
import Store

/// The static HTML report: `index.html` (overview), `vendors.html`, one page per vendor in
/// `vendors/`, `orders.html` and `refused.html`, self-contained and strictly sandboxed by CSP.
///
/// `write(to:)` is the entry point for the CLI and for the daemon (regenerate after a sync
/// that changed something). Mail refused by the person appears only as counts.
public struct HTMLReport: Sendable {
    public let dashboard: Dashboard
    /// How many orders `orders.html` lists at most (the newest; `mailroom orders` lists all).
    public var orderPageLimit = 1_000
    /// How many orders a vendor page lists at most (the newest).
    public var vendorOrderLimit = 100
    /// How many recent messages a vendor page lists.
    public var recentMessages = 20

    let library: MustacheLibrary
    /// When the report was made, as its pages' footer says.
    let generated: String

    public init(dashboard: Dashboard) throws(ReportError) {
        self.dashboard = dashboard
        generated = DateText.day(dashboard.now, in: dashboard.timeZone) + " " + Self.time(dashboard.now, dashboard.timeZone)
        var library = MustacheLibrary()
        for (name, text) in ReportTemplates.all {
            do { try library.register(text, named: name) } catch { throw ReportError.template("\(name): \(error)") }
        }
        self.library = library
    }

    /// What `write(to:)` wrote.
    public struct Summary: Sendable, Hashable {
        public var pages: Int
        public var vendors: Int
    }

    /// Writes every page into `directory` (created owner-only when missing), each file
    /// atomically with mode 0600; pages of vendors no longer shown are removed.
    @discardableResult
    public func write(to directory: URL) throws(ReportError) -> Summary {
        let files = try PrivateFiles(directory: directory)
        let summaries = try run { () throws(DashboardError) in try dashboard.vendorSummaries(Scope()) }
        let domains = try run { () throws(DashboardError) in try dashboard.vendorDomains() }
        // Vendor pages are independent: they are made on every core (the store reads concurrently).
        let vendors = summaries.compactMap { dashboard.vendor($0.id) }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let failures = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for vendor in stride(from: worker, to: vendors.count, by: workers).map({ vendors[$0] }) where !failures.happened {
                do throws(ReportError) {
                    try writeVendorPage(vendor, domains: domains, files: files)
                } catch {
                    failures.record(error)
                }
            }
        }
        if let failure = failures.first { throw failure }
        let pageNames = Set(vendors.map { Self.pageName($0.id.rawValue) })
        files.removeStale(in: "vendors", suffix: ".html", keep: pageNames)
        try files.write(try render("vendors", vendorsPage(summaries)), to: "vendors.html")
        try files.write(try render("orderPage", ordersPage()), to: "orders.html")
        try files.write(try render("refused", refusedPage()), to: "refused.html")
        try files.write(try render("overview", overviewPage(summaries)), to: "index.html")
        return Summary(pages: summaries.count + 4, vendors: summaries.count)
    }

    func writeVendorPage(_ vendor: VendorRow, domains: [VendorID: Set<String>], files: PrivateFiles) throws(ReportError) {
        let card = try run { () throws(DashboardError) in try dashboard.card(vendor, scope: Scope(), domains: domains) }
        let orders = try run { () throws(DashboardError) in try dashboard.orders(Scope(vendor: vendor.id), limit: vendorOrderLimit) }
        let messages = try run { () throws(DashboardError) in try dashboard.messages(Scope(vendor: vendor.id), limit: recentMessages) }
        let html = try render("vendor", vendorPage(card, orders: orders, messages: messages))
        try files.write(html, to: "vendors/\(Self.pageName(vendor.id.rawValue))")
    }

    /// The file name of a vendor's page: its id when that is a plain slug, else a hash of it.
    public static func pageName(_ id: String) -> String {
        let plain = !id.isEmpty && !id.hasPrefix(".") && id.utf8.count <= 100
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "_" }
        if plain { return id + ".html" }
        let digest = SHA256.hash(data: Data(id.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "v-\(digest).html"
    }

    func render(_ template: String, _ context: [String: Any]) throws(ReportError) -> String {
        guard let html = library.render(context, withTemplate: template) else {
            throw ReportError.template("no template \(template)")
        }
        return html
    }

    func run<T>(_ body: () throws(DashboardError) -> T) throws(ReportError) -> T {
        do { return try body() } catch { throw ReportError.dashboard(error) }
    }

    /// The values every page's layout uses.
    func layout(title: String, root: String, current: String) -> [String: Any] {
        [
            "csp": ReportAssets.contentSecurityPolicy, "style": ReportAssets.style, "script": ReportAssets.script,
            "title": title, "root": root,
            "generated": generated,
            "isOverview": current == "overview", "isVendors": current == "vendors", "isOrders": current == "orders",
            "isRefused": current == "refused",
        ]
    }

    static func time(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    func day(_ date: Date?) -> String {
        date.map { DateText.day($0, in: dashboard.timeZone) } ?? "–"
    }

    func vendorPageLink(_ id: String) -> String { Self.pageName(id) }
}

/// The first error of concurrent work, and whether one happened (so the others stop early).
final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: ReportError?

    var happened: Bool { lock.withLock { error != nil } }
    var first: ReportError? { lock.withLock { error } }

    func record(_ failure: ReportError) {
        lock.withLock { if error == nil { error = failure } }
    }
}
