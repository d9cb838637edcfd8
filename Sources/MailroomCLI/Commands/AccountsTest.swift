import ArgumentParser
import Config
import Foundation
import IMAP
import Sync

/// `mailroom accounts test NAME`: connect, log in, list mailboxes, report capabilities.
struct AccountsTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Connect to an account's server, log in, list its mailboxes and capabilities.",
        discussion: "Exit status: 0 success, 3 login refused, 4 server unreachable, 5 certificate refused, 1 other failures."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Argument(help: "The account's name.")
    var name: String
    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @OptionGroup var global: GlobalOptions

    struct Report: Encodable {
        var account: String
        var server: String
        var capabilities: [String]
        var mailboxes: [Mailbox]
        struct Mailbox: Encodable {
            var name: String
            var specialUse: String?
            var synced: Bool
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(specialUse, forKey: .specialUse)
                try container.encode(synced, forKey: .synced)
            }
            enum CodingKeys: String, CodingKey { case name, specialUse, synced }
        }
    }

    func run() async throws {
        let config = try global.loadConfig()
        let account = try config.account(named: name)
        let engine = try global.syncEngine()
        let connection: IMAPConnection
        do {
            connection = try await engine.connect(account)
        } catch {
            Terminal.note("mailroom: \(error)")
            throw ExitCode(ServerExitStatus.status(for: [error.kind]))
        }
        let all: [MailboxInfo]
        let chosen: [MailboxInfo]
        do {
            all = try await connection.listMailboxes()
            chosen = try await engine.mailboxes(of: account, connection: connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.logout()
        let synced = Set(chosen.map(\.name))
        let report = Report(
            account: account.name, server: "\(account.host):\(account.effectivePort)",
            capabilities: connection.capabilities.names.sorted(),
            mailboxes: all.sorted { $0.name < $1.name }.map {
                Report.Mailbox(name: $0.name, specialUse: $0.specialUse.map { "\\" + $0.rawValue }, synced: synced.contains($0.name))
            })
        switch format {
        case .json:
            Terminal.output(String(decoding: try JSONEncoder.sorted.encode(report), as: UTF8.self))
        case .text:
            Terminal.output("Logged in to \(report.server) as \(account.user) (\(account.security.rawValue), \(AccountsList.trust(account))).")
            Terminal.output("Capabilities: \(report.capabilities.joined(separator: " "))")
            Terminal.output("Mailboxes (* = synced):")
            for mailbox in report.mailboxes {
                Terminal.output("  \(mailbox.synced ? "*" : " ") \(mailbox.name)\(mailbox.specialUse.map { "  (\($0))" } ?? "")")
            }
        }
    }
}
