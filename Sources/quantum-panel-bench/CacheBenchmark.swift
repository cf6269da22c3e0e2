import FluentKit
import Foundation
import Logging
import Marketplace
import RedisClient
import Synchronization

/// Measures admin checks and catalogue loads through each cache, against the same database.
///
///     swift run -c release quantum-panel-bench cache [--redis redis://127.0.0.1:6379] [--postgres postgres://…]
///
/// Prints one line per case with operations per second. A benchmark, not a test: the figures go
/// in the README, nothing asserts on them.
struct CacheBenchmark {
    static let logger = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })

    static func run(_ arguments: [String]) async throws {
        func option(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qp-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let location: MarketplaceDatabase.Location = option("--postgres").map { .postgres(url: $0) } ?? .sqliteFile(folder + "/bench.sqlite")
        let database = try MarketplaceDatabase(location: location, poolSize: 4)
        try await database.migrate(logger: logger)
        let db = database.database(logger: logger)
        let customer = try await seed(db)

        var caches: [(String, any Cache)] = [("database only", DisabledCache()), ("memory cache", MemoryCache())]
        var redis: RedisClient?
        var pool: [RedisClient] = []
        if let url = option("--redis") {
            let client = RedisClient(configuration: try RedisConfiguration(url: url), logger: logger)
            redis = client
            let cache = RedisCache(redis: client, namespace: "bench:\(UUID().uuidString):")
            caches.append(("redis cache", DegradingCache(wrapping: cache, logger: logger)))
            // The same load over four connections, to compare with one pipelined connection.
            pool = try (0..<4).map { _ in RedisClient(configuration: try RedisConfiguration(url: url), logger: logger) }
            let namespace = "bench:\(UUID().uuidString):"
            caches.append(
                (
                    "redis pool of 4",
                    DegradingCache(wrapping: RoundRobinCache(pool.map { RedisCache(redis: $0, namespace: namespace) }), logger: logger)
                ))
        }
        print("database: \(location == .sqliteFile(folder + "/bench.sqlite") ? "SQLite file" : "PostgreSQL")")
        for (name, cache) in caches {
            let admins = AdminService(database: db, rootAdminID: 1, cache: cache)
            let adminRate = try await rate(operations: 5_000) { index in _ = try await admins.isAdmin(Int64(1_000 + index % 200)) }
            let catalogue = CatalogueService(database: db, currency: .usd, cache: cache)
            let catalogueRate = try await rate(operations: 1_000) { _ in _ = try await catalogue.products(for: customer) }
            print(
                "\(name.padding(toLength: 16, withPad: " ", startingAt: 0))  admin checks: \(Int(adminRate)) /s   catalogue views: \(Int(catalogueRate)) /s"
            )
        }
        await redis?.close()
        for client in pool { await client.close() }
        await database.shutdown()
    }

    /// 30 products of 3 prices with 20 keys each, 100 admins, one customer.
    static func seed(_ db: any Database) async throws -> CustomerSnapshot {
        let catalogue = CatalogueService(database: db, currency: .usd)
        let stock = StockService(database: db)
        for product in 1...30 {
            let id = try await catalogue.createProduct(name: "Product \(product)", description: "A product for the benchmark", by: 1)
            for (label, days) in [("1 month", 30), ("3 months", 90), ("Lifetime", 0)] {
                let price = try await catalogue.addPrice(
                    to: id, durationLabel: label, durationDays: days == 0 ? nil : days, price: Money(minorUnits: 499, currency: .usd), by: 1)
                _ = try await stock.addKeys((1...20).map { "P\(product)-\(label)-\($0)" }.joined(separator: "\n"), to: price, by: 1)
            }
        }
        let admins = AdminService(database: db, rootAdminID: 1)
        for admin in Int64(1_000)..<1_100 { try await admins.add(admin, username: nil, by: 1) }
        return try await UserService(database: db, currency: .usd).register(telegramID: 42, username: nil, firstName: "Bench", languageCode: "en")
    }

    /// Runs `operation` `operations` times, 8 at a time, and returns operations per second.
    static func rate(operations: Int, _ operation: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<operations {
                if index >= 8 { try await group.next() }
                group.addTask { try await operation(index) }
            }
            try await group.waitForAll()
        }
        let elapsed = start.duration(to: .now)
        return Double(operations) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// Spreads calls over several caches in turn: a connection pool, for comparison.
final class RoundRobinCache: Cache {
    private let caches: [any Cache]
    private let next = Mutex(0)

    init(_ caches: [any Cache]) {
        self.caches = caches
    }

    private func pick() -> any Cache {
        caches[
            next.withLock { index in
                defer { index = (index + 1) % caches.count }
                return index
            }]
    }

    func get(_ key: String) async throws -> [UInt8]? { try await pick().get(key) }
    func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws { try await pick().set(key, value, ttl: ttl) }
    func delete(_ key: String) async throws { try await pick().delete(key) }
    func deletePrefix(_ prefix: String) async throws { try await pick().deletePrefix(prefix) }
    func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool { try await pick().lease(key, token: token, ttl: ttl) }
    func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws {
        try await pick().fulfil(key, token: token, with: value, ttl: ttl)
    }
}
