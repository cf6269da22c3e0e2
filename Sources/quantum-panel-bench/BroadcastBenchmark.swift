import ArgumentParser
import BotAPISandbox
import Foundation
import Marketplace
import TelegramBotAPI

/// `broadcast`: the root admin broadcasts to M customers through the panel, against the sandbox
/// with Telegram's flood limits on: how close to the limit the copies go, and whether every
/// customer got exactly one.
struct BroadcastBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "A broadcast from the panel to M customers with flood control on: messages a second against the limit, copies lost or sent twice."
    )
    @OptionGroup var options: BenchOptions
    @Option(help: "Messages a second the bot sends (BROADCAST_PER_SECOND, 1 to 30).") var perSecond = 30

    func validate() throws {
        if options.bot == .aiogram { throw ValidationError("The aiogram reference has no broadcasts.") }
        guard (1...30).contains(perSecond) else { throw ValidationError("--per-second must be from 1 to 30, as BROADCAST_PER_SECOND.") }
    }

    func run() async throws {
        let options = options
        let perSecond = perSecond
        let flood = FloodControl.telegram
        let result = try await BenchRun.with(customers: options.customers, sandbox: SandboxConfiguration(floodControl: flood)) { run in
            let admin = run.users[0]
            let location: MarketplaceDatabase.Location = options.postgres.map { .postgres(url: $0) } ?? .sqliteFile(run.folder + "/shop.sqlite")
            try await ShopBenchmark.seed(location, users: run.users, keys: 1)
            var environment = run.environment
            environment.merge([
                "ROOT_ADMIN_ID": "\(admin.id)", "DATABASE_URL": options.postgres ?? "sqlite://" + run.folder + "/shop.sqlite",
                "LOG_DIR": run.folder + "/logs", "LOG_LEVEL": "notice", "BROADCAST_PER_SECOND": "\(perSecond)",
            ]) { $1 }
            environment["REDIS_URL"] = options.redis
            let bot = try BotUnderTest(.swift, environment: environment, in: run.folder)
            defer { bot.stop() }
            let latencies = run.latencies
            let measurement = try await run.measure(bot, warmUp: "/admin") {
                try await admin.timedTap("📣 Broadcast", recording: latencies)
                try await admin.timedSend("<b>News</b>: a benchmark broadcast", recording: latencies)
                try await admin.timedTap("Skip", recording: latencies)
                try await admin.timedTap("👥 Everyone", recording: latencies)
                _ = try await admin.nextMessage(timeout: .seconds(60))  // the summary after the preview
                try await admin.timedTap("✅ Confirm", recording: latencies)
                while try await !(admin.nextMessage(timeout: .seconds(120)).text ?? "").contains("finished in") {}
            }
            if let file = options.metrics { try await MetricsSnapshot.write(from: run.folder + "/logs", to: file) }
            var result = run.result("broadcast", options, measurement)
            result.broadcast = try await Self.deliveries(run, flood: flood, cpuMilliseconds: measurement.cpuMilliseconds)
            return result
        }
        try result.print(json: options.json)
    }

    /// What the customers received, read from their chats, and the pace from the sandbox's log of calls.
    static func deliveries(_ run: BenchRun, flood: FloodControl, cpuMilliseconds: Double) async throws -> BenchResult.Broadcast {
        var delivered = 0
        var duplicates = 0
        for customer in run.customers {
            let copies = await customer.transcript().filter { $0.sender == "bot" && $0.text.contains("a benchmark broadcast") }.count
            if copies > 0 { delivered += 1 }
            if copies > 1 { duplicates += 1 }
        }
        let adminChat = "\"chat_id\":\(run.users[0].id)"
        let calls = await run.sandbox.state.recordedCalls
        let sends = calls.filter { $0.method == "sendMessage" && $0.status == 200 && !$0.parameters.contains(adminChat) }
        let seconds = (sends.last?.receivedAt ?? 0) - (sends.first?.receivedAt ?? 0)
        return BenchResult.Broadcast(
            recipients: run.customers.count, delivered: delivered, lost: run.customers.count - delivered, duplicates: duplicates,
            messagesPerSecond: Double(max(sends.count - 1, 0)) / max(seconds, 0.001), floodLimitPerSecond: flood.globalPerSecond,
            answered429: calls.filter { $0.status == 429 }.count, cpuMillisecondsPerCopy: cpuMilliseconds / Double(max(delivered, 1))
        )
    }
}
