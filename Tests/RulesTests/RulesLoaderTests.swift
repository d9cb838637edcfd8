import Foundation
import MailroomCore
import Testing

@testable import Rules

@Suite("Loading rules")
struct RulesLoaderTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("shipped/vendors"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("user/vendors"), withIntermediateDirectories: true)
    }

    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func diagnostics(_ folders: [String] = ["shipped"]) -> [String] {
        do {
            _ = try RulesLoader.load(folders: folders.map { root.appendingPathComponent($0) })
            return []
        } catch {
            return error.diagnostics.map { "\(URL(fileURLWithPath: $0.file).lastPathComponent):\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test("the shipped catalog loads without a problem")
    func shippedCatalog() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        let set = try RulesLoader.load(folders: [rules])
        #expect(set.vendors.count >= 300)
        #expect(set.vendor(forDomain: "amazon.co.uk")?.id == VendorID("amazon"))
    }

    @Test("a vendor file becomes a typed vendor, every domain pointing to it")
    func vendor() throws {
        try write("id: shop\nname: Shop & Co\nsector: retail\ndomains:\n  - Shop.fr\n  - shop.de\nbrands: [Shop]\n", "shipped/vendors/shop.yaml")
        let set = try RulesLoader.load(folders: [root.appendingPathComponent("shipped")])
        let vendor = try #require(set.vendor(forDomain: "shop.de"))
        #expect(vendor.name == "Shop & Co")
        #expect(vendor.sector == .retail)
        #expect(vendor.domains == ["shop.fr", "shop.de"])
        #expect(set.vendor(forDomain: "SHOP.FR")?.id == VendorID("shop"))
        #expect(vendor.intermediary == nil)
    }

    @Test("a platform that sells for businesses says what it does")
    func intermediary() throws {
        try write("id: tix\nname: Tix\nsector: media\ndomains: [tix.io]\nintermediary: ticketing\n", "shipped/vendors/tix.yaml")
        let set = try RulesLoader.load(folders: [root.appendingPathComponent("shipped")])
        #expect(set.vendor(forDomain: "tix.io")?.intermediary == .ticketing)
    }

    @Test("mistakes are reported as file:line:col with a suggestion", arguments: [
        ("id: shop\nname: Shop\nsectr: retail\ndomains: [shop.fr]\n", "shop.yaml:3:1: unknown key 'sectr' in a vendor; did you mean 'sector'?"),
        ("id: shop\nname: Shop\nsector: retial\ndomains: [shop.fr]\n", "shop.yaml:3:9: unknown sector 'retial'; did you mean 'retail'?"),
        ("id: shop\nname: Shop\nsector: retail\n", "shop.yaml:1:1: a vendor needs the key 'domains'"),
        ("id: other\nname: Shop\nsector: retail\ndomains: [shop.fr]\n", "shop.yaml:1:5: id 'other' must match the file name 'shop.yaml'"),
        ("id: shop\nname: Shop\nsector: retail\ndomains:\n  - shop.fr\n  - https://shop.fr/\n", "shop.yaml:6:5: 'https://shop.fr/' is not a domain name (write it as example.com, without scheme or path)"),
        ("id: shop\nname: [Shop\nsector: retail\n", "shop.yaml:3:7: invalid YAML: did not find expected ',' or ']'"),
        ("", "shop.yaml:0:0: the file is empty"),
        ("id: shop\nname: Shop\nsector: media\ndomains: [shop.fr]\nintermediary: ticketting\n",
         "shop.yaml:5:15: unknown intermediary 'ticketting'; did you mean 'ticketing'?"),
        ("id: shop\nname: Shop\nsector: media\ndomains: [shop.fr]\nintermediarie: ticketing\n",
         "shop.yaml:5:1: unknown key 'intermediarie' in a vendor; did you mean 'intermediary'?"),
    ])
    func mistakes(text: String, expected: String) throws {
        try write(text, "shipped/vendors/shop.yaml")
        #expect(diagnostics().first == expected)
    }

    @Test("two vendors claiming one domain is an error")
    func domainCollision() throws {
        try write("id: one\nname: One\nsector: retail\ndomains: [shared.fr]\n", "shipped/vendors/one.yaml")
        try write("id: two\nname: Two\nsector: retail\ndomains: [shared.fr]\n", "shipped/vendors/two.yaml")
        #expect(diagnostics().count == 1)
        #expect(diagnostics().first?.contains("domain 'shared.fr' is already claimed by vendor 'one'") == true)
    }

    @Test("a user's vendor file overrides the shipped one with the same id")
    func override() throws {
        try write("id: shop\nname: Shop\nsector: retail\ndomains: [shop.fr, old.fr]\n", "shipped/vendors/shop.yaml")
        try write("id: shop\nname: Shop Group\nsector: marketplace\ndomains: [shop.fr]\n", "user/vendors/shop.yaml")
        let set = try RulesLoader.load(folders: [root.appendingPathComponent("shipped"), root.appendingPathComponent("user")])
        #expect(set.vendor(forDomain: "shop.fr")?.name == "Shop Group")
        #expect(set.vendor(forDomain: "old.fr") == nil)
    }

    @Test("did-you-mean only suggests close words", arguments: [
        ("domain", "domains"), ("list_id", "list_ids"), ("brand", "brands"), ("colour", nil),
    ] as [(String, String?)])
    func suggestions(word: String, expected: String?) {
        #expect(suggestion(for: word, among: VendorRule.keys) == expected)
    }
}
