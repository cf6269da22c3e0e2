import ArgumentParser
import BotAPISandbox
import Foundation
import Histogram
import Logging
import Marketplace
import Synchronization
import TelegramBotAPI

/// `flow`: N customers at once, each /start → Products → the product → a price → Buy, waiting for
/// every reply before the next tap, against the real bot as its own process. The sandbox and the
/// customers run in this process, so the bot's CPU and memory are its own.
struct FlowBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "N customers buying at once against the bot as its own process; updates a second, reply latency, the bot's CPU per update and peak memory."
    )
    static let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
    static let productName = "Bench Kit"

    @Option(help: "Customers at once.") var customers = 200
    @Option(help: "The bot to drive: swift (this build's quantum-panel) or aiogram (the reference, installed by scripts/install-aiogram-reference).")
    var bot: BotUnderTest.Kind = .swift
    @Option(help: "A PostgreSQL URL; a SQLite file without it.") var postgres: String?
    @Option(help: "A Redis URL for the bot's cache.") var redis: String?
    @Flag(help: "One JSON object instead of text.") var json = false

    func validate() throws {
        if bot == .aiogram, postgres != nil || redis != nil {
            throw ValidationError("The aiogram reference runs on SQLite without Redis only.")
        }
    }

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qp-flow-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let databaseURL = postgres ?? "sqlite://" + folder + "/shop.sqlite"
        let location: MarketplaceDatabase.Location = postgres.map { .postgres(url: $0) } ?? .sqliteFile(folder + "/shop.sqlite")
        let count = customers
        let kind = bot
        let result = try await BotAPISandbox.withRunning { sandbox in
            var users: [SimulatedUser] = []
            for index in 0...count { users.append(await sandbox.makeUser(firstName: "Customer \(index)")) }
            var environment = ["BOT_TOKEN": sandbox.token.value, "TELEGRAM_API_URL": sandbox.baseURL]
            switch kind {
            case .swift:
                try await Self.seed(location, users: users)
                environment.merge(["ROOT_ADMIN_ID": "1", "DATABASE_URL": databaseURL, "LOG_DIR": folder + "/logs", "LOG_LEVEL": "notice"]) { $1 }
                environment["REDIS_URL"] = redis
            case .aiogram:
                // It seeds its own shop the same way: the product, a key for every customer, $5.00 each at /start.
                environment.merge(["DATABASE_PATH": folder + "/reference.sqlite", "SEED_PRODUCT": Self.productName, "SEED_KEYS": "\(users.count)", "START_BALANCE_CENTS": "500"]) { $1 }
            }
            if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
            let bot = try BotUnderTest(kind, environment: environment, in: folder)
            defer { bot.stop() }
            // The first customer warms the bot up (it migrates, connects and polls) and isn't counted.
            _ = try await users[0].send("/start")
            _ = try await users[0].nextMessage(timeout: .seconds(60))
            let latencies = Latencies()
            let cpuBefore = bot.cpuMilliseconds
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for user in users.dropFirst() {
                    group.addTask { try await Self.shop(as: user, recording: latencies) }
                }
                try await group.waitForAll()
            }
            let seconds = (ContinuousClock.now - start).seconds
            let updates = count * 5
            let histogram = latencies.histogram.withLock { $0 }
            return FlowResult(
                scenario: "flow", bot: kind.rawValue, customers: count, database: postgres == nil ? "sqlite" : "postgresql", redis: redis != nil, updates: updates, seconds: seconds,
                updatesPerSecond: Double(updates) / seconds,
                latencyMilliseconds: .init(
                    p50: Double(histogram.valueAtPercentile(50)) / 1000, p90: Double(histogram.valueAtPercentile(90)) / 1000,
                    p99: Double(histogram.valueAtPercentile(99)) / 1000, max: Double(histogram.max) / 1000
                ),
                cpuMillisecondsPerUpdate: (bot.cpuMilliseconds - cpuBefore) / Double(updates), peakResidentMegabytes: bot.peakResidentMegabytes
            )
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(result.text)
        }
    }

    /// One product with a key for every customer, and each customer registered with $5.00.
    static func seed(_ location: MarketplaceDatabase.Location, users: [SimulatedUser]) async throws {
        let database = try MarketplaceDatabase(location: location, poolSize: 2)
        do {
            try await database.migrate(logger: logger)
            let shop = Shop(database: database.database(logger: logger), currency: .usd, rootAdminID: 1, starValue: Money(minorUnits: 1, currency: .usd))
            let product = try await shop.catalog.createProduct(name: productName, description: "For the benchmark", photoFileID: nil, isPremiumOnly: false, by: 1)
            let price = try await shop.catalog.addPrice(to: product, durationLabel: "1 month", durationDays: 30, price: Money(minorUnits: 100, currency: .usd), resellerPrice: nil, by: 1)
            _ = try await shop.stock.addKeys((0..<users.count).map { "BENCH-\($0)" }.joined(separator: "\n"), to: price, by: 1)
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

    /// The five taps of a purchase, each timed from the tap to the bot's answer.
    static func shop(as user: SimulatedUser, recording latencies: Latencies) async throws {
        func timed(_ act: () async throws -> Void) async throws {
            let start = ContinuousClock.now
            try await act()
            _ = try await user.nextMessage(timeout: .seconds(120))
            let microseconds = UInt64(max(0, (ContinuousClock.now - start).seconds * 1_000_000))
            _ = latencies.histogram.withLock { $0.record(microseconds) }
        }
        try await timed { _ = try await user.send("/start") }
        for prefix in ["🛍 Products", productName, "1 month", "✅ Buy"] {
            try await timed { try await press(startingWith: prefix, as: user) }
        }
    }

    /// Presses the first button of the newest bot message whose label starts with `prefix`
    /// (labels carry stock counts that other customers change).
    static func press(startingWith prefix: String, as user: SimulatedUser) async throws {
        let buttons = await user.transcript().last(where: { $0.sender == "bot" })?.buttons.flatMap { $0 } ?? []
        guard let data = buttons.first(where: { $0.text.hasPrefix(prefix) })?.callbackData else {
            throw SandboxError(code: 400, description: "no button starting with \(prefix) among \(buttons.map(\.text))")
        }
        _ = try await user.press(callbackData: data)
    }
}

/// Reply latencies in microseconds, from every customer's task.
final class Latencies: Sendable {
    let histogram = Mutex(Histogram<UInt64>(highestTrackableValue: 120_000_000))
}

/// What a `flow` run measured.
struct FlowResult: Encodable {
    struct Latency: Encodable {
        var p50: Double, p90: Double, p99: Double, max: Double
    }

    var scenario: String
    var bot: String
    var customers: Int
    var database: String
    var redis: Bool
    var updates: Int
    var seconds: Double
    var updatesPerSecond: Double
    var latencyMilliseconds: Latency
    var cpuMillisecondsPerUpdate: Double
    var peakResidentMegabytes: Double

    var text: String {
        let latency = latencyMilliseconds
        return """
            \(scenario) (\(bot)): \(customers) customers, \(database)\(redis ? " + Redis" : ""): \(updates) updates in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", updatesPerSecond)) updates/s
              reply latency ms: p50 \(String(format: "%.1f", latency.p50)) · p90 \(String(format: "%.1f", latency.p90)) · p99 \(String(format: "%.1f", latency.p99)) · max \(String(format: "%.1f", latency.max))
              the bot: \(String(format: "%.3f", cpuMillisecondsPerUpdate)) ms CPU per update, peak resident \(String(format: "%.1f", peakResidentMegabytes)) MB
            """
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
