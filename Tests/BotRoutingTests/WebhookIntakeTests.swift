import AsyncHTTPClient
import BotRouting
import Logging
import Synchronization
import TelegramBotAPI
import Testing

/// ``WebhookIntake``: what a webhook request gets back, and what the inbox keeps.
@Suite(.timeLimit(.minutes(1))) struct WebhookIntakeTests {
    /// Holds the handlers until opened.
    actor Gate {
        private var isOpen = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func pass() async {
            guard !isOpen else { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func open() {
            isOpen = true
            for waiter in waiting { waiter.resume() }
            waiting.removeAll()
        }
    }

    @Test func updatesAreTakenOnlyWhileRunningAndOneThatFindsNoRoomIsNotKept() async throws {
        let gate = Gate()
        let handled = Mutex<[Int64]>([])
        let (started, startedContinuation) = AsyncStream.makeStream(of: Int64.self)
        let router = Router(name: "root")
        router.update { context in
            handled.withLock { $0.append(context.update.updateID) }
            startedContinuation.yield(context.update.updateID)
            await gate.pass()
        }
        let inbox = MemoryUpdateInbox()
        let bot = BotClient(
            transport: AsyncHTTPClientTransport(
                httpClient: .shared, baseURL: "http://127.0.0.1:9", token: BotToken("1:NEVER_never_never_never_never_never_never")))
        let dispatcher = Dispatcher(
            router: router, bot: bot, botUsername: nil, inbox: inbox, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let intake = WebhookIntake()
        #expect(try await intake.deliver(Update(updateID: 1)) == .notRunning, "nothing is taken before the dispatcher runs")

        let running = Task { try await dispatcher.runWebhook(intake, maxConcurrentUpdates: 1, maxQueuedUpdates: 2) }
        var first = try await intake.deliver(Update(updateID: 1))
        while first == .notRunning {
            await Task.yield()
            first = try await intake.deliver(Update(updateID: 1))
        }
        #expect(first == .accepted)
        for await id in started where id == 1 { break }
        #expect(try await intake.deliver(Update(updateID: 2)) == .accepted, "queued behind the one in hand")
        #expect(try await intake.deliver(Update(updateID: 3)) == .busy, "two in flight is the limit: 503, and Telegram sends it again")

        await gate.open()
        // Telegram sending 3 again: taken once there is room, which it could not be had it been kept when refused.
        var again = try await intake.deliver(Update(updateID: 3))
        while again == .busy {
            await Task.yield()
            again = try await intake.deliver(Update(updateID: 3))
        }
        #expect(again == .accepted)
        var repeated = try await intake.deliver(Update(updateID: 2))
        while repeated == .busy {
            await Task.yield()
            repeated = try await intake.deliver(Update(updateID: 2))
        }
        #expect(repeated == .alreadyReceived, "an update delivered twice is handled once")

        running.cancel()
        try await running.value
        #expect(try await intake.deliver(Update(updateID: 4)) == .notRunning, "nothing is taken once it stopped")
        #expect(handled.withLock { $0 }.sorted() == [1, 2, 3])
    }
}
