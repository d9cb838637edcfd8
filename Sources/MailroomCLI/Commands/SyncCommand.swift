import ArgumentParser
import Config
import Foundation
import Sync

/// `mailroom sync [--account A] [--mailbox M]`: one pass over the accounts.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Sync the IMAP accounts once: new mail is analysed and stored, flag changes and expunges applied.",
        discussion: """
            Nothing on the server changes: messages are read with BODY.PEEK and never marked as read.
            Exit status: 0 success, 3 login refused, 4 server unreachable or connection lost,
            5 certificate refused, 1 other failures (or a mix of them).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "Only this account.")
    var account: String?
    @Option(help: ArgumentHelp("Only this mailbox (repeat for several).", valueName: "mailbox"))
    var mailbox: [String] = []
    @Option(help: "Summary format: text or json.")
    var format: Format = .text
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let config = try global.loadConfig()
        let accounts = try global.accounts(config, named: account)
        let engine = try global.syncEngine(refusals: config.refusals)
        var results: [AccountSyncResult] = []
        for account in accounts {
            let result = await engine.sync(account, onlyMailboxes: mailbox) { progress in
                Terminal.progress(SyncText.progressLine(progress))
            }
            Terminal.endProgress()
            if let error = result.error { Terminal.note("mailroom: \(error)") }
            for failed in result.mailboxes where failed.error != nil {
                Terminal.note("mailroom: \(account.name)/\(failed.name): \(failed.error ?? "")")
            }
            for problem in result.refusals.errors + result.refusals.warnings { Terminal.note("mailroom: \(problem)") }
            results.append(result)
        }
        switch format {
        case .json:
            Terminal.output(String(decoding: try JSONEncoder.sorted.encode(SyncReport(results)), as: UTF8.self))
        case .text:
            for result in results {
                Self.describe(result).forEach(Terminal.output)
                Self.describeRefusals(result, settings: config.refusals).map(Terminal.output)
            }
        }
        let failures = results.filter { !$0.succeeded }
        if !failures.isEmpty {
            throw ExitCode(ServerExitStatus.status(for: failures.map { $0.error?.kind ?? .other }))
        }
    }

    static func describe(_ result: AccountSyncResult) -> [String] {
        if let error = result.error, result.mailboxes.isEmpty { return ["\(result.account): failed (\(error.kind))"] }
        var lines = result.mailboxes.map { mailbox in
            var line = "\(result.account)/\(mailbox.name): \(mailbox.new) new, \(mailbox.linked) already stored, "
                + "\(mailbox.changed) changed, \(mailbox.expunged) expunged"
            if mailbox.resynced { line += " (UIDVALIDITY changed: synced again)" }
            if mailbox.error != nil { line += " (failed)" }
            return line
        }
        if result.error != nil { lines.append("\(result.account): stopped early") }
        return lines
    }

    /// `personal: refused mail: 2 tagged $MailroomRefused, 0 untagged` or `…: 3 moved to Refused`
    /// when the config asks for a server-side refusal action.
    static func describeRefusals(_ result: AccountSyncResult, settings: RefusalSettings) -> String? {
        let refusals = result.refusals
        switch settings.action {
        case .none: return nil
        case .keyword: return "\(result.account): refused mail: \(refusals.tagged) tagged \(settings.keyword), \(refusals.untagged) untagged"
        case .move: return "\(result.account): refused mail: \(refusals.moved) moved to \(settings.folder ?? "")"
        }
    }
}

/// The `sync --format json` document: every key always present.
struct SyncReport: Encodable {
    var accounts: [Account]

    init(_ results: [AccountSyncResult]) {
        accounts = results.map {
            Account(name: $0.account, error: $0.error?.description, bytesFetched: $0.bytesFetched, mailboxes: $0.mailboxes, refusals: $0.refusals)
        }
    }

    struct Account: Encodable {
        var name: String
        var error: String?
        var bytesFetched: Int
        var mailboxes: [MailboxSyncResult]
        var refusals: RefusalActionSummary

        enum CodingKeys: String, CodingKey { case name, error, bytesFetched, mailboxes, refusals }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(error, forKey: .error)
            try container.encode(bytesFetched, forKey: .bytesFetched)
            try container.encode(mailboxes.map(Mailbox.init), forKey: .mailboxes)
            try container.encode(Refusals(summary: refusals), forKey: .refusals)
        }
    }

    /// What the refusal action did: `{"action":"keyword","errors":[],"moved":0,"tagged":2,"untagged":0,"warnings":[]}`.
    struct Refusals: Encodable {
        var summary: RefusalActionSummary
        enum CodingKeys: String, CodingKey { case action, tagged, untagged, moved, errors, warnings }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(summary.action, forKey: .action)
            try container.encode(summary.tagged, forKey: .tagged)
            try container.encode(summary.untagged, forKey: .untagged)
            try container.encode(summary.moved, forKey: .moved)
            try container.encode(summary.errors, forKey: .errors)
            try container.encode(summary.warnings, forKey: .warnings)
        }
    }

    struct Mailbox: Encodable {
        var result: MailboxSyncResult
        enum CodingKeys: String, CodingKey { case name, new, linked, changed, expunged, resynced, error }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(result.name, forKey: .name)
            try container.encode(result.new, forKey: .new)
            try container.encode(result.linked, forKey: .linked)
            try container.encode(result.changed, forKey: .changed)
            try container.encode(result.expunged, forKey: .expunged)
            try container.encode(result.resynced, forKey: .resynced)
            try container.encode(result.error, forKey: .error)
        }
    }
}
