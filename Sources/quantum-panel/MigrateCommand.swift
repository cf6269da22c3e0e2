import ArgumentParser
import Logging
import Marketplace
import QuantumPanel

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database named by DATABASE_URL up to date, then exit. Running it again changes nothing.",
        discussion: "`run` does the same at start unless AUTO_MIGRATE=false."
    )

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func run() async throws {
        let settings = try await BotLauncher.loadSettings(environmentFile: environmentFile)
        LoggingBootstrap.bootstrap(settings: settings)
        let logger = Logger(label: "quantum-panel")
        do {
            let database = try settings.database.location.open(poolSize: 1)
            do {
                try await database.migrate(logger: logger)
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
            logger.info("Migrations done", metadata: ["database": "\(settings.database.location)"])
        } catch {
            logger.critical("Migrations failed", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            throw ExitCode.failure
        }
    }
}
