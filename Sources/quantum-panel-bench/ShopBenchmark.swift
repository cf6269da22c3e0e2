import ArgumentParser
import BotAPISandbox
import Foundation
import Logging
import Marketplace
import Synchronization
import TelegramBotAPI

/// The shop's scenarios: every customer at once through one journey, waiting for each reply
/// before the next tap, against the real bot as its own process.
enum ShopBenchmark {
    static let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
    static let productName = "Bench Kit"

    enum Journey: String {
        /// /start → 🛍 Products → the product → 1 month → ✅ Buy: 5 updates.
        case flow
        /// /start → 🛍 Products → the product → ‹ Back → the product → ‹ Back: 6 updates, none buying.
        case browse
        /// flow with fewer keys than buyers.
        case race
    }

    static func run(_ journey: Journey, _ options: BenchOptions, keys: Int? = nil) async throws -> BenchResult {
        let outcomes = RaceOutcomes()
        return try await BenchRun.with(customers: options.customers) { run in
            let databaseURL = options.postgres ?? "sqlite://" + run.folder + "/shop.sqlite"
            let location: MarketplaceDatabase.Location = options.postgres.map { .postgres(url: $0) } ?? .sqliteFile(run.folder + "/shop.sqlite")
            var environment = run.environment
            switch options.bot {
            case .swift:
                try await seed(location, users: run.users, keys: keys ?? run.users.count)
                environment.merge(["ROOT_ADMIN_ID": "1", "DATABASE_URL": databaseURL, "LOG_DIR": run.folder + "/logs", "LOG_LEVEL": "notice"]) { $1 }
                environment["REDIS_URL"] = options.redis
            case .aiogram:
                // It seeds its own shop the same way: the product, a key for every customer, $5.00 each at /start.
                environment.merge([
                    "DATABASE_PATH": run.folder + "/reference.sqlite", "SEED_PRODUCT": productName, "SEED_KEYS": "\(run.users.count)",
                    "START_BALANCE_CENTS": "500",
                ]) { $1 }
            }
            let bot = try BotUnderTest(options.bot, environment: environment, in: run.folder)
            defer { bot.stop() }
            let latencies = run.latencies
            let measurement = try await run.measure(bot) {
                try await run.everyCustomer { user in
                    switch journey {
                    case .flow: try await shop(as: user, latencies)
                    case .browse: try await browse(as: user, latencies)
                    case .race: try await outcomes.add(race(as: user, latencies))
                    }
                }
            }
            if let file = options.metrics { try await MetricsSnapshot.write(from: run.folder + "/logs", to: file) }
            var result = run.result(journey.rawValue, options, measurement)
            if journey == .race { result.race = outcomes.summary(keys: keys ?? run.users.count) }
            return result
        }
    }

    /// One product with `keys` keys, and every customer registered with $5.00.
    static func seed(_ location: MarketplaceDatabase.Location, users: [SimulatedUser], keys: Int) async throws {
        let database = try MarketplaceDatabase(location: location, poolSize: 2)
        do {
            try await database.migrate(logger: logger)
            let shop = Shop(
                database: database.database(logger: logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
            let product = try await shop.catalogue.createProduct(
                name: productName, description: "For the benchmark", photoFileID: nil, isPremiumOnly: false, by: 1)
            let price = try await shop.catalogue.addPrice(
                to: product, durationLabel: "1 month", durationDays: 30, price: Money(minorUnits: 100, currency: .usd), resellerPrice: nil, by: 1)
            _ = try await shop.stock.addKeys((0..<keys).map { "BENCH-\($0)" }.joined(separator: "\n"), to: price, by: 1)
            for user in users {
                _ = try await shop.users.register(telegramID: user.id, username: nil, firstName: user.user.firstName, languageCode: "en")
                try await shop.ledger.credit(Money(minorUnits: 500, currency: .usd), to: user.id, reason: .adminCredit, actorID: 1)
            }
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    static func shop(as user: SimulatedUser, _ latencies: Latencies) async throws {
        try await user.timedSend("/start", recording: latencies)
        for prefix in ["🛍 Products", productName, "1 month", "✅ Buy"] {
            try await user.timedTap(prefix, recording: latencies)
        }
    }

    static func browse(as user: SimulatedUser, _ latencies: Latencies) async throws {
        try await user.timedSend("/start", recording: latencies)
        for prefix in ["🛍 Products", productName, "‹ Back", productName, "‹ Back"] {
            try await user.timedTap(prefix, recording: latencies)
        }
    }

    /// flow, for a buyer who may find the keys gone at any step: what the bot told them last.
    static func race(as user: SimulatedUser, _ latencies: Latencies) async throws -> RaceOutcomes.Outcome {
        var last = try await user.timedSend("/start", recording: latencies)
        for prefix in ["🛍 Products", productName, "1 month", "✅ Buy"] {
            guard let reply = try await user.timedTap(startingWith: prefix, recording: latencies) else { break }
            last = reply
        }
        let shown = last.text ?? last.caption ?? ""
        if shown.contains("Purchase complete") {
            guard let key = shown.firstMatch(of: /BENCH-[0-9]+/) else {
                throw SandboxError(code: 500, description: "a receipt without a key: \(shown)")
            }
            return .bought(key: String(key.output))
        }
        guard shown.localizedCaseInsensitiveContains("out of stock") else {
            throw SandboxError(code: 500, description: "a buyer was neither sold a key nor told it's out of stock: \(shown)")
        }
        return .toldOutOfStock
    }
}

/// What the buyers of `race` got.
final class RaceOutcomes: Sendable {
    enum Outcome {
        case bought(key: String)
        case toldOutOfStock
    }

    private let outcomes = Mutex<[Outcome]>([])

    func add(_ outcome: Outcome) {
        outcomes.withLock { $0.append(outcome) }
    }

    func summary(keys: Int) -> BenchResult.Race {
        let all = outcomes.withLock { $0 }
        let delivered = all.compactMap { if case .bought(let key) = $0 { key } else { nil } }
        return BenchResult.Race(
            keys: keys, sold: delivered.count, distinctKeysDelivered: Set(delivered).count, toldOutOfStock: all.count - delivered.count)
    }
}

struct FlowBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "N customers buying at once: /start → Products → the product → a price → Buy."
    )
    @OptionGroup var options: BenchOptions

    func run() async throws {
        try await ShopBenchmark.run(.flow, options).print(json: options.json)
    }
}

struct BrowseBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "N customers browsing at once: /start → Products → the product → Back → the product → Back."
    )
    @OptionGroup var options: BenchOptions

    func validate() throws {
        if options.bot == .aiogram { throw ValidationError("The aiogram reference runs flow only.") }
    }

    func run() async throws {
        try await ShopBenchmark.run(.browse, options).print(json: options.json)
    }
}

struct RaceBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "race",
        abstract: "N buyers at once for K < N keys: how many sold, whether every key went to one buyer, how many were told it's out of stock."
    )
    @OptionGroup var options: BenchOptions
    @Option(help: "Keys in stock; fewer than the customers.") var keys = 50

    func validate() throws {
        if options.bot == .aiogram { throw ValidationError("The aiogram reference runs flow only.") }
        guard keys >= 1, keys < options.customers else { throw ValidationError("--keys must be from 1 to one less than --customers.") }
    }

    func run() async throws {
        try await ShopBenchmark.run(.race, options, keys: keys).print(json: options.json)
    }
}
