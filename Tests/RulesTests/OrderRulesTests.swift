import Foundation
import MailroomCore
import Testing

@testable import Rules

@Suite("Extractor rules and deadlines")
struct OrderRulesTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-order-rules-\(UUID().uuidString)")
        for folder in ["shipped/vendors", "shipped/extractors", "user/vendors"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try write("id: shop\nname: Shop\nsector: retail\ndomains: [shop.fr]\n", "shipped/vendors/shop.yaml")
    }

    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func load(_ folders: [String] = ["shipped"]) throws(RulesError) -> RuleSet {
        try RulesLoader.load(folders: folders.map { root.appendingPathComponent($0) })
    }

    func diagnostics() -> [String] {
        do {
            _ = try load()
            return []
        } catch {
            return error.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test("the shipped extractors and deadlines load")
    func shipped() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        let set = try RulesLoader.load(folders: [rules])
        #expect(set.extractors.keys.map(\.rawValue).sorted() == ["bol", "boulanger", "coolblue"])
        #expect(set.deadlinePolicy(vendor: VendorID("zalando"), sector: .retail) == DeadlinePolicy(returnDays: 100, warrantyMonths: 24))
        #expect(set.deadlinePolicy(vendor: VendorID("engie"), sector: .energy) == DeadlinePolicy(returnDays: nil, warrantyMonths: nil))
        #expect(set.deadlinePolicy(vendor: VendorID("fnac"), sector: .retail) == .euDefault)
        #expect(set.deadlinePolicy(vendor: nil, sector: nil) == .euDefault)
    }

    @Test("an extractor rule becomes typed, compiled rows and fields")
    func extractor() throws {
        try write("""
            vendor: shop
            when:
              xpath: "//table[@class='lines']"
            items:
              rows: "//table[@class='lines']//tr[td]"
              name: "td[1]"
              quantity: "td[2]"
              unit_price: "td[3]"
            fields:
              number: {pattern: 'Order (\\\\d+)'}
              total: {xpath: "//td[@class='total']"}
            """, "shipped/extractors/shop.yaml")
        let rule = try #require(try load().extractors[VendorID("shop")])
        #expect(rule.requires == "//table[@class='lines']")
        #expect(rule.items?.rows == "//table[@class='lines']//tr[td]" && rule.items?.unitPrice == "td[3]")
        #expect(rule.fields["number"]?.pattern != nil && rule.fields["total"]?.xpath == "//td[@class='total']")
    }

    @Test("extractor mistakes are reported where they are written", arguments: [
        ("vendor: shop\nitems:\n  rows: \"//tr[\"\n  name: td[1]\n", "shop.yaml:3:9: invalid XPath '//tr[' in rows"),
        ("vendor: shop\nitems:\n  rows: //tr\n", "shop.yaml:3:3: items with rows need a name (an XPath relative to the row)"),
        ("vendor: shop\nfields:\n  totl: {xpath: //td}\n", "shop.yaml:3:3: unknown key 'totl' in fields; did you mean 'total'?"),
        ("vendor: shop\nfields:\n  number: {pattern: 'Order \\d+'}\n", "shop.yaml:3:21: pattern 'Order \\d+' needs a capture group: the value is group 1"),
        ("vendor: shop\nitems:\n  pattern: '(\\d+) (.+)'\n  groups: [quantity, nmae]\n", "shop.yaml:4:22: unknown group 'nmae'; did you mean 'name'?"),
        ("vendor: shops\nfields:\n  number: {xpath: //b}\n", "shop.yaml:1:9: vendor 'shops' must match the file name 'shop.yaml'"),
        ("vendor: shop\n", "shop.yaml:1:1: an extractor needs items or fields"),
    ])
    func extractorMistakes(text: String, expected: String) throws {
        try write(text, "shipped/extractors/shop.yaml")
        #expect(diagnostics().first == expected)
    }

    @Test("an extractor for a vendor outside the catalog is an error")
    func unknownVendor() throws {
        try write("vendor: ghost\nfields:\n  number: {xpath: //b}\n", "shipped/extractors/ghost.yaml")
        #expect(diagnostics().first?.contains("vendor 'ghost' is not in the catalog") == true)
    }

    @Test("deadlines: defaults, sector and vendor overrides, none, and mistakes")
    func deadlines() throws {
        try write("default: {return_days: 30}\nsectors:\n  telecom: {return_days: none, warranty_months: none}\n", "shipped/deadlines.yaml")
        try write("id: tel\nname: Tel\nsector: telecom\ndomains: [tel.fr]\ndeadlines: {warranty_months: 12}\n", "shipped/vendors/tel.yaml")
        let set = try load()
        #expect(set.deadlinePolicy(vendor: VendorID("shop"), sector: .retail) == DeadlinePolicy(returnDays: 30, warrantyMonths: 24))
        #expect(set.deadlinePolicy(vendor: VendorID("tel"), sector: .telecom) == DeadlinePolicy(returnDays: nil, warrantyMonths: 12))
        try write("sectors:\n  telcom: {return_days: 3}\ndefault: {return_days: forever}\n", "shipped/deadlines.yaml")
        let problems = diagnostics()
        #expect(problems.contains("deadlines.yaml:2:3: unknown sector 'telcom'; did you mean 'telecom'?"))
        #expect(problems.contains("deadlines.yaml:3:24: return_days must be a whole number from 0 to 3650, or none"))
    }

    @Test("a user's deadlines file changes only what it names")
    func userDeadlines() throws {
        try write("default: {return_days: 30}\n", "shipped/deadlines.yaml")
        try write("sectors:\n  retail: {warranty_months: 36}\n", "user/deadlines.yaml")
        let set = try load(["shipped", "user"])
        #expect(set.deadlinePolicy(vendor: nil, sector: .retail) == DeadlinePolicy(returnDays: 30, warrantyMonths: 36))
    }
}
