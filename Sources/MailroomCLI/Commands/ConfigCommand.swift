import ArgumentParser
import Config

/// `mailroom config example`: the fully commented sample config.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Help with the config file.", subcommands: [ConfigExample.self])
}

/// `mailroom config example`.
struct ConfigExample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example", abstract: "Print a fully commented sample config (save it as ~/.config/mailroom/config.yaml).")

    func run() {
        Terminal.output(ConfigSample.text)
    }
}
