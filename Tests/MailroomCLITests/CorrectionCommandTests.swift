import Foundation
import Testing

extension CommandLineTests {
    func writeNotice(_ id: Int, from sender: String, to relativePath: String) throws -> String {
        let url = home.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = """
            From: Atelier Brun <\(sender)>\r
            Subject: Votre document n\u{B0}\(id) est disponible\r
            Date: Tue, 7 Jan 2025 09:3\(id):00 +0100\r
            Message-ID: <doc\(id)@atelier-brun.example>\r
            \r
            Bonjour, votre document est disponible dans votre espace.\r

            """
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func category(of path: String, database: String) throws -> (category: String?, explanation: [String]) {
        let run = try run(["classify", path, "--format", "json", "--database", database])
        let object = try jsonObject(try #require(run.stdout.split(separator: "\n").first))
        return (object["category"] as? String, object["explanation"] as? [String] ?? [])
    }

    @Test("a correction is followed by the next mail of the same stream, not by other senders, and survives reclassify")
    func correctionFollowsStream() throws {
        let database = home.appendingPathComponent("store.sqlite").path
        let first = try writeNotice(1, from: "documents@atelier-brun.example", to: "in/1.eml")
        #expect(try run(["import", first, "--database", database]).status == 0)
        let before = try category(of: first, database: database).category
        #expect(before != "orders")

        let corrected = try run(["correct", "<doc1@atelier-brun.example>", "--category", "orders", "--database", database])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("stream from:documents@atelier-brun.example"))

        // The next mail of the stream follows the correction, with the correction as its reason.
        let second = try writeNotice(2, from: "documents@atelier-brun.example", to: "in/2.eml")
        let followed = try category(of: second, database: database)
        #expect(followed.category == "orders")
        #expect(followed.explanation.contains { $0.contains("user correction (correction #1") })
        // Another sending address of the same vendor is another stream.
        let other = try writeNotice(3, from: "info@atelier-brun.example", to: "in/3.eml")
        #expect(try category(of: other, database: database).category == before)

        #expect(try run(["import", second, other, "--database", database]).status == 0)
        let reclassified = try run(["reclassify", "--format", "json", "--database", database])
        #expect(reclassified.status == 0)
        let summary = try jsonObject(try #require(reclassified.stdout.split(separator: "\n").first))
        #expect(summary["messages"] as? Int == 3)
        #expect(summary["changed"] as? Int == 0)
        let status = try jsonObject(try #require(try run(["status", "--format", "json", "--database", database]).stdout.split(separator: "\n").first))
        #expect((status["categories"] as? [String: Int])?["orders"] == 2)
    }

    @Test("correct: an unknown message fails clearly; a misspelled vendor gets suggestions")
    func correctErrors() throws {
        let database = home.appendingPathComponent("store.sqlite").path
        let mail = try writeNotice(1, from: "documents@atelier-brun.example", to: "in/1.eml")
        #expect(try run(["import", mail, "--database", database]).status == 0)
        let missing = try run(["correct", "<nothing@nowhere.example>", "--category", "orders", "--database", database])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot find the message"))
        let misspelled = try run(["correct", mail, "--vendor", "amazn", "--database", database])
        #expect(misspelled.status == 1)
        #expect(misspelled.stderr.contains("did you mean amazon (Amazon)"))
        let byFile = try run(["correct", mail, "--vendor", "Amazon", "--only-this", "--database", database])
        #expect(byFile.status == 0)
        #expect(byFile.stdout.contains("vendor amazon (this message only)"))
        #expect(try run(["correct", mail, "--database", database]).status == 2)
    }

    @Test("rules lint and rules test pass on the shipped rules")
    func shippedRulesPass() throws {
        let lint = try run(["rules", "lint"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.hasPrefix("Rules OK: "))
        let test = try run(["rules", "test"])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains(" examples pass."))
    }

    @Test("rules lint reports a broken user rule file as file:line:col and fails")
    func brokenUserRule() throws {
        let vendors = home.appendingPathComponent(".config/mailroom/rules/vendors")
        try FileManager.default.createDirectory(at: vendors, withIntermediateDirectories: true)
        try Data("id: atelier-brun\nname: Atelier Brun\nsector: retail\ndomain: [atelier-brun.example]\n".utf8)
            .write(to: vendors.appendingPathComponent("atelier-brun.yaml"))
        let lint = try run(["rules", "lint"])
        #expect(lint.status == 1)
        #expect(lint.stdout.contains("atelier-brun.yaml:4:1: unknown key 'domain' in a vendor; did you mean 'domains'?"))
        #expect(lint.stdout.contains("atelier-brun.yaml:1:1: a vendor needs the key 'domains'"))
    }

    @Test("rules train counts labelled mail into a model file; in the user's rules folder it extends the shipped model")
    func trainModel() throws {
        let corpus = home.appendingPathComponent("labelled")
        for (id, category) in [(1, "account"), (2, "account"), (3, "personal")] {
            let path = try writeNotice(id, from: "documents@atelier-brun.example", to: "labelled/\(id).eml")
            try Data(#"{"vendor": "Atelier Brun", "category": "\#(category)"}"#.utf8)
                .write(to: URL(fileURLWithPath: String(path.dropLast(4)) + ".expected.json"))
        }
        _ = try writeNotice(4, from: "documents@atelier-brun.example", to: "labelled/unlabelled.eml")
        let model = home.appendingPathComponent(".config/mailroom/rules/model/categories.tsv")
        let trained = try run(["rules", "train", corpus.path, "--output", model.path])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stderr.contains("Trained on 2 messages (orders 0, account 2, support 0, newsletters 0, notifications 0)"))
        #expect(trained.stderr.contains("1 without a label, 1 personal or unreadable"))
        let text = try String(contentsOf: model, encoding: .utf8)
        #expect(text.contains("\nmessages\t0\t2\t0\t0\t0\n"))
        #expect(text.contains("\nb:disponible\t0\t2\t0\t0\t0\n"))
        #expect(try run(["rules", "train", corpus.path]).stdout == text, "the same mail gives the same file")

        let lint = try run(["rules", "lint"])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.contains("a category model of "))
        try Data((text + "b:broken\t1\n").utf8).write(to: model)
        let broken = try run(["rules", "lint"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("categories.tsv:\(text.split(separator: "\n").count + 1):1: expected a feature and 5 counts separated by tabs"))

        try FileManager.default.removeItem(at: model)
        let empty = home.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try run(["rules", "train", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("cannot train the category model: no labelled business mail"))
    }
}
