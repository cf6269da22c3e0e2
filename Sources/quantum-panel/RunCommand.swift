import ArgumentParser
import Foundation
import Logging
import QuantumPanel

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the bot: check the settings, connect to the Bot API and serve updates until SIGTERM or SIGINT.",
        discussion: """
            Exits with code 2, listing every problem, when the settings are wrong; with code 1 when
            Telegram refuses the token or can't be reached.
            """
    )

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func run() async throws {
        let settings = try await SettingsLoading.load(environmentFile: environmentFile)
        LoggingBootstrap.bootstrap(settings: settings)
        let logger = Logger(label: "quantum-panel")
        do {
            try await QuantumPanelApp(settings: settings, logger: logger).run()
        } catch {
            logger.critical("The bot stopped", metadata: ["error": "\(error)"])
            throw ExitCode.failure
        }
    }
}

/// Loads settings for a subcommand, turning bad configuration into its lines on standard error and exit code 2.
enum SettingsLoading {
    /// - Parameter overrides: values that win over the environment and the file.
    static func load(environmentFile: String, overrides: [String: String] = [:]) async throws -> Settings {
        let environment = ProcessInfo.processInfo.environment.merging(overrides) { _, override in override }
        do {
            return try await Settings.load(environment: environment, environmentFile: environmentFile)
        } catch {
            let lines = error.problems.map { "error: \($0)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nSee .env.example for every setting.\n").utf8))
            throw ExitCode(2)
        }
    }
}
