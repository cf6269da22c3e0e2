import ArgumentParser
import QuantumPanel

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by `backup` in place of the SQLite shop named by DATABASE_URL.",
        discussion: """
            It refuses while a bot runs on that shop: stop it first. The shop it replaces is kept
            beside it as <file>.before-restore-<time>. Updates the backup holds as received and
            not handled are not handled again when the bot starts.
            """
    )

    @Argument(help: "The backup file.")
    var file: String

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func run() async throws {
        let settings = try await BotLauncher.loadSettings(environmentFile: environmentFile, fallbacks: ShopTask.fallbacks)
        try await BackupTask.run(settings: settings) { backup, shopPath in
            let lock = try settings.database.location.lockWhileRunning()
            let restored = try await backup.restore(from: file, to: shopPath)
            withExtendedLifetime(lock) {}
            var text = "Restored \(shopPath) from \(file): \(restored.summary.customers) customers, \(restored.summary.orders) orders."
            if let previous = restored.previousShopPath { text += "\nThe shop it replaced is kept at \(previous)." }
            if restored.updatesNotReplayed > 0 {
                text += "\n\(restored.updatesNotReplayed) updates received before the backup and unhandled in it will not be handled again."
            }
            print(text)
        }
    }
}
