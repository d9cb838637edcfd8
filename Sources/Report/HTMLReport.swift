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
        ReportEscaping.register()
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
        let vendors = summaries.compactMap { dashboard.vendor($0.id) }
        // Every vendor page's data is read in a few grouped reads (not a dozen reads per vendor)
        // while the other pages are made; then the vendor pages are made on every core.
        let general: [Page] = [.overview, .orders, .refused, .vendors]
        let cards = Box<VendorCards>()
        try perform(general.count + 1) { index throws(ReportError) in
            if index == 0 {
                cards.value = try run { () throws(DashboardError) in
                    try dashboard.cards(vendors, scope: Scope(), orders: vendorOrderLimit, messages: recentMessages, summaries: summaries)
                }
            } else {
                try write(general[index - 1], summaries: summaries, cards: VendorCards(), files: files)
            }
        }
        let made = cards.value ?? VendorCards()
        try perform(vendors.count) { index throws(ReportError) in
            try write(.vendor(vendors[index]), summaries: summaries, cards: made, files: files)
        }
        files.removeStale(in: "vendors", suffix: ".html", keep: Set(vendors.map { Self.pageName($0.id.rawValue) }))
        return Summary(pages: summaries.count + 4, vendors: summaries.count)
    }

    /// Runs jobs `0..<count` on every core (at most 8 threads), each once; the first error
    /// stops the jobs not started yet and is thrown.
    func perform(_ count: Int, _ job: @Sendable (Int) throws(ReportError) -> Void) throws(ReportError) {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let failures = FirstFailure()
        let next = JobCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !failures.happened, let index = next.take(below: count) {
                do throws(ReportError) { try job(index) } catch { failures.record(error) }
            }
        }
        if let failure = failures.first { throw failure }
    }

    /// One page of the report.
    enum Page: Sendable {
        case overview, orders, refused, vendors
        case vendor(VendorRow)
    }

    func write(_ page: Page, summaries: [VendorSummary], cards: VendorCards, files: PrivateFiles) throws(ReportError) {
        switch page {
        case .overview: try files.write(try render("overview", overviewPage(summaries)), to: "index.html")
        case .orders: try files.write(try render("orderPage", ordersPage(summaries)), to: "orders.html")
        case .refused: try files.write(try render("refused", refusedPage()), to: "refused.html")
        case .vendors: try files.write(try render("vendors", vendorsPage(summaries)), to: "vendors.html")
        case .vendor(let vendor):
            guard let card = cards.cards[vendor.id] else { return }
            let html = try render("vendor", vendorPage(card, orders: cards.orders[vendor.id] ?? [],
                                                       messages: cards.messages[vendor.id] ?? []))
            try files.write(html, to: "vendors/\(Self.pageName(vendor.id.rawValue))")
        }
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

/// Hands out job numbers to concurrent workers, each once.
final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    /// The next job number, `nil` once `count` have been handed out.
    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// A value set by one concurrent job and read after all of them are done.
final class Box<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
