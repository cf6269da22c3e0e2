import BotAPISandbox
import FluentKit
import Foundation
import Logging
import Marketplace
import QuantumPanel
import Synchronization
import TelegramBotAPI
import Testing

/// The bot as its own process, killed with SIGKILL in the middle of the shop's busiest moments
/// and started again on the same database: nothing Telegram delivered is lost, nothing is doubled.
@Suite(.timeLimit(.minutes(5))) struct CrashRecoveryTests {
    static let buyers = 100
    static let payers = 10
    static let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// What the customers saw, gathered while they shop.
    final class Outcomes: Sendable {
        let keys = Mutex<[Int64: [String]]>([:])
        let charges = Mutex<[Int64: [String]]>([:])
        let receipts = Mutex<[Int64: String]>([:])
        let (delivered, deliveredContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    @Test func aBotKilledInTheMiddleOfPurchasesAndPaymentsLosesAndDoublesNothing() async throws {
        try await withTemporaryFolder { folder in
            try await BotAPISandbox.withRunning { sandbox in
                let database = try MarketplaceDatabase(location: .sqliteFile(folder + "/shop.sqlite"), additionalMigrations: BotStorage.migrations)
                let shop = Shop(database: database.database(logger: Self.logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
                let (buyers, payers) = try await Self.stock(shop, database: database, sandbox: sandbox)
                await database.shutdown()

                let environment = [
                    "BOT_TOKEN": sandbox.token.value, "ROOT_ADMIN_ID": "1", "TELEGRAM_API_URL": sandbox.baseURL,
                    "DATABASE_URL": "sqlite://" + folder + "/shop.sqlite", "LOG_DIR": folder + "/logs", "LOG_LEVEL": "notice",
                    "STARS_TOP_UPS": "100", "STAR_VALUE": "0.01",
                ]
                let outcomes = Outcomes()
                var bot = try BotProcess(environment: environment, in: folder, name: "first")
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for buyer in buyers {
                        group.addTask { try await Self.buyOneKey(buyer, outcomes) }
                    }
                    for payer in payers {
                        group.addTask { try await Self.topUp(payer, outcomes) }
                    }
                    // Killed once a fifth of the buyers have their key: the rest are mid-flow,
                    // and the payments are in every stage from invoice to credit.
                    var delivered = 0
                    for await _ in outcomes.delivered {
                        delivered += 1
                        if delivered == Self.buyers / 5 { break }
                    }
                    await bot.kill()
                    bot = try BotProcess(environment: environment, in: folder, name: "second")
                    try await group.waitForAll()
                }
                #expect(await bot.stop() == 0, "a graceful stop after the restart: \(bot.log)")
                let replayed = bot.log.components(separatedBy: "did not finish").count - 1
                print("crash test: killed after \(Self.buyers / 5) of \(Self.buyers) keys; \(replayed) updates kept in the inbox were handled after the restart")

                let keys = outcomes.keys.withLock { $0 }
                #expect(keys.count == Self.buyers, "every buyer got an answer to Buy")
                #expect(keys.values.allSatisfy { $0.count == 1 }, "one key each: \(outcomes.receipts.withLock { $0 }.filter { keys[$0.key]?.count != 1 }.prefix(3))")
                #expect(Set(keys.values.flatMap { $0 }).count == Self.buyers, "no key sold twice")
                try await Self.expectNoTapAnsweredTwice(sandbox, chats: buyers.map(\.chatID))

                let reopened = try MarketplaceDatabase(location: .sqliteFile(folder + "/shop.sqlite"), additionalMigrations: BotStorage.migrations)
                let after = Shop(database: reopened.database(logger: Self.logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
                for buyer in buyers {
                    let orders = try await after.orders.orders(of: buyer.id, page: 1)
                    #expect(orders.items.count == 1, "exactly one order for \(buyer.id)")
                    #expect(try await after.users.find(telegramID: buyer.id)?.balance.minorUnits == 0, "charged once")
                }
                let charges = outcomes.charges.withLock { $0 }
                for payer in payers {
                    let paid = charges[payer.id] ?? []
                    #expect(paid.count >= 1)
                    #expect(try await after.users.find(telegramID: payer.id)?.balance.minorUnits == Int64(100 * paid.count), "each charge credited once")
                    #expect(try await after.ledger.recentLines(of: payer.id).filter { $0.reason == .starsTopUp }.count == paid.count)
                }
                await reopened.shutdown()
            }
        }
    }

    /// One product with a key for each buyer; buyers with $5.00 and payers with nothing, registered.
    static func stock(_ shop: Shop, database: MarketplaceDatabase, sandbox: BotAPISandbox) async throws -> (buyers: [SimulatedUser], payers: [SimulatedUser]) {
        try await database.migrate(logger: logger)
        let product = try await shop.catalog.createProduct(name: "Crash Kit", description: "Survives anything", photoFileID: nil, isPremiumOnly: false, by: 1)
        let price = try await shop.catalog.addPrice(to: product, durationLabel: "1 month", durationDays: 30, price: Money(minorUnits: 500, currency: .usd), resellerPrice: nil, by: 1)
        _ = try await shop.stock.addKeys((1...buyers).map { "CRASH-\($0)" }.joined(separator: "\n"), to: price, by: 1)
        var buyers: [SimulatedUser] = []
        for index in 1...Self.buyers {
            let user = await sandbox.makeUser(firstName: "Buyer \(index)")
            _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: user.user.firstName, languageCode: "en")
            _ = try await shop.ledger.credit(Money(minorUnits: 500, currency: .usd), to: user.id, reason: .adminCredit, actorID: 1)
            buyers.append(user)
        }
        var payers: [SimulatedUser] = []
        for index in 1...Self.payers {
            let user = await sandbox.makeUser(firstName: "Payer \(index)")
            _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: user.user.firstName, languageCode: "en")
            payers.append(user)
        }
        return (buyers, payers)
    }

    /// /start, Products, the product, the price, Buy: each tap waits for its answer, as a person does.
    static func buyOneKey(_ buyer: SimulatedUser, _ outcomes: Outcomes) async throws {
        _ = try await buyer.ask("/start", within: .seconds(60))
        _ = try await buyer.tap(startingWith: "🛍 Products", within: .seconds(60))
        _ = try await buyer.tap(startingWith: "Crash Kit", within: .seconds(60))
        _ = try await buyer.tap(startingWith: "1 month", within: .seconds(60))
        let receipt = try await buyer.tap(startingWith: "✅ Buy", within: .seconds(60))
        outcomes.keys.withLock { $0[buyer.id] = receipt.codeSpans }
        outcomes.receipts.withLock { $0[buyer.id] = receipt.shown }
        outcomes.deliveredContinuation.yield()
    }

    /// Balance, Stars, an invoice, paid; a payment the bot could not confirm in time is paid again.
    static func topUp(_ payer: SimulatedUser, _ outcomes: Outcomes) async throws {
        _ = try await payer.ask("/start", within: .seconds(60))
        _ = try await payer.tap(startingWith: "💰 Balance", within: .seconds(60))
        _ = try await payer.tap(startingWith: "⭐ Top up", within: .seconds(60))
        try await payer.press("⭐ 100 → $1.00")
        let invoice = try await payer.nextMessage(timeout: .seconds(60))
        while true {
            switch try await payer.pay(invoiceMessageID: invoice.messageID) {
            case .paid(let chargeID):
                outcomes.charges.withLock { $0[payer.id, default: []].append(chargeID) }
                while try await !payer.nextMessage(timeout: .seconds(60)).shown.contains("added") {}
                return
            case .timedOut:
                continue
            case .declined(let reason):
                Issue.record("payment declined: \(reason)")
                return
            }
        }
    }

    /// Each button press answered once and each chat holding the one message the flow edits.
    static func expectNoTapAnsweredTwice(_ sandbox: BotAPISandbox, chats: [Int64], sourceLocation: SourceLocation = #_sourceLocation) async throws {
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
}

/// A JSON value that is a string or anything else, for reading recorded parameters.
enum JSONScalar: Decodable {
    case string(String)
    case other

    init(from decoder: any Decoder) throws {
        self = (try? decoder.singleValueContainer().decode(String.self)).map(JSONScalar.string) ?? .other
    }
}

extension SimulatedUser {
    /// Sends text and returns the bot's reply, waiting as long as a restart may take.
    func ask(_ text: String, within timeout: Duration) async throws -> Message {
        try await send(text)
        return try await nextMessage(timeout: timeout)
    }

    /// Presses the first button of the newest message whose label starts with `prefix` (labels
    /// carry stock counts that other customers change) and returns the message it led to.
    func tap(startingWith prefix: String, within timeout: Duration) async throws -> Message {
        let buttons = await transcript().last(where: { $0.sender == "bot" })?.buttons.flatMap { $0 } ?? []
        guard let data = buttons.first(where: { $0.text.hasPrefix(prefix) })?.callbackData else {
            throw SandboxError(code: 400, description: "no button starting with \(prefix) among \(buttons.map(\.text))")
        }
        try await press(callbackData: data)
        return try await nextMessage(timeout: timeout)
    }
}

/// A fresh folder under the system's temporary one, removed afterwards.
func withTemporaryFolder<Value>(_ body: (String) async throws -> Value) async throws -> Value {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("quantum-panel-e2e-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
