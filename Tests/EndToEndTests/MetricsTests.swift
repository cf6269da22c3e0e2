import AsyncHTTPClient
import BotAPISandbox
import Foundation
import MarketplaceTesting
import NIOCore
import NIOHTTP1
import Synchronization
import TelegramBotAPI
import Testing

extension BotProcessTests {
    /// `/metrics` of the bot as its own process, after customers bought through a Bot API that
    /// answers some calls with 429.
    @Suite(.timeLimit(.minutes(3))) struct MetricsTests {
        static let buyers = 20

        @Test func metricsCountUpdatesCallsFloodWaitsAndSalesWithoutCustomerData() async throws {
            var configuration = SandboxConfiguration()
            configuration.faults = FaultInjection(tooManyRequests: 0.05, seed: 7)
            try await withProcessShopStorage(.sqlite) { folder, _ in
                try await BotAPISandbox.withRunning(configuration: configuration) { sandbox in
                    var shop = ProcessShop(folder: folder, sandbox: sandbox, redisURL: nil)
                    shop.opsPort = try freeLoopbackPort()
                    try await shop.stock(keys: Self.buyers)
                    let buyers = try await shop.customers(Self.buyers, named: "Buyer", balance: 500)
                    let bot = try shop.startBot("metrics")
                    let outcomes = Outcomes()
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for buyer in buyers { group.addTask { try await buyer.buyOneKey(outcomes) } }
                        try await group.waitForAll()
                    }
                    // A handler's update is counted once it returns, just after its reply reached the
                    // customer: read until the last tap is counted.
                    var text = ""
                    var metrics = PrometheusText("")
                    let deadline = ContinuousClock.now + .seconds(10)
                    repeat {
                        let response = try await HTTPClient.shared.execute(
                            HTTPClientRequest(url: "http://127.0.0.1:\(shop.opsPort!)/metrics"), timeout: .seconds(10))
                        #expect(response.status == .ok)
                        text = String(buffer: try await response.body.collect(upTo: 1 << 22))
                        metrics = PrometheusText(text)
                    } while metrics.sum("bot_update_duration_seconds_count", where: #"kind="callback_query""#) < Double(4 * Self.buyers)
                        && ContinuousClock.now < deadline
                    #expect(await bot.stop() == 0)

                    #expect(metrics.value("shop_purchases_total") == Double(Self.buyers))
                    #expect(metrics.value("shop_keys_sold_total") == Double(Self.buyers))
                    #expect(metrics.value(#"shop_revenue_minor_units_total{currency="USD"}"#) == Double(500 * Self.buyers))
                    #expect(metrics.sum("bot_updates_total", where: #"kind="message""#) >= Double(Self.buyers), "/start from each")
                    #expect(metrics.sum("bot_updates_total", where: #"kind="callback_query""#) >= Double(4 * Self.buyers), "four taps each")
                    #expect(metrics.sum("bot_update_duration_seconds_count", where: #"kind="callback_query""#) >= Double(4 * Self.buyers))
                    #expect(metrics.sum("telegram_api_requests_total", where: #"method="getUpdates",result="ok""#) >= 1)
                    #expect(metrics.sum("telegram_api_requests_total", where: #"result="ok""#) >= Double(5 * Self.buyers), "an answer to every tap")
                    #expect(metrics.sum("telegram_api_requests_total", where: #"result="tooManyRequests""#) >= 1, "the 429s are counted")
                    #expect(metrics.sum("telegram_api_retry_wait_seconds_total", where: #"reason="flood""#) >= 1, "and the time waited for them")
                    #expect(metrics.value("bot_updates_in_flight") != nil)
                    #expect(metrics.sum("cache_lookups_total", where: #"result="hit""#) >= 1)

                    // Nothing about a customer: no id, no name, no key.
                    for buyer in buyers {
                        #expect(!text.contains(String(buyer.id)), "customer \(buyer.id) appears in /metrics")
                    }
                    #expect(!text.contains("Buyer"))
                    #expect(!text.contains(ProcessShop.productName.prefix(5).uppercased() + "-"), "a key appears in /metrics")
                    #expect(!text.contains(sandbox.token.value))

                    // As Prometheus users expect: every metric described, the process's own figures,
                    // and the stock of each price on sale (all sold here).
                    #expect(try Self.promtoolProblems(text) == "", "promtool check metrics")
                    for name in [
                        "process_resident_memory_bytes", "process_cpu_seconds_total", "process_open_fds", "process_max_fds",
                        "process_start_time_seconds",
                    ] {
                        #expect((metrics.value(name) ?? 0) > 0, "\(name)")
                    }
                    #expect(
                        metrics.samples.contains { $0.series.hasPrefix("shop_unsold_keys{price_id=") && $0.value == 0 },
                        "the sold-out price is at zero")
                    #expect(text.contains("# HELP shop_purchases_total Completed purchases."))
                }
            }
        }
    }
}

extension BotProcessTests.MetricsTests {
    /// What Debian's `promtool check metrics` says of `text` (empty: nothing). Missing promtool
    /// fails under CI, where `scripts/test` installs it.
    static func promtoolProblems(_ text: String) throws -> String {
        let path = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("promtool is missing: scripts/test installs Debian's prometheus package")
            }
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let said = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : String(decoding: said, as: UTF8.self)
    }
}

/// Prometheus's text format, read back: `name{labels} value` lines.
struct PrometheusText {
    let samples: [(series: String, value: Double)]

    init(_ text: String) {
        samples = text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { return nil }
            return (String(line[..<space]), value)
        }
    }

    /// The value of one exact series (`name` or `name{labels}`).
    func value(_ series: String) -> Double? {
        samples.first { $0.series == series }?.value
    }

    /// The sum over the series of `name` whose labels contain `labels`.
    func sum(_ name: String, where labels: String) -> Double {
        samples.filter { $0.series.hasPrefix(name + "{") && $0.series.contains(labels) }.map(\.value).reduce(0, +)
    }
}
