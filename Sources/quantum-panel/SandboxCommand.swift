import ArgumentParser
import BotAPISandbox
import Foundation
import Logging
import Marketplace
import QuantumPanel
import TelegramBotAPI

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the bot against a local stand-in for the Telegram Bot API: no token, no network.",
        discussion: """
            The sandbox listens on 127.0.0.1 and answers Bot API calls as Telegram does. Simulated users
            are driven through its control API (see the README). With --api-only, only the sandbox runs,
            so any Bot API client (this bot, aiogram, curl) can be pointed at the printed URL and token.
            """
    )

    @Flag(name: .customLong("api-only"), help: "Run only the sandbox, without the bot.")
    var apiOnly = false

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8081

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment (for the bot).")
    var environmentFile = ".env"

    @Option(help: "The bot's database; by default its own SQLite file, never the one in .env.")
    var database = "sqlite://data/sandbox.sqlite"

    @Flag(name: .customLong("no-demo"), help: "Don't stock an empty database with the demo shop.")
    var noDemo = false

    func run() async throws {
        let sandbox = BotAPISandbox(configuration: SandboxConfiguration(port: port))
        let (started, continuation) = AsyncStream.makeStream(of: String.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sandbox.run { continuation.yield($0) } }
            var urls = started.makeAsyncIterator()
            guard let baseURL = await urls.next() else { return }
            say(
                """
                Chat with the bot in your browser: \(baseURL)/
                Bot API sandbox running at \(baseURL)
                  TELEGRAM_API_URL=\(baseURL)
                  BOT_TOKEN=\(sandbox.token.value)
                Control API: \(baseURL)/sandbox/users (see the README for curl examples)
                """)
            if apiOnly {
                say("Press Ctrl-C to stop.")
                try await group.next()
                return
            }
            try await runBot(against: sandbox, baseURL: baseURL)
            group.cancelAll()
        }
    }

    /// Runs the bot with the sandbox's URL and token, and a simulated root admin unless ROOT_ADMIN_ID is set.
    private func runBot(against sandbox: BotAPISandbox, baseURL: String) async throws {
        var overrides = [
            TelegramSettings.tokenVariable: sandbox.token.value, TelegramSettings.apiURLVariable: baseURL, TelegramSettings.modeVariable: "polling",
            DatabaseSettings.urlVariable: database,
            // Crypto top-ups through the sandbox's stand-in for Crypto Pay.
            CryptoPaySettings.tokenVariable: sandbox.cryptoPay.token, CryptoPaySettings.apiURLVariable: sandbox.cryptoPayURL,
        ]
        if ProcessInfo.processInfo.environment[TelegramSettings.rootAdminIDVariable.name] == nil {
            let admin = await sandbox.makeUser(firstName: "Admin", username: "shop_admin")
            overrides[TelegramSettings.rootAdminIDVariable] = String(admin.id)
            say("Simulated root admin: user \(admin.id) (@shop_admin)")
        }
        // The bot's listeners on loopback, on free ports (the log says which): the sandbox
        // must start whatever else listens on 8080 and 9090. The public one takes Crypto Pay's
        // webhook, so its port is picked here, for the stand-in to post to.
        let fallbacks = [
            HTTPSettings.hostVariable: "127.0.0.1", HTTPSettings.portVariable: String(FreeLoopbackPort.pick() ?? 0),
            HTTPSettings.opsHostVariable: "127.0.0.1", HTTPSettings.opsPortVariable: "0",
        ]
        let settings = try await BotLauncher.loadSettings(environmentFile: environmentFile, overrides: overrides, fallbacks: fallbacks)
        if let cryptoPay = settings.cryptoPay, settings.http.port != 0 {
            await sandbox.cryptoPay.setWebhookURL("http://127.0.0.1:\(settings.http.port)\(cryptoPay.webhookPath)")
            say("Crypto top-ups: Crypto Pay's stand-in at \(sandbox.cryptoPayURL); its invoices are paid on their Pay link, no real money")
        }
        if !noDemo {
            try await stockDemoShop(settings: settings, sandbox: sandbox)
        }
        try await BotLauncher.run(settings: settings)
    }

    /// An empty database gets the demo shop and a simulated customer with money to spend.
    private func stockDemoShop(settings: Settings, sandbox: BotAPISandbox) async throws {
        let logger = Logger(label: "quantum-panel", factory: { _ in SwiftLogNoOpLogHandler() })
        let database = try settings.database.location.open(poolSize: 1)
        do {
            try await database.migrate(logger: logger)
            let currency = settings.shop.currency
            let shop = Shop(
                database: database.database(logger: logger), currency: currency, rootAdminID: settings.telegram.rootAdminID,
                starValue: settings.shop.starValue
            )
            // Made on every start, after the admin, so she has the same id as in the shop's database.
            let ana = await sandbox.makeUser(firstName: "Ana", username: "demo_ana")
            if try await shop.catalogue.productCount() == 0 {
                let outcome = try await DemoShopSeeder(shop: shop, adminID: settings.telegram.rootAdminID).seed(
                    .init(products: 5, pricesPerProduct: 3, keysPerPrice: 20))
                for product in try await shop.catalogue.adminProducts() {
                    _ = try await shop.catalogue.updateProduct(
                        product.id, .init(photoFileID: .some(DemoPhoto.fileID(productID: product.id))), by: settings.telegram.rootAdminID)
                }
                for (username, name, note) in [
                    ("keys_guru", "Keys Guru", "Bulk keys, answers within an hour"), ("night_store", "Night Store", "Open 20:00–02:00 UTC"),
                ] {
                    _ = try await shop.sellers.add(username: username, displayName: name, note: note, by: settings.telegram.rootAdminID)
                }
                _ = try await shop.users.register(telegramID: ana.id, username: "demo_ana", firstName: "Ana", languageCode: "en")
                try await shop.ledger.credit(
                    Money(minorUnits: 100 * currency.scale, currency: currency), to: ana.id, reason: .adminCredit,
                    actorID: settings.telegram.rootAdminID)
                say(
                    "Demo shop stocked: \(outcome.products) products with photos, \(outcome.keys.count) keys, 2 trusted sellers; simulated customer user \(ana.id) (@demo_ana) has \(Money(minorUnits: 100 * currency.scale, currency: currency).formatted)"
                )
            }
            // The sandbox keeps files in memory: the demo's photos are given again on every start
            // (a product without one never names its id).
            for (index, product) in try await shop.catalogue.adminProducts().enumerated() {
                await sandbox.state.keepFile(
                    DemoPhoto.svg(name: product.name, index: index), as: DemoPhoto.fileID(productID: product.id),
                    path: "photos/demo_\(product.id).svg")
            }
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Prints at once, even when standard output is a pipe that would hold the text back.
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
