import ArgumentParser
import Foundation
import Classification
import Logging
import Pipeline
import Rules
import Store

/// Options every subcommand takes: where the store and the config are, and how much to log.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store (SQLite). Default: $MAILROOM_DATABASE, else ~/.local/share/mailroom/mailroom.sqlite.", valueName: "file"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("The config file. Default: $MAILROOM_CONFIG, else ~/.config/mailroom/config.yaml.", valueName: "file"))
    var config: String?

    @Flag(name: .shortAndLong, help: "Log debugging detail to standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log errors only.")
    var quiet = false

    /// The resolved locations, from options, then the environment, then the XDG defaults.
    var locations: Locations {
        Locations(databaseOption: database, configOption: config, environment: ProcessInfo.processInfo.environment)
    }

    /// A logger at the level the flags ask for.
    func logger() -> Logger {
        var logger = Logger(label: "mailroom")
        logger.logLevel = verbose ? .debug : quiet ? .error : LogLevelSetting.current
        return logger
    }

    /// The rule folders, shipped first, then the user's (`rules/` beside the config file).
    func ruleFolders() throws -> [URL] {
        let environment = ProcessInfo.processInfo.environment
        guard let shipped = RulesLocation.shipped(environment: environment, executable: CommandLine.arguments[0]) else {
            throw CommandFailure("cannot find the shipped rules: set MAILROOM_RULES to the Rules folder")
        }
        guard RulesLocation.isRulesFolder(shipped) else {
            throw CommandFailure("\(shipped.path) is not a rules folder (it has no vendors/): set MAILROOM_RULES to Mailroom's Rules folder")
        }
        let user = URL(fileURLWithPath: locations.config).deletingLastPathComponent().appendingPathComponent("rules")
        return FileManager.default.fileExists(atPath: user.path) ? [shipped, user] : [shipped]
    }

    /// The shipped and user rules, loaded and checked.
    func rules() throws -> RuleSet {
        try RulesLoader.load(folders: try ruleFolders())
    }

    /// The analysis pipeline with the rules loaded and checked, following the corrections
    /// recorded in `store` when one is given.
    func analyzer(following store: MailStore? = nil) throws -> Analyzer {
        let rules = try rules()
        let corrections = try store.map { store throws(StoreError) in try Corrections.load(from: store, rules: rules) } ?? .none
        return Analyzer(classifier: Classifier(rules: rules), corrections: corrections)
    }

    /// The store when it exists already, for commands that only read it.
    func existingStore() throws -> MailStore? {
        FileManager.default.fileExists(atPath: locations.database) ? try openStore() : nil
    }

    /// Opens the store, creating it (and its folder) on first use.
    func openStore() throws -> MailStore {
        try MailStore(path: locations.database)
    }
}

/// Where Mailroom keeps its files (ARCHITECTURE.md, "Files").
struct Locations: Equatable {
    var database: String
    var config: String
    /// The default report folder: `$XDG_DATA_HOME/mailroom/report`.
    var report: String

    init(databaseOption: String?, configOption: String?, environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        func xdg(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return (home as NSString).appendingPathComponent(fallback)
        }
        database = databaseOption
            ?? environment["MAILROOM_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((xdg("XDG_DATA_HOME", ".local/share") as NSString).appendingPathComponent("mailroom/mailroom.sqlite"))
        report = (xdg("XDG_DATA_HOME", ".local/share") as NSString).appendingPathComponent("mailroom/report")
        config = configOption
            ?? environment["MAILROOM_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((xdg("XDG_CONFIG_HOME", ".config") as NSString).appendingPathComponent("mailroom/config.yaml"))
    }
}
