import ArgumentParser
import Config
import Foundation
import Sync

/// `mailroom daemon`: keep the store in step with the accounts until SIGTERM or SIGINT.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Sync the accounts, then watch them (IDLE, or polling) until stopped; reconnects after failures.",
        discussion: """
            One service per account: a failing account never stops the others. SIGTERM or SIGINT
            finishes the batch in hand, logs out and exits 0. Logs go to standard error.
            Intervals: `daemon:` in the config file (see `mailroom config example`).
            """
    )

    @Option(help: "Only this account.")
    var account: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let config = try global.loadConfig()
        let accounts = try global.accounts(config, named: account)
        let engine = try global.syncEngine()
        let logger = global.logger()
        logger.info("watching \(accounts.count) account(s): \(accounts.map(\.name).joined(separator: ", "))")
        let services = accounts.map { AccountService(engine: engine, account: $0, settings: config.daemon) }
        try await Daemon.run(services: services, logger: logger)
        logger.info("stopped")
    }
}
