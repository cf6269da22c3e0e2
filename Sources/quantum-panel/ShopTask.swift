import ArgumentParser
import Foundation
import Logging
import Marketplace
import QuantumPanel

/// What the commands that change the shop share: the settings (no `BOT_TOKEN` needed), the shop
/// through the same services the panel uses, and a refusal as one `error:` line with exit code 1.
enum ShopTask {
    /// Stands in for `BOT_TOKEN` and `ROOT_ADMIN_ID` when a task that never calls Telegram runs without them.
    static let fallbacks = [TelegramSettings.tokenVariable: "1:SEED_seed_seed_seed_seed_seed_seed_seed", TelegramSettings.rootAdminIDVariable: "1"]

    static func run(environmentFile: String, _ body: (Shop, Settings) async throws -> Void) async throws {
        let settings = try await BotLauncher.loadSettings(environmentFile: environmentFile, fallbacks: fallbacks)
        LoggingBootstrap.bootstrap(settings: settings)
        let logger = Logger(label: "quantum-panel")
        do {
            try await QuantumPanelApp(settings: settings, logger: logger).withShop { try await body($0, settings) }
        } catch let exit as ExitCode {
            throw exit
        } catch let usage as ValidationError {
            throw usage
        } catch {
            // Said once the database is closed, so nothing is left half open.
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Why a task refused, said on standard error with exit code 1.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `text` to `path`, or to standard output without one.
    static func write(_ text: String, to path: String?) throws {
        if let path {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
