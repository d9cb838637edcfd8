import Foundation
import Testing

/// The dashboard commands run as a person runs them, on a store holding every sample.
@Suite("mailroom dashboard commands")
struct DashboardCommandTests {
    let cli: CommandLineTests
    var database: String

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A store with every sample, imported once and only read by the tests that share it.
    static let shared: Result<String, any Error> = Result {
        let cli = try CommandLineTests()
        return try importSamples(cli)
    }

    static func importSamples(_ cli: CommandLineTests) throws -> String {
        let database = cli.home.appendingPathComponent("store.sqlite").path
        let imported = try cli.run(["import", repositoryRoot.appendingPathComponent("Samples").path, "--database", database])
        guard imported.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["stderr": imported.stderr]) }
        return database
    }

    init() throws {
        cli = try CommandLineTests()
        database = try Self.shared.get()
    }

    /// Switches to a store of this test's own (for tests that refuse or accept).
    mutating func ownStore() throws {
        database = try Self.importSamples(cli)
    }

    func run(_ arguments: [String], columns: Int = 100) throws -> CommandLineTests.Run {
        try cli.run(arguments + ["--database", database], environment: ["COLUMNS": "\(columns)"])
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func vendorIDs(_ arguments: [String] = []) throws -> [String] {
        let result = try run(["vendors", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try json(result.stdout) as? [[String: Any]])
        return array.compactMap { $0["id"] as? String }
    }

    @Test("every query in every format: JSON arrays or objects, CSV with CRLF, tables within the width", arguments: [
        ["vendors"], ["vendor", "amazon"], ["orders"], ["messages", "--limit", "20"], ["search", "facture"], ["upcoming"],
        ["refusals"], ["vendors", "--category", "newsletters", "--sector", "retail"], ["messages", "--since", "2025-10-01", "--until", "2025-12-31"],
        ["orders", "--vendor", "amazon.fr", "--status", "delivered"],
    ])
    func formats(arguments: [String]) throws {
        let table = try run(arguments, columns: 72)
        #expect(table.status == 0, "\(table.stderr)")
        for line in table.stdout.split(separator: "\n") {
            #expect(line.count <= 72 || arguments[0] == "vendor" && !line.hasPrefix("  "), "\(arguments): \(line)")
        }
        let json = try run(arguments + ["--format", "json"])
        #expect(json.status == 0)
        let value = try self.json(json.stdout)
        #expect(value is [Any] || value is [String: Any])
        #expect(!json.stdout.contains("\n") || json.stdout.split(separator: "\n").count == 1, "one line of JSON")
        let csv = try run(arguments + ["--format", "csv"])
        #expect(csv.status == 0)
        if !csv.stdout.isEmpty {
            #expect(csv.stdout.hasSuffix("\r\n"))
            #expect(!csv.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        }
    }

    @Test("vendors --format json: the issue's keys, sorted, collections present")
    func vendorsJSON() throws {
        let result = try run(["vendors", "--format", "json"])
        let array = try #require(try json(result.stdout) as? [[String: Any]])
        #expect(array.count >= 55)
        let amazon = try #require(array.first { $0["id"] as? String == "amazon" })
        #expect(Set(amazon.keys) == ["id", "name", "domain", "sector", "messages", "orders", "spend", "firstContact", "lastContact", "hidden"])
        #expect(amazon["name"] as? String == "Amazon" && amazon["sector"] as? String == "retail")
        let messages = try #require(amazon["messages"] as? [String: Int])
        #expect(Set(messages.keys) == ["total", "orders", "account", "support", "newsletters", "notifications"])
        #expect(messages["total"] == 10)
        #expect(amazon["spend"] is [Any] && amazon["hidden"] as? Int == 0)
        #expect(result.stdout.hasPrefix("[{\"domain\":"), "keys are sorted")
    }

    @Test("vendor by domain, by accent-free name, and a misspelled name with a suggestion")
    func lookup() throws {
        let byDomain = try run(["vendor", "amazon.de", "--format", "json"])
        #expect((try json(byDomain.stdout) as? [String: Any])?["id"] as? String == "amazon")
        let byName = try run(["vendor", "credit agricole", "--format", "json"])
        #expect((try json(byName.stdout) as? [String: Any])?["id"] as? String == "credit-agricole")
        let typo = try run(["vendor", "Decatlon"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean \"Decathlon\""))
        #expect(typo.stdout.isEmpty)
    }

    @Test("vendors and vendor show sector names (Rules/sectors.yaml); CSV keeps the id beside the name")
    func sectorNames() throws {
        let table = try run(["vendors", "--sector", "transport"], columns: 160)
        let rows = table.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows { #expect(row.contains("Transport and travel"), "\(row)") }
        let csv = try run(["vendors", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("name,id,domain,sector,sector_name,"))
        #expect(csv.contains(",amazon,amazon.fr,retail,Retail,") || csv.contains(",amazon,") && csv.contains(",retail,Retail,"))
        let card = try run(["vendor", "amazon"])
        #expect(card.stdout.hasPrefix("Amazon (amazon) · Retail\n"), "\(card.stdout.prefix(80))")
        let json = try #require(try self.json(try run(["vendor", "amazon", "--format", "json"]).stdout) as? [String: Any])
        #expect(json["sector"] as? String == "retail")
    }

    @Test("messages: the table's first column is the row id that JSON gives and `correct` takes")
    func messageIDs() throws {
        let table = try run(["messages", "--limit", "5"], columns: 72)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID  ") == true || lines.first?.hasPrefix(" ID  ") == true, "\(lines.first ?? "")")
        let json = try #require(try self.json(try run(["messages", "--limit", "5", "--format", "json"]).stdout) as? [[String: Any]])
        let ids = json.compactMap { $0["id"] as? Int }
        #expect(ids.count == 5)
        #expect(lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) } == ids.map { "\($0)" })
        for line in lines { #expect(line.count <= 72, "\(line)") }
    }

    @Test("refuse and accept: a vendor, a sector's category with an exception, refusals with their undo command")
    mutating func refusals() throws {
        try ownStore()
        #expect(try run(["refuse", "amazon"]).stdout == "refused: amazon\n")
        #expect(!(try vendorIDs()).contains("amazon"))
        let all = try run(["vendors", "--format", "json", "--include-refused"])
        let amazon = try #require((try json(all.stdout) as? [[String: Any]])?.first { $0["id"] as? String == "amazon" })
        #expect(amazon["hidden"] as? Int == 10)
        let messages = try run(["messages", "--limit", "0", "--format", "json"])
        #expect(!messages.stdout.contains("\"id\":\"amazon\""))

        #expect(try run(["refuse", "--sector", "media", "--category", "newsletters"]).status == 0)
        let accepted = try run(["accept", "spotify", "--category", "newsletters"])
        #expect(accepted.stdout.contains("accepted as an exception"))
        let list = try run(["refusals", "--format", "json"])
        let rules = try #require(try json(list.stdout) as? [[String: Any]])
        #expect(rules.map { $0["undo"] as? String } == [
            "mailroom accept amazon", "mailroom accept --sector media --category newsletters",
            "mailroom refuse spotify --category newsletters",
        ])
        let table = try run(["refusals"])
        #expect(table.stdout.contains("mailroom accept amazon"))
        let csv = try run(["refusals", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("action,target,name,category,messages,created_at,undo\r\n"))

        #expect(try run(["accept", "amazon"]).stdout == "no longer refused: amazon\n")
        #expect(try vendorIDs().contains("amazon"))
    }

    @Test("refuse a vendor of the catalog before its first mail; an unknown name still fails with suggestions")
    mutating func refuseCatalogVendor() throws {
        try ownStore()
        // 1Password is in Rules/vendors but no sample comes from it.
        #expect(!(try vendorIDs(["--include-refused"])).contains("1password"))
        let byDomain = try run(["refuse", "1password.com"])
        #expect(byDomain.status == 0, "\(byDomain.stderr)")
        #expect(byDomain.stdout == "refused: 1password\n")
        #expect(try run(["refuse", "1Password", "--category", "newsletters"]).stdout == "refused: 1password --category newsletters\n")
        let list = try #require(try json(try run(["refusals", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.compactMap { $0["undo"] as? String } == ["mailroom accept 1password", "mailroom accept 1password --category newsletters"])
        #expect(try run(["accept", "1password"]).status == 0)
        // An exception to a sector refusal needs the catalog's sector of the vendor.
        #expect(try run(["refuse", "--sector", "software"]).status == 0)
        #expect(try run(["accept", "1password"]).stdout.contains("accepted as an exception"))

        let typo = try run(["refuse", "1Pasword"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean \"1Password\""), "\(typo.stderr)")
        #expect(try run(["refuse", "no-such-partner-anywhere"]).status == 1)
    }

    @Test("usage errors exit 2 with a did-you-mean", arguments: [
        ["refuse"], ["refuse", "amazon", "--sector", "retail"], ["vendors", "--category", "newsleters"],
        ["vendors", "--sector", "retial"], ["messages", "--since", "01/02/2025"], ["orders", "--status", "shiped"],
    ])
    func usage(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        if arguments.contains("newsleters") { #expect(result.stderr.contains("did you mean newsletters?")) }
        if arguments.contains("retial") { #expect(result.stderr.contains("did you mean retail?")) }
    }

    @Test("export: every file, owner-only, JSON and CSV; bodies only with --with-text")
    func export() throws {
        let json = cli.home.appendingPathComponent("export-json")
        #expect(try run(["export", "--output", json.path]).status == 0)
        for kind in ["vendors", "messages", "orders", "order_items", "refusals", "corrections"] {
            let file = json.appendingPathComponent("\(kind).json")
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(kind)")
            #expect(try self.json(try String(contentsOf: file, encoding: .utf8)) is [Any], "\(kind)")
        }
        let messages = try #require(try self.json(try String(contentsOf: json.appendingPathComponent("messages.json"), encoding: .utf8)) as? [[String: Any]])
        #expect(messages.count >= 199)
        #expect(messages.allSatisfy { $0["text"] is NSNull })
        let withText = cli.home.appendingPathComponent("export-text")
        #expect(try run(["export", "--output", withText.path, "--with-text"]).status == 0)
        let texts = try String(contentsOf: withText.appendingPathComponent("messages.json"), encoding: .utf8)
        #expect(texts.contains("Merci pour votre commande n° QS-4187"))

        let csv = cli.home.appendingPathComponent("export-csv")
        #expect(try run(["export", "--format", "csv", "--output", csv.path]).status == 0)
        let vendors = try String(contentsOf: csv.appendingPathComponent("vendors.csv"), encoding: .utf8)
        #expect(vendors.hasPrefix("id,name,domain,sector,messages_total,"))
        #expect(vendors.contains("\r\namazon,Amazon,"))
    }

    @Test("report: writes index.html and prints its path")
    func report() throws {
        let folder = cli.home.appendingPathComponent("report")
        let result = try run(["report", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == folder.appendingPathComponent("index.html").path + "\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("vendors/amazon.html").path))
        let defaultFolder = try run(["report"])
        #expect(defaultFolder.stdout.hasSuffix(".local/share/mailroom/report/index.html\n"))
    }
}
