import BotAPISandbox
import BotRouting
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import TelegramBotAPI

/// Back-pressure, and what is confirmed when the dispatcher stops.
@Suite(.timeLimit(.minutes(1))) struct UpdateFlowTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func message(_ id: Int64, chat: Int64) -> Update {
        var update = Update(updateID: id)
        update.message = Message(messageID: id, date: 1, chat: Chat(id: chat, type: "private"))
        return update
    }

    /// A dispatcher whose bot is never called.
    static func dispatcher(_ router: Router) -> Dispatcher {
        let sandbox = BotAPISandbox()
        return Dispatcher(router: router, bot: sandbox.makeClient(), botUsername: nil, logger: quiet)
    }

    /// Yields the given updates and counts how many were taken.
    struct CountingUpdates: AsyncSequence {
        typealias Element = Update
        let updates: [Update]

        final class Box: Sendable {
            let taken = Mutex(0)
        }

        struct Iterator: AsyncIteratorProtocol {
            var remaining: [Update]
            let box: Box

            mutating func next() async -> Update? {
                guard !remaining.isEmpty else { return nil }
                box.taken.withLock { $0 += 1 }
                return remaining.removeFirst()
            }
        }

        let box = Box()

        init(_ updates: [Update]) {
            self.updates = updates
        }

        func makeAsyncIterator() -> Iterator { Iterator(remaining: updates, box: box) }
    }

    @Test func offsetAfterAFinishedStreamConfirmsEverything() async throws {
        let handled = Recorder<Int64>()
        let root = Router(name: "root")
        root.message { message, _ in handled.append(message.messageID) }
        let updates = (10...14).map { Self.message(Int64($0), chat: Int64($0 % 2)) }
        let offset = try await Self.dispatcher(root).run(CountingUpdates(updates))
        #expect(offset == 15)
        #expect(handled.all.sorted() == [10, 11, 12, 13, 14])
    }

    @Test func anUpdateCutShortAtShutdownIsNotConfirmed() async throws {
        let root = Router(name: "root")
        root.message { message, _ in
            if message.messageID == 11 { try await Task.sleep(for: .seconds(60)) }
        }
        let updates = [Self.message(10, chat: 1), Self.message(11, chat: 2), Self.message(12, chat: 3)]
        let offset = try await Self.dispatcher(root).run(CountingUpdates(updates), shutdownGracePeriod: .milliseconds(50))
        #expect(offset == 11, "11 is delivered again after a restart; 10 is not")
    }

    @Test func aBusyDispatcherStopsTakingUpdates() async throws {
        let gate = Latch()
        let root = Router(name: "root")
        root.message { _, _ in await gate.wait() }
        let updates = CountingUpdates((1...10).map { Self.message(Int64($0), chat: Int64($0)) })
        let dispatcher = Self.dispatcher(root)
        let running = Task { try await dispatcher.run(updates, maxConcurrentUpdates: 2) }
        while updates.box.taken.withLock({ $0 }) < 3 { await Task.yield() }
        for _ in 0..<200 { await Task.yield() }
        #expect(updates.box.taken.withLock { $0 } == 3, "two in flight, one waiting for room")
        await gate.open()
        #expect(try await running.value == 11)
        #expect(updates.box.taken.withLock { $0 } == 10)
    }

    struct PollingService: Service {
        let dispatcher: Dispatcher
        func run() async throws {
            try await dispatcher.runPolling(configuration: .init(timeout: .seconds(1)))
        }
    }

    @Test func gracefulShutdownFinishesTheHandlerBeforeConfirmingItsUpdate() async throws {
        let started = Latch()
        let gate = Latch()
        let root = Router(name: "root")
        root.message(.text(equals: "slow")) { _, context in
            await started.open()
            await gate.wait()
            try await context.answer("done")
        }
        let sandbox = BotAPISandbox()
        let (listening, listeningContinuation) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingTaskGroup(of: Void.self) { sandboxTask in
            sandboxTask.addTask { try await sandbox.run { _ in listeningContinuation.yield() } }
            defer { sandboxTask.cancelAll() }
            for await _ in listening { break }
            let dispatcher = Dispatcher(router: root, bot: sandbox.makeClient(), botUsername: nil, logger: Self.quiet)
            let group = ServiceGroup(configuration: .init(services: [.init(service: PollingService(dispatcher: dispatcher))], logger: Self.quiet))
            let running = Task { try await group.run() }
            let ana = await sandbox.makeUser(firstName: "Ana")
            try await ana.send("slow")
            await started.wait()
            await group.triggerGracefulShutdown()
            await gate.open()
            try await running.value
            #expect(try await ana.nextMessage().text == "done")
            let left = try await sandbox.makeClient().send(GetUpdates(timeout: 0))
            #expect(left.isEmpty, "the handled update was confirmed before the dispatcher stopped")
        }
    }
}
