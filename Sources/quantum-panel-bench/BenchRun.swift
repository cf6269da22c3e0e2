import BotAPISandbox
import Foundation
import TelegramBotAPI

/// One benchmark run: a temporary folder, the sandbox and its simulated users in this process, and
/// the bot as its own process, so that the CPU and memory read from /proc are the bot's alone.
///
/// `users[0]` warms the bot up (it migrates, connects and polls) and isn't counted; the others are
/// the scenario's customers.
struct BenchRun: Sendable {
    let folder: String
    let sandbox: BotAPISandbox
    let users: [SimulatedUser]
    let latencies = Latencies()

    var customers: ArraySlice<SimulatedUser> { users.dropFirst() }

    /// What the bot needs to reach the sandbox, and a PATH for the aiogram reference's python.
    var environment: [String: String] {
        var environment = [
            "BOT_TOKEN": sandbox.token.value, "TELEGRAM_API_URL": sandbox.baseURL, "HTTP_HOST": "127.0.0.1", "HTTP_PORT": "0",
            "OPS_HOST": "127.0.0.1", "OPS_PORT": "0",
        ]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        return environment
    }

    static func with<Value: Sendable>(
        customers: Int, sandbox configuration: SandboxConfiguration = .init(), _ body: @Sendable (BenchRun) async throws -> Value
    ) async throws -> Value {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qp-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await BotAPISandbox.withRunning(configuration: configuration) { sandbox in
            var users: [SimulatedUser] = []
            for index in 0...customers { users.append(await sandbox.makeUser(firstName: "Customer \(index)")) }
            return try await body(BenchRun(folder: folder, sandbox: sandbox, users: users))
        }
    }

    /// What the bot spent on `body`, after `users[0]` sent `warmUp` and got an answer.
    struct Measurement {
        /// From starting the bot's process to its first getUpdates.
        var startupSeconds: Double?
        var seconds: Double
        var cpuMilliseconds: Double
        var peakResidentMegabytes: Double
    }

    func measure(_ bot: BotUnderTest, warmUp: String = "/start", _ body: () async throws -> Void) async throws -> Measurement {
        _ = try await users[0].send(warmUp)
        _ = try await users[0].nextMessage(timeout: .seconds(60))
        let firstPoll = await sandbox.state.recordedCalls.first { $0.method == "getUpdates" }
        let cpuBefore = bot.cpuMilliseconds
        let start = ContinuousClock.now
        try await body()
        let seconds = (ContinuousClock.now - start).seconds
        return Measurement(
            startupSeconds: firstPoll.map { $0.receivedAt - bot.startedAt }, seconds: seconds, cpuMilliseconds: bot.cpuMilliseconds - cpuBefore,
            peakResidentMegabytes: bot.peakResidentMegabytes)
    }

    /// Runs `journey` for every customer at once.
    func everyCustomer(_ journey: @escaping @Sendable (SimulatedUser) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for user in customers {
                group.addTask { try await journey(user) }
            }
            try await group.waitForAll()
        }
    }

    func result(_ scenario: String, _ options: BenchOptions, _ measurement: Measurement) -> BenchResult {
        var result = BenchResult(
            scenario: scenario, bot: options.bot.rawValue, customers: customers.count, database: options.database, redis: options.redis != nil,
            seconds: measurement.seconds, latencies: latencies, cpuMilliseconds: measurement.cpuMilliseconds,
            peakResidentMegabytes: measurement.peakResidentMegabytes
        )
        result.startupSeconds = measurement.startupSeconds
        return result
    }
}

extension SimulatedUser {
    /// Sends `text` and waits for the bot's answer, recording how long it took.
    @discardableResult
    func timedSend(_ text: String, recording latencies: Latencies) async throws -> Message {
        let start = ContinuousClock.now
        _ = try await send(text)
        let reply = try await nextMessage(timeout: .seconds(120))
        latencies.record(since: start)
        return reply
    }

    /// Presses the first button of the newest bot message whose label starts with `prefix` (labels
    /// carry stock counts that other customers change) and waits for the bot's answer, recording
    /// how long it took. Nil, with nothing pressed, when there is no such button.
    func timedTap(startingWith prefix: String, recording latencies: Latencies) async throws -> Message? {
        let buttons = await transcript().last(where: { $0.sender == "bot" })?.buttons.flatMap { $0 } ?? []
        guard let data = buttons.first(where: { $0.text.hasPrefix(prefix) })?.callbackData else { return nil }
        let start = ContinuousClock.now
        _ = try await press(callbackData: data)
        let reply = try await nextMessage(timeout: .seconds(120))
        latencies.record(since: start)
        return reply
    }

    /// ``timedTap(startingWith:recording:)`` for a button that must be there.
    @discardableResult
    func timedTap(_ prefix: String, recording latencies: Latencies) async throws -> Message {
        guard let reply = try await timedTap(startingWith: prefix, recording: latencies) else {
            let buttons = await transcript().last(where: { $0.sender == "bot" })?.buttons.flatMap { $0 }.map(\.text) ?? []
            throw SandboxError(code: 400, description: "no button starting with \(prefix) among \(buttons)")
        }
        return reply
    }
}
