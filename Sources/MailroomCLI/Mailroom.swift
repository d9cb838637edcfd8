import ArgumentParser
import Foundation
import Logging

/// The `mailroom` command: a thin root that only lists subcommands.
public struct Mailroom: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mailroom",
        abstract: "Sort your vendor mail: who writes to you, about what, and what you bought.",
        discussion: """
            Data goes to standard output, logs and errors to standard error.
            Exit status: 0 success, 1 failure, 2 usage error.
            """,
        subcommands: [Import.self, Classify.self, Status.self, Correct.self, Reclassify.self, RulesCommand.self,
                      Accounts.self, ConfigCommand.self, SyncCommand.self, DaemonCommand.self,
                      Vendors.self, Vendor.self, Orders.self, Messages.self, Search.self, Upcoming.self,
                      Refuse.self, Accept.self, Refusals.self, ReportCommand.self, Export.self]
    )

    public init() {}

    /// Runs the command line: parses, runs the subcommand, maps errors to exit codes
    /// (0 success, 1 failure, 2 usage).
    public static func runMain(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = LogLevelSetting.current
            return handler
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            self.exit(withError: error)
        }
    }
}
