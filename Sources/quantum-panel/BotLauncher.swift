import ArgumentParser
import Foundation
import Logging
import QuantumPanel

/// What `run` and `sandbox` share: reading the settings and running the bot with them.
enum BotLauncher {
    /// Loads settings, turning bad configuration into its lines on standard error and exit code 2.
    /// - Parameter overrides: values that win over the environment and the file.
    /// - Parameter fallbacks: values for variables neither the environment nor the file sets.
    static func loadSettings(
        environmentFile: String, overrides: [SettingsVariable: String] = [:], fallbacks: [SettingsVariable: String] = [:]
    ) async throws -> Settings {
        let environment = ProcessInfo.processInfo.environment.merging(overrides.map { ($0.name, $1) }) { _, override in override }
        do {
            return try await Settings.load(environment: environment, environmentFile: environmentFile, fallbacks: fallbacks)
        } catch {
            let lines = error.problems.map { "error: \($0)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((lines + "\nSee .env.example for every setting.\n").utf8))
            throw ExitCode(2)
        }
    }

    /// Sets up logging and runs the bot until a shutdown signal; exit code 1 when it can't run, 2
    /// when the database refuses its settings.
    static func run(settings: Settings) async throws {
        LoggingBootstrap.bootstrap(settings: settings)
        MetricsBootstrap.bootstrap()
        let logger = Logger(label: "quantum-panel")
        do {
            let tracingExporter = try TracingBootstrap.bootstrap(settings: settings, logger: logger)
            try await QuantumPanelApp(settings: settings, logger: logger, tracingExporter: tracingExporter).run()
        } catch {
            let report = QuantumPanelApp.stopReport(for: error)
            logger.critical("The bot stopped", metadata: ["error": "\(report.message)"])
            throw ExitCode(report.status)
        }
    }
}
