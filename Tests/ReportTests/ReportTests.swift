import Classification
import Dashboard
import Foundation
import Logging
import MailroomCore
import Pipeline
import Report
import Rules
import Store
import Testing

/// The report built from a store holding every sample (the hostile sample's order is extracted
/// with its item names as the mail gives them), opened in real headless Chromium.
@Suite("HTML report", .serialized)
struct ReportTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let now = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23T12:00:00Z
    static let hostileVendor = VendorID("torrefaction-quai-sud-fr")
    static let hostileItem = "Mug émaillé <script>alert(\"item\")</script> 35 cl"

    struct Built: Sendable {
        var directory: URL
        var store: MailStore
    }

    /// Imports Samples/, refuses one vendor, writes the report.
    static let built: Result<Built, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-report-\(UUID().uuidString)")
        let store = try MailStore(path: directory.appendingPathComponent("store.sqlite").path)
        let rules = try RulesLoader.load(folders: [repositoryRoot.appendingPathComponent("Rules")])
        let importer = Importer(store: store, analyzer: Analyzer(classifier: Classifier(rules: rules)),
                                logger: Logger(label: "test"), now: { now })
        _ = try importer.run(try MailSource(paths: [repositoryRoot.appendingPathComponent("Samples").path]))
        let dashboard = try Dashboard(store: store, now: now, timeZone: TimeZone(identifier: "UTC")!)
        _ = try dashboard.refuse(.vendor(VendorID("netflix")), category: nil)
        _ = try dashboard.refuse(.sector(.social), category: .notifications)
        var named = try Dashboard(store: store, now: now, timeZone: TimeZone(identifier: "UTC")!)
        named.sectorNames = rules.sectors.mapValues(\.name)
        let report = try HTMLReport(dashboard: named)
        try report.write(to: directory.appendingPathComponent("report"))
        return Built(directory: directory.appendingPathComponent("report"), store: store)
    }

    func page(_ name: String) throws -> (url: URL, html: String) {
        let url = try Self.built.get().directory.appendingPathComponent(name)
        return (url, try String(contentsOf: url, encoding: .utf8))
    }

    @Test("pages are written owner-only, with a strict CSP and nothing remote")
    func files() throws {
        let directory = try Self.built.get().directory
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        let names = ["index.html", "vendors.html", "orders.html", "refused.html", "vendors/amazon.html",
                     "vendors/torrefaction-quai-sud-fr.html"]
        for name in names {
            let (url, html) = try page(name)
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; script-src &#39;sha256-"), "\(name)")
            #expect(!html.contains("unsafe-inline&#39;; script-src &#39;unsafe-inline"))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url("), "\(name)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("vendors").path)
        #expect(!leftovers.contains { $0.hasPrefix(".") }, "no temporary file is left behind")
        #expect(!leftovers.contains("netflix.html"), "a refused vendor has no page")
    }

    @Test("mail-derived markup is escaped in the HTML source")
    func escaped() throws {
        let (_, html) = try page("vendors/torrefaction-quai-sud-fr.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("Mug émaillé &lt;script&gt;alert(&quot;item&quot;)&lt;/script&gt; 35 cl"))
        #expect(html.contains("&lt;img src=x onerror=alert(&#39;item&#39;)&gt;"))
        #expect(html.contains("Commande QS-4187 confirmée : &lt;script&gt;"))
        #expect(!html.contains("ReportRows") && !html.contains("OrderLine("), "no Swift value is printed as text")
        let orders = try page("orders.html").html
        #expect(!orders.contains("<script>alert") && orders.contains("&lt;script&gt;alert(&quot;item&quot;)"))
    }

    @Test("the refused partners page lists each rule with the command that undoes it")
    func refused() throws {
        let (_, html) = try page("refused.html")
        #expect(html.contains("<code>mailroom accept netflix</code>"))
        #expect(html.contains("<code>mailroom accept --sector social --category notifications</code>"))
        let vendors = try page("vendors.html").html
        #expect(!vendors.contains(">Netflix<"))
    }

    @Test("sectors show their display names; the vendor filter keeps the ids as values")
    func sectorNames() throws {
        let vendors = try page("vendors.html").html
        #expect(vendors.contains("<option value=\"retail\">Retail</option>"))
        #expect(vendors.contains("<option value=\"transport\">Transport and travel</option>"))
        #expect(vendors.contains("data-sector=\"retail\""))
        #expect(vendors.contains("<td>Retail</td>") && !vendors.contains("<td>retail</td>"))
        #expect(try page("vendors/amazon.html").html.contains("<span class=\"tag\">Retail</span>"))
        let refused = try page("refused.html").html
        #expect(refused.contains("the \(try RulesLoader.sectors(folders: [Self.repositoryRoot.appendingPathComponent("Rules")])[.social]?.name ?? "-") sector"))
    }

    @Test("Chromium renders every page with the sample vendors, runs only the report's script, logs nothing, requests nothing")
    func chromium() throws {
        guard HeadlessChromium.executable != nil else {
            Issue.record("chromium is not installed (Debian package chromium; Scripts/setup installs it)")
            return
        }
        let browser = try HeadlessChromium()
        let pages = ["index.html", "vendors.html", "orders.html", "refused.html", "vendors/torrefaction-quai-sud-fr.html",
                     "vendors/amazon.html"]
        var doms: [String: String] = [:]
        for name in pages {
            let visit = try browser.visit(try page(name).url)
            doms[name] = visit.dom
            #expect(visit.dom.contains("</main>"), "\(name) rendered")
            #expect(visit.console.isEmpty, "\(name) logged: \(visit.console)")
            #expect(visit.requests.isEmpty, "\(name) requested: \(visit.requests)")
            #expect(visit.dom.components(separatedBy: "<script").count == 2, "\(name): only the report's own script element")
            #expect(!visit.dom.contains("<img"), "\(name): no image element (injected markup stays text)")
        }
        let vendors = doms["vendors.html"] ?? ""
        for name in ["Amazon", "SNCF Connect", "Air France", "Decathlon", "torrefaction-quai-sud.fr"] {
            #expect(vendors.contains(">\(name)<"), "vendor table lists \(name)")
        }
        #expect(!vendors.contains("id=\"vendor-filters\" hidden"), "the script ran: the filters are shown")
        #expect(vendors.contains("class=\"sort\""), "the script ran: sortable headers")
        let shop = doms["vendors/torrefaction-quai-sud-fr.html"] ?? ""
        #expect(shop.contains("Mug émaillé &lt;script&gt;alert(\"item\")&lt;/script&gt; 35 cl"), "the item name shows as text")
        #expect((doms["index.html"] ?? "").contains("Your vendors at a glance"))

        let artifacts = Self.repositoryRoot.appendingPathComponent(".build/test-artifacts")
        let overview = try page("index.html").url
        try browser.screenshot(overview, to: artifacts.appendingPathComponent("report-overview.png"), width: 1280, height: 1600)
        try browser.screenshot(overview, to: artifacts.appendingPathComponent("report-overview-phone.png"), width: 390, height: 1600)
        try browser.screenshot(try page("vendors/torrefaction-quai-sud-fr.html").url,
                               to: artifacts.appendingPathComponent("report-hostile-vendor.png"), width: 1280, height: 1400)
        let size = try FileManager.default.attributesOfItem(atPath: artifacts.appendingPathComponent("report-overview.png").path)[.size] as? Int
        #expect((size ?? 0) > 10_000, "a real screenshot was saved")
    }
}
