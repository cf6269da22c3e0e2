import ArgumentParser
import Foundation
import Logging
import QuantumPanel

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite shop named by DATABASE_URL to FILE, consistently, while the bot runs.",
        discussion: """
            The copy is the shop at one instant (SQLite's VACUUM INTO), checked with SQLite's
            integrity check; FILE must not exist. For PostgreSQL, use pg_dump (see the README).
            """
    )

    @Argument(help: "The file to write; it must not exist.")
    var file: String

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func run() async throws {
        let settings = try await BotLauncher.loadSettings(environmentFile: environmentFile, fallbacks: ShopTask.fallbacks)
        try await BackupTask.run(settings: settings) { backup, shopPath in
            let summary = try await backup.backUp(shopPath: shopPath, to: file)
            print("Backed up \(shopPath) to \(file): \(summary.customers) customers, \(summary.orders) orders, \(BackupTask.size(summary.bytes)).")
        }
    }
}

/// What `backup` and `restore` share: the SQLite path, and errors said plainly.
enum BackupTask {
    static func run(settings: Settings, _ body: (ShopBackup, String) async throws -> Void) async throws {
        LoggingBootstrap.bootstrap(settings: settings)
        var logger = Logger(label: "quantum-panel")
        logger.logLevel = .warning
        do {
            guard case .sqlite(let path) = settings.database.location else {
                throw BackupError.postgres(
                    command:
                        "pg_dump --format=custom --file=shop.dump \"$DATABASE_URL\" (and pg_restore --clean --dbname=\"$DATABASE_URL\" shop.dump to restore)"
                )
            }
            try await body(ShopBackup(logger: logger), path)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\((bytes + 1023) / 1024) KB"
    }
}
