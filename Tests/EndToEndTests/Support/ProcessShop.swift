import BotAPISandbox
import FluentSQL
import Foundation
import Logging
import Marketplace
import MarketplaceTesting
import QuantumPanel
import Synchronization
import TelegramBotAPI
import Testing

/// A shop for the bot run as its own process: a SQLite file in a temporary folder, stocked from
/// the test, and the environment that points `quantum-panel run` at it and at a sandbox.
struct ProcessShop: Sendable {
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let productName = "Crash Kit"

    let folder: String
    let sandbox: BotAPISandbox
    let redisURL: String?
    /// The PostgreSQL database's URL; nil for a SQLite file in `folder`.
    var postgresURL: String? = nil
    /// Where the bot's HTTP server listens in webhook mode; nil for polling.
    var webhookPort: Int? = nil
    /// Where its operations listener (`/healthz`, `/readyz`, `/metrics`) answers, for a test
    /// that reads them; nil for any free port.
    var opsPort: Int? = nil
    /// Where its public listener takes Crypto Pay's webhook, with Crypto Pay on (the sandbox's
    /// stand-in); nil: Crypto Pay off.
    var cryptoPayPort: Int? = nil
    /// The root admin: not a simulated user unless a test makes one and sets it.
    var rootAdminID: Int64 = 1
    static let webhookSecret = "process-shop-secret"
    static let webhookPath = "/telegram/updates"

    /// The bot's public listener in webhook mode: its webhook.
    var httpBaseURL: String? { webhookPort.map { "http://127.0.0.1:\($0)" } }

    var databaseURL: String { postgresURL ?? "sqlite://" + folder + "/shop.sqlite" }
    var location: MarketplaceDatabase.Location { postgresURL.map { .postgres(url: $0) } ?? .sqliteFile(folder + "/shop.sqlite") }

    var environment: [String: String] {
        var environment = [
            "BOT_TOKEN": sandbox.token.value, "ROOT_ADMIN_ID": String(rootAdminID), "TELEGRAM_API_URL": sandbox.baseURL,
            "DATABASE_URL": databaseURL, "LOG_DIR": folder + "/logs", "LOG_LEVEL": "notice",
            "STARS_TOP_UPS": "100", "STAR_VALUE": "0.01",
        ]
        environment["REDIS_URL"] = redisURL
        environment["HTTP_HOST"] = "127.0.0.1"
        environment["HTTP_PORT"] = String(webhookPort ?? cryptoPayPort ?? 0)
        if cryptoPayPort != nil {
            environment["CRYPTO_PAY_TOKEN"] = CryptoPayStandIn.defaultToken
            environment["CRYPTO_PAY_API_URL"] = sandbox.cryptoPayURL
        }
        environment["OPS_HOST"] = "127.0.0.1"
        environment["OPS_PORT"] = String(opsPort ?? 0)
        if let httpBaseURL {
            environment["BOT_MODE"] = "webhook"
            environment["WEBHOOK_URL"] = httpBaseURL + Self.webhookPath
            environment["WEBHOOK_SECRET"] = Self.webhookSecret
        }
        return environment
    }

    func startBot(_ name: String) throws -> BotProcess {
        try BotProcess(environment: environment, in: folder, name: name)
    }

    /// Runs `body` with the shop's database open, then closes it: the bot process must be the
    /// only one writing while it runs.
    func withDatabase<Value>(_ body: (Shop) async throws -> Value) async throws -> Value {
        try await withSQL { sql in
            try await body(Shop(database: sql as! any Database, currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd)))
        }
    }

    /// ``withDatabase(_:)`` for SQL of a test's own.
    func withSQL<Value>(_ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        try await Self.withSQL(at: location, body)
    }

    /// SQL on the shop at `location` (this one, or a backup of it), migrated, closed before it returns.
    static func withSQL<Value>(at location: MarketplaceDatabase.Location, _ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        let database = try MarketplaceDatabase(location: location, poolSize: 2, additionalMigrations: BotStorage.migrations)
        do {
            try await database.migrate(logger: Self.logger)
            let value = try await body(database.database(logger: Self.logger) as! any SQLDatabase)
            await database.shutdown()
            return value
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Every buyer saw one key and no key went to two; each press was answered once (unless
    /// `repliesExactlyOnce` is false); the database holds one order per buyer and charged each
    /// once ($5.00 of $5.00).
    func expectEachBoughtOneKeyOnce(
        _ buyers: [SimulatedUser], outcomes: Outcomes, repliesExactlyOnce: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let keys = outcomes.keys.withLock { $0 }
        #expect(keys.count == buyers.count && keys.values.allSatisfy { $0.count == 1 }, "one key each", sourceLocation: sourceLocation)
        #expect(Set(keys.values.flatMap { $0 }).count == buyers.count, "no key sold twice", sourceLocation: sourceLocation)
        if repliesExactlyOnce {
            try await expectNoTapAnsweredTwice(sandbox, chats: buyers.map(\.chatID), sourceLocation: sourceLocation)
        }
        try await withDatabase { after throws in
            for buyer in buyers {
                #expect(
                    try await after.orders.orders(of: buyer.id, page: 1).items.count == 1, "exactly one order for \(buyer.id)",
                    sourceLocation: sourceLocation)
                #expect(try await after.users.find(telegramID: buyer.id)?.balance.minorUnits == 0, "charged once", sourceLocation: sourceLocation)
            }
        }
    }

    /// One product, `keys` keys at $5.00, and `count` registered customers holding `balance` cents.
    func stock(keys: Int, named name: String = Self.productName) async throws {
        try await withDatabase { shop in
            let product = try await shop.catalogue.createProduct(
                name: name, description: "Survives anything", photoFileID: nil, isPremiumOnly: false, by: 1)
            let price = try await shop.catalogue.addPrice(
                to: product, durationLabel: "1 month", durationDays: 30, price: Money(minorUnits: 500, currency: .usd), resellerPrice: nil, by: 1)
            _ = try await shop.stock.addKeys((1...keys).map { "\(name.prefix(5).uppercased())-\($0)" }.joined(separator: "\n"), to: price, by: 1)
        }
    }

    func customers(_ count: Int, named prefix: String, balance: Int64, reseller: Bool = false) async throws -> [SimulatedUser] {
        var users: [SimulatedUser] = []
        for index in 1...count { users.append(await sandbox.makeUser(firstName: "\(prefix) \(index)")) }
        try await withDatabase { shop in
            for user in users {
                _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: user.user.firstName, languageCode: "en")
                if balance > 0 {
                    _ = try await shop.ledger.credit(Money(minorUnits: balance, currency: .usd), to: user.id, reason: .adminCredit, actorID: 1)
                }
                if reseller {
                    _ = try await shop.users.setReseller(true, telegramID: user.id)
                }
            }
        }
        return users
    }
}

/// What the customers saw, gathered while they shop.
final class Outcomes: Sendable {
    let keys = Mutex<[Int64: [String]]>([:])
    let receipts = Mutex<[Int64: String]>([:])
    let charges = Mutex<[Int64: [String]]>([:])
    let (delivered, deliveredContinuation) = AsyncStream.makeStream(of: Void.self)

    /// Returns once `count` buyers have their receipt.
    func waitForReceipts(_ count: Int) async {
        var seen = 0
        for await _ in delivered {
            seen += 1
            if seen == count { return }
        }
    }
}

extension SimulatedUser {
    /// /start, Products, the product, the price, Buy: each tap waits for its answer, as a person does.
    func buyOneKey(_ outcomes: Outcomes, product: String = ProcessShop.productName) async throws {
        _ = try await ask("/start", within: .seconds(60))
        _ = try await tap(startingWith: "🛍 Products", within: .seconds(60))
        _ = try await tap(startingWith: product, within: .seconds(60))
        _ = try await tap(startingWith: "1 month", within: .seconds(60))
        let receipt = try await tap(startingWith: "✅ Buy", within: .seconds(60))
        outcomes.keys.withLock { $0[id] = receipt.codeSpans }
        outcomes.receipts.withLock { $0[id] = receipt.shown }
        outcomes.deliveredContinuation.yield()
    }

    /// /start, Products, the product, the price, ✏️ Other: a reseller asked how many keys to buy,
    /// a dialog with a state. Returns the question.
    func askForAQuantity() async throws -> Message {
        _ = try await ask("/start", within: .seconds(60))
        for prefix in ["🛍 Products", ProcessShop.productName, "1 month"] {
            _ = try await tap(startingWith: prefix, within: .seconds(60))
        }
        return try await tap(startingWith: "✏️ Other", within: .seconds(60))
    }

    /// Balance, Stars, an invoice, paid; a payment the bot could not confirm in time is paid again.
    func topUp(_ outcomes: Outcomes) async throws {
        _ = try await ask("/start", within: .seconds(60))
        _ = try await tap(startingWith: "💰 Balance", within: .seconds(60))
        _ = try await tap(startingWith: "⭐ Top up", within: .seconds(60))
        try await press("⭐ 100 → $1.00")
        let invoice = try await nextMessage(timeout: .seconds(60))
        while true {
            switch try await pay(invoiceMessageID: invoice.messageID) {
            case .paid(let chargeID):
                outcomes.charges.withLock { $0[id, default: []].append(chargeID) }
                while try await !nextMessage(timeout: .seconds(60)).shown.contains("added") {}
                return
            case .timedOut:
                continue
            case .declined(let reason):
                Issue.record("payment declined: \(reason)")
                return
            }
        }
    }

    /// Sends text and returns the bot's reply, waiting as long as a restart may take.
    func ask(_ text: String, within timeout: Duration) async throws -> Message {
        try await send(text)
        return try await nextMessage(timeout: timeout)
    }

    /// Presses the first button of the newest message whose label starts with `prefix` (labels
    /// carry stock counts that other customers change) and returns the message it led to.
    func tap(startingWith prefix: String, within timeout: Duration) async throws -> Message {
        try await press(callbackData: try await buttonData(startingWith: prefix))
        return try await nextMessage(timeout: timeout)
    }

    /// The data of the newest message's button whose label starts with `prefix`.
    func buttonData(startingWith prefix: String) async throws -> String {
        let buttons = await transcript().last(where: { $0.sender == "bot" })?.buttons.flatMap { $0 } ?? []
        guard let data = buttons.first(where: { $0.text.hasPrefix(prefix) })?.callbackData else {
            throw SandboxError(code: 400, description: "no button starting with \(prefix) among \(buttons.map(\.text))")
        }
        return data
    }
}

/// Each button press answered once and each chat holding the one message the flow edits.
func expectNoTapAnsweredTwice(_ sandbox: BotAPISandbox, chats: [Int64], sourceLocation: SourceLocation = #_sourceLocation) async throws {
    var answers: [String: Int] = [:]
    for call in await sandbox.calls where call.method.lowercased() == "answercallbackquery" && call.status == 200 {
        let parameters = try JSONDecoder().decode([String: JSONScalar].self, from: Data(call.parameters.utf8))
        if case .string(let id) = parameters["callback_query_id"] { answers[id, default: 0] += 1 }
    }
    #expect(answers.values.allSatisfy { $0 == 1 }, "a button answered twice", sourceLocation: sourceLocation)
    for chat in chats {
        let fromBot = await sandbox.state.transcript(of: chat).filter { $0.sender == "bot" }
        #expect(fromBot.count == 1, "chat \(chat) got \(fromBot.count) messages from the bot", sourceLocation: sourceLocation)
    }
}

/// A JSON value that is a string or anything else, for reading recorded parameters.
enum JSONScalar: Decodable {
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        self = (try? decoder.singleValueContainer().decode(String.self)).map(JSONScalar.string) ?? .other
    }
}

/// Runs `body` with a fresh folder and, for PostgreSQL, a fresh database's URL.
func withProcessShopStorage<Value>(
    _ kind: TestDatabaseKind, _ body: (_ folder: String, _ postgresURL: String?) async throws -> Value
) async throws -> Value {
    try await withTemporaryFolder { folder in
        switch kind {
        case .sqlite: try await body(folder, nil)
        case .postgres: try await withTemporaryPostgresURL { try await body(folder, $0) }
        }
    }
}

/// A fresh folder under the system's temporary one, removed afterwards.
func withTemporaryFolder<Value>(_ body: (String) async throws -> Value) async throws -> Value {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quantum-panel-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
