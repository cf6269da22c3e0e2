import Foundation
import Histogram
import Synchronization

/// Reply latencies in microseconds, from every customer's task; one per update the bot handled.
final class Latencies: Sendable {
    let histogram = Mutex(Histogram<UInt64>(highestTrackableValue: 120_000_000))

    func record(since start: ContinuousClock.Instant) {
        let microseconds = UInt64(max(0, (ContinuousClock.now - start).seconds * 1_000_000))
        _ = histogram.withLock { $0.record(microseconds) }
    }
}

/// What a scenario measured: the same figures for every scenario, and what only one of them has.
struct BenchResult: Encodable {
    struct Latency: Encodable {
        var p50: Double, p90: Double, p99: Double, max: Double
    }

    /// `race`: what the buyers got.
    struct Race: Encodable {
        var keys: Int
        var sold: Int
        var distinctKeysDelivered: Int
        var toldOutOfStock: Int
    }

    /// `broadcast`: how close to Telegram's limit, and whether anyone was missed.
    struct Broadcast: Encodable {
        var recipients: Int
        var delivered: Int
        var lost: Int
        var duplicates: Int
        var messagesPerSecond: Double
        var floodLimitPerSecond: Double
        var answered429: Int
        /// The bot's CPU for the whole broadcast (the admin's taps too) by copy delivered.
        var cpuMillisecondsPerCopy: Double
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
    /// From starting the bot's process to its first getUpdates.
    var startupSeconds: Double?
    var race: Race?
    var broadcast: Broadcast?

    init(
        scenario: String, bot: String, customers: Int, database: String, redis: Bool, seconds: Double, latencies: Latencies, cpuMilliseconds: Double,
        peakResidentMegabytes: Double
    ) {
        let histogram = latencies.histogram.withLock { $0 }
        self.scenario = scenario
        self.bot = bot
        self.customers = customers
        self.database = database
        self.redis = redis
        self.updates = Int(histogram.totalCount)
        self.seconds = seconds
        self.updatesPerSecond = Double(updates) / seconds
        self.latencyMilliseconds = Latency(
            p50: Double(histogram.valueAtPercentile(50)) / 1000, p90: Double(histogram.valueAtPercentile(90)) / 1000,
            p99: Double(histogram.valueAtPercentile(99)) / 1000, max: Double(histogram.max) / 1000
        )
        self.cpuMillisecondsPerUpdate = cpuMilliseconds / Double(max(updates, 1))
        self.peakResidentMegabytes = peakResidentMegabytes
    }

    func print(json: Bool) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Swift.print(String(decoding: try encoder.encode(self), as: UTF8.self))
        } else {
            Swift.print(text)
        }
    }

    var text: String {
        let latency = latencyMilliseconds
        var lines = [
            "\(scenario) (\(bot)): \(customers) customers, \(database)\(redis ? " + Redis" : ""): \(updates) updates in \(String(format: "%.2f", seconds)) s = \(String(format: "%.0f", updatesPerSecond)) updates/s",
            "  reply latency ms: p50 \(String(format: "%.1f", latency.p50)) · p90 \(String(format: "%.1f", latency.p90)) · p99 \(String(format: "%.1f", latency.p99)) · max \(String(format: "%.1f", latency.max))",
            "  the bot: \(String(format: "%.3f", cpuMillisecondsPerUpdate)) ms CPU per update, peak resident \(String(format: "%.1f", peakResidentMegabytes)) MB"
                + (startupSeconds.map { ", first getUpdates \(String(format: "%.0f", $0 * 1000)) ms after start" } ?? ""),
        ]
        if let race {
            lines.append(
                "  \(race.keys) keys: \(race.sold) sold, \(race.distinctKeysDelivered) distinct keys delivered, \(race.toldOutOfStock) told out of stock"
            )
        }
        if let broadcast {
            lines.append(
                "  broadcast: \(broadcast.delivered) of \(broadcast.recipients) delivered (\(broadcast.lost) lost, \(broadcast.duplicates) twice), \(String(format: "%.1f", broadcast.messagesPerSecond)) a second against a limit of \(String(format: "%.0f", broadcast.floodLimitPerSecond)) (\(String(format: "%.0f", 100 * broadcast.messagesPerSecond / broadcast.floodLimitPerSecond)) %), \(broadcast.answered429) answered 429, \(String(format: "%.3f", broadcast.cpuMillisecondsPerCopy)) ms of the bot's CPU a copy"
            )
        }
        return lines.joined(separator: "\n")
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
