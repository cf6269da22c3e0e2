import BotAPISandbox
import BotRouting
import FluentKit
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import QuantumPanel
import TelegramBotAPI
import Testing

extension TestDatabaseKind: CustomTestStringConvertible {
    public var testDescription: String { rawValue }
}

/// The real bot on a fresh database, polling a sandbox on loopback: tests drive it through
/// simulated users and read the chat as they would see it.
struct ShopHarness: Sendable {
    static let currency = Currency.usd
    /// The owner; not a simulated user, so admin-only buttons stay out of customers' menus.
    static let rootAdmin: Int64 = 1
    /// The id the sandbox gives the first user it makes: a test that passes it as `rootAdminID`
    /// makes the owner first and drives the panel as them.
    static let firstSandboxUser: Int64 = 100_000_001
    static let configuration = ShopConfiguration(premiumPrice: dollars("10.00"), supportUsername: "shop_support", starsTopUps: [100, 500])

    let sandbox: BotAPISandbox
    let shop: Shop
    /// The shop's database, for tests that break it on purpose.
    let database: any Database
    /// The conversation state, for tests that leave what an earlier version stored.
    let storage: any StateStorage

    static func dollars(_ text: String) -> Money {
        try! Money.parse(text, currency: currency)
    }

    /// A customer who has pressed /start and read the welcome, with `balance` credited.
    func customer(_ firstName: String, balance: String = "0", languageCode: String = "en", username: String? = nil) async throws -> SimulatedUser {
        let user = await sandbox.makeUser(firstName: firstName, username: username, languageCode: languageCode)
        try await user.send("/start")
        _ = try await user.nextMessage()
        let amount = Self.dollars(balance)
        if amount.minorUnits > 0 {
            try await shop.ledger.credit(amount, to: user.id, reason: .adminCredit, actorID: shop.admins.rootAdminID)
        }
        return user
    }

    /// A press a modified client sends: `data` on the bot message `messageID`, whatever buttons
    /// (if any) that message carries, or however long ago it was deleted.
    /// - Returns: the callback query's id, to read the bot's answer.
    @discardableResult
    func forgePress(by customer: SimulatedUser, data: String, messageID: Int64) async throws -> String {
        try await sandbox.state.userSendsCallbackData(customer.id, data: data, messageID: messageID)
    }

    /// Presses 🔔 Tell me when it's back for `priceID`, as the out-of-stock refusal offers, and
    /// returns the bot's answer to the press.
    func restockRequest(by customer: SimulatedUser, priceID: Int) async throws -> CallbackAnswer? {
        let menu = try await customer.ask("/start")
        try await forgePress(by: customer, data: "rs:\(priceID)", messageID: menu.messageID)
        _ = try await customer.ask("/start")
        return await customer.answer(toCallback: "forged-rs:\(priceID)")
    }

    /// A product with one price and `keys` keys; returns the product id and the price id.
    /// - Parameter pastTheRules: written straight to the database, as a product typed in SQL or
    ///   kept from before the panel's length rules, so the screens' own limits are tested.
    @discardableResult
    func product(
        _ name: String, description: String = "", price: String = "5.00", reseller: String? = nil, duration: String = "1 month",
        keys: [String] = [], premiumOnly: Bool = false, photoFileID: String? = nil, pastTheRules: Bool = false
    ) async throws -> (product: Int, price: Int) {
        let product: Int
        if pastTheRules {
            let row = Product()
            row.name = name
            row.details = description
            row.photoFileID = photoFileID
            row.isPremiumOnly = premiumOnly
            row.isVisible = true
            row.isArchived = false
            row.sortOrder = 0
            try await row.create(on: database)
            product = row.id!
        } else {
            product = try await shop.catalogue.createProduct(
                name: name, description: description, photoFileID: photoFileID, isPremiumOnly: premiumOnly, by: shop.admins.rootAdminID)
        }
        let price = try await shop.catalogue.addPrice(
            to: product, durationLabel: duration, durationDays: 30, price: Self.dollars(price), resellerPrice: reseller.map(Self.dollars),
            by: shop.admins.rootAdminID)
        if !keys.isEmpty {
            _ = try await shop.stock.addKeys(keys.joined(separator: "\n"), to: price, by: shop.admins.rootAdminID)
        }
        return (product, price)
    }
}

/// Runs the bot against a sandbox on a fresh `kind` database for the length of `body`.
func withShop<Value: Sendable>(
    _ kind: TestDatabaseKind = .sqlite, configuration: ShopConfiguration = ShopHarness.configuration,
    // Tests tap faster than any person; the shop's own limit is tested on its own.
    throttling: ThrottlingMiddleware = ThrottlingMiddleware(perSecond: 1000, burst: 1000),
    sandbox sandboxConfiguration: SandboxConfiguration = .init(),
    rootAdminID: Int64 = ShopHarness.rootAdmin,
    _ body: @Sendable (ShopHarness) async throws -> Value
) async throws -> Value {
    let logger = Logger(
        label: "e2e",
        factory: {
            ProcessInfo.processInfo.environment["E2E_LOG"] == nil
                ? SwiftLogNoOpLogHandler() as any LogHandler : StreamLogHandler.standardError(label: $0)
        })
    return try await withTemporaryMarketplaceDatabase(kind, additionalMigrations: BotStorage.migrations) { database in
        let db = database.database(logger: logger)
        let shop = Shop(
            database: db, currency: ShopHarness.currency, rootAdminID: rootAdminID,
            starValue: ShopHarness.dollars("0.01"), cache: MemoryCache()
        )
        return try await BotAPISandbox.withRunning(configuration: sandboxConfiguration) { sandbox in
            let bot = sandbox.makeClient(retryPolicy: .standard)
            let shopBot = ShopBot(shop: shop, configuration: configuration)
            try await shopBot.registerCommands(with: bot)
            let storage = MemoryStateStorage()
            let dispatcher = shopBot.makeDispatcher(
                bot: bot, botUsername: sandbox.configuration.botUsername, storage: storage,
                inbox: MemoryUpdateInbox(), throttling: throttling, logger: logger
            )
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await dispatcher.runPolling(configuration: .init(timeout: .seconds(5))) }
                group.addTask { try await shopBot.makeRestockNotifier(bot: bot, logger: logger).run() }
                group.addTask { try await Broadcaster(shop: shop, bot: bot, perSecond: configuration.broadcastPerSecond, logger: logger).run() }
                defer { group.cancelAll() }
                return try await body(ShopHarness(sandbox: sandbox, shop: shop, database: db, storage: storage))
            }
        }
    }
}

extension SimulatedUser {
    /// Sends text and returns the bot's reply.
    func ask(_ text: String) async throws -> Message {
        try await send(text)
        return try await nextMessage()
    }

    /// Presses a button and returns the message it led to (edited or new).
    func tap(_ label: String) async throws -> Message {
        try await press(label)
        return try await nextMessage()
    }

    /// The labels of a message's inline buttons, row after row.
    static func buttons(of message: Message) -> [String] {
        message.replyMarkup?.inlineKeyboard.flatMap { $0.map(\.text) } ?? []
    }
}

extension Message {
    /// The text, or the caption of a photo.
    var shown: String { text ?? caption ?? "" }
    var buttons: [String] { SimulatedUser.buttons(of: self) }

    /// The texts inside `<code>` entities: what one tap copies.
    var codeSpans: [String] { spans(of: "code") }

    /// The texts inside entities of one type (`bold`, `code`, `text_link`…).
    func spans(of type: String) -> [String] {
        let units = Array(shown.utf16)
        return (entities ?? captionEntities ?? []).filter { $0.type == type }.map { entity in
            String(decoding: units[Int(entity.offset)..<Int(entity.offset + entity.length)], as: UTF16.self)
        }
    }
}
