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
            Intervals: `daemon:` in the config file (see `mailroom config example`). With
            `report: regenerate_after_sync: true` the HTML report is written again after each
            pass that changed something; `refusals: action:` tags or moves refused mail.
            """
    )

    @Option(help: "Only this account.")
    var account: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let config = try global.loadConfig()
        let accounts = try global.accounts(config, named: account)
        let engine = try global.syncEngine(refusals: config.refusals)
        let logger = global.logger()
        logger.info("watching \(accounts.count) account(s): \(accounts.map(\.name).joined(separator: ", "))")
        var onPass: @Sendable (AccountSyncResult) async -> Void = { _ in }
        if config.report.regenerateAfterSync {
            let directory = URL(fileURLWithPath: config.report.output ?? global.locations.report)
            let regenerator = ReportRegenerator(store: engine.store, directory: directory, logger: logger, now: { Date() }, timeZone: .current)
            onPass = { result in await regenerator.passEnded(result) }
            logger.info("the report in \(directory.path) is regenerated after each sync that changes something")
        }
        let services = accounts.map { AccountService(engine: engine, account: $0, settings: config.daemon, onPass: onPass) }
        try await Daemon.run(services: services, logger: logger)
        logger.info("stopped")
    }
}
