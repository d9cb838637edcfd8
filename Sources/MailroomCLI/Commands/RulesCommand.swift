import ArgumentParser
import Foundation
import Pipeline
import Rules

/// `mailroom rules lint|test`: check the rule files, and run the vendors' examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the rule files (shipped, then yours), run the vendors' examples, train the category model.",
        subcommands: [Lint.self, Test.self, Train.self]
    )

    /// `mailroom rules lint`: every problem as `file:line:col: message`; exit 1 when there is one.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load and check every rule file; report each problem as file:line:col.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let folders = try global.ruleFolders()
            let rules: RuleSet
            do {
                rules = try RulesLoader.load(folders: folders)
            } catch {
                error.diagnostics.forEach { Terminal.output($0.description) }
                throw CommandFailure("cannot load the rules: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s")")
            }
            let problems = rules.lint()
            problems.forEach { Terminal.output($0.description) }
            guard problems.isEmpty else {
                throw CommandFailure("the rules have \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            }
            let examples = rules.vendors.values.reduce(0) { $0 + $1.examples.count }
            Terminal.output("Rules OK: \(rules.vendors.count) vendors, \(rules.categoryRules.count) category rules, "
                + "\(rules.platforms.emailServiceProviders.count + rules.platforms.mailboxProviders.count) platform domains, "
                + "\(examples) examples, a category model of \(rules.categoryModel?.featureCount ?? 0) features "
                + "(\(folders.map(\.path).joined(separator: ", "))).")
        }
    }

    /// `mailroom rules test`: classifies each vendor's examples and compares vendor and category.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Classify every vendor's example mail and check its vendor and category.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Argument(help: ArgumentHelp("Only these vendors (ids); all by default.", valueName: "vendor"))
        var vendors: [String] = []

        @OptionGroup var global: GlobalOptions

        struct Failure: Encodable {
            var rule: String
            var file: String
            var expected: String
            var got: String
        }

        struct Outcome: Encodable {
            var examples: Int
            var passed: Int
            var failures: [Failure]
        }

        func run() throws {
            let analyzer = try global.analyzer()
            guard let rules = analyzer.classifier?.rules else { return }
            let unknown = vendors.filter { rules.vendors[.init($0)] == nil }
            if !unknown.isEmpty { throw ValidationError("unknown vendor id: \(unknown.joined(separator: ", "))") }
            var outcome = Outcome(examples: 0, passed: 0, failures: [])
            for vendor in rules.vendors.values.sorted(by: { $0.id.rawValue < $1.id.rawValue })
            where vendors.isEmpty || vendors.contains(vendor.id.rawValue) {
                for example in vendor.examples {
                    outcome.examples += 1
                    let expected = "\(vendor.id) / \(example.category.rawValue)"
                    guard let raw = try? MailSource.messages(in: example.url.path).first else {
                        outcome.failures.append(Failure(rule: example.source.description, file: example.file, expected: expected, got: "an unreadable file"))
                        continue
                    }
                    let analysis = analyzer.analyze(raw)
                    let got = "\(analysis.vendor?.id.rawValue ?? "no vendor") / \(analysis.category?.rawValue ?? "no category")"
                    if got == expected {
                        outcome.passed += 1
                    } else {
                        outcome.failures.append(Failure(rule: example.source.description, file: example.file, expected: expected, got: got))
                    }
                }
            }
            switch format {
            case .json:
                Terminal.output(String(decoding: try ClassifyRecord.jsonEncoder().encode(outcome), as: UTF8.self))
            case .text:
                for failure in outcome.failures {
                    Terminal.output("\(failure.rule): example \(failure.file): expected \(failure.expected), got \(failure.got)")
                }
                Terminal.output("\(outcome.passed) of \(outcome.examples) examples pass.")
            }
            if !outcome.failures.isEmpty { throw CommandFailure("\(outcome.failures.count) example\(outcome.failures.count == 1 ? "" : "s") failed") }
        }
    }
}
