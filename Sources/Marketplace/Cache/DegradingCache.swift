import Logging
import Synchronization

/// Wraps a cache that can fail (Redis) so that its failures cost speed, never a request.
///
/// When the wrapped cache errors or times out, reads miss and writes are skipped, so every call
/// falls through to the database; the outage is logged once, not once per call, and the wrapped
/// cache is tried again after `pause`. Invalidations missed during an outage could leave stale
/// values behind, so on recovery the whole cache is cleared before it is used again.
public final class DegradingCache: Cache {
    private let wrapped: any Cache
    private let pause: Duration
    private let logger: Logger

    private enum Health {
        case healthy
        /// Failing since the outage began; not tried again before `retryAt`.
        case down(retryAt: ContinuousClock.Instant)
    }

    // Guards the health; every call reads it, failures and recoveries write it.
    private let health = Mutex(Health.healthy)

    public init(wrapping cache: any Cache, pause: Duration = .seconds(5), logger: Logger) {
        self.wrapped = cache
        self.pause = pause
        self.logger = logger
        ShopMetrics.cacheBackend(up: true)
    }

    public func get(_ key: String) async throws -> [UInt8]? {
        await attempt { try await $0.get(key) } ?? nil
    }

    public func set(_ key: String, _ value: [UInt8], ttl: Duration) async throws {
        _ = await attempt { try await $0.set(key, value, ttl: ttl) }
    }

    public func delete(_ key: String) async throws {
        _ = await attempt { try await $0.delete(key) }
    }

    public func deletePrefix(_ prefix: String) async throws {
        _ = await attempt { try await $0.deletePrefix(prefix) }
    }

    public func lease(_ key: String, token: [UInt8], ttl: Duration) async throws -> Bool {
        await attempt { try await $0.lease(key, token: token, ttl: ttl) } ?? false
    }

    public func fulfil(_ key: String, token: [UInt8], with value: [UInt8], ttl: Duration) async throws {
        _ = await attempt { try await $0.fulfil(key, token: token, with: value, ttl: ttl) }
    }

    /// Whether the wrapped cache is in use right now.
    public var isHealthy: Bool {
        health.withLock { if case .healthy = $0 { true } else { false } }
    }

    /// Runs `operation` on the wrapped cache unless it is down; nil when skipped or failed.
    private func attempt<Result>(_ operation: (any Cache) async throws -> Result) async -> Result? {
        let now = ContinuousClock.now
        let recovering: Bool
        switch health.withLock({ $0 }) {
        case .healthy:
            recovering = false
        case .down(let retryAt):
            guard now >= retryAt else { return nil }
            recovering = true
        }
        do {
            if recovering {
                try await wrapped.deletePrefix("")
                health.withLock { $0 = .healthy }
                ShopMetrics.cacheBackend(up: true)
                logger.notice("Cache is back; cleared it of values from before the outage")
            }
            return try await operation(wrapped)
        } catch is CancellationError {
            return nil
        } catch {
            let firstFailure = health.withLock { health in
                defer { health = .down(retryAt: .now + pause) }
                if case .healthy = health { return true }
                return false
            }
            if firstFailure {
                ShopMetrics.cacheBackend(up: false)
                logger.warning("Cache unavailable; serving from the database until it is back", metadata: ["error": "\(error)"])
            }
            return nil
        }
    }
}
