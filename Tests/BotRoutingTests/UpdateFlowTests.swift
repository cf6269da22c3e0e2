import BotAPISandbox
import BotRouting
import Logging
import ServiceLifecycle
import Synchronization
import TelegramBotAPI
import Testing

/// Back-pressure, and what is confirmed when the dispatcher stops.
@Suite(.timeLimit(.minutes(1))) struct UpdateFlowTests {
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func message(_ id: Int64, chat: Int64) -> Update {
        var update = Update(updateID: id)
        update.message = Message(messageID: id, date: 1, chat: Chat(id: chat, type: "private"))
        return update
    }

    /// A dispatcher whose bot is never called.
    static func dispatcher(_ router: Router, inbox: any UpdateInbox = MemoryUpdateInbox()) -> Dispatcher {
        let sandbox = BotAPISandbox()
        return Dispatcher(router: router, bot: sandbox.makeClient(), botUsername: nil, inbox: inbox, logger: quiet)
    }

    /// Yields the given updates and counts how many were taken.
    struct CountingUpdates: AsyncSequence {
        typealias Element = Update
        let updates: [Update]

        final class Box: Sendable {
            let taken = Mutex(0)
            /// Set when the sequence has ended, which is after every update was admitted.
            let ended = Mutex(false)
        }

        struct Iterator: AsyncIteratorProtocol {
            var remaining: [Update]
            let box: Box

            mutating func next() async -> Update? {
                guard !remaining.isEmpty else {
                    box.ended.withLock { $0 = true }
                    return nil
                }
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

    @Test func anUpdateCutShortAtShutdownIsHandledAtTheNextStart() async throws {
        let inbox = MemoryUpdateInbox()
        let root = Router(name: "root")
        root.message { message, _ in
            if message.messageID == 11 { try await Task.sleep(for: .seconds(60)) }
        }
        let updates = [Self.message(10, chat: 1), Self.message(11, chat: 2), Self.message(12, chat: 3)]
        let offset = try await Self.dispatcher(root, inbox: inbox).run(CountingUpdates(updates), shutdownGracePeriod: .milliseconds(50))
        #expect(offset == 13, "every update is kept, so Telegram may forget them all")
        #expect(try await inbox.unhandled().map(\.updateID) == [11])

        let handled = Recorder<Int64>()
        let restarted = Router(name: "root")
        restarted.message { message, _ in handled.append(message.messageID) }
        let again = Self.dispatcher(restarted, inbox: inbox)
        _ = try await again.run(CountingUpdates(updates))
        #expect(handled.all == [11], "only the update cut short is handled, though Telegram delivered all three again")
        #expect(try await inbox.unhandled().isEmpty)
    }

    @Test func aChatWithManyUpdatesDoesNotHoldTheOthersBack() async throws {
        let gate = Latch()
        let handled = Recorder<Int64>()
        let root = Router(name: "root")
        root.message { message, _ in
            if message.chat.id == 1 { await gate.wait() }
            handled.append(message.messageID)
        }
        // The flooder's 300 updates come first; then one each from two other chats.
        let flood = (1...300).map { Self.message(Int64($0), chat: 1) }
        let updates = CountingUpdates(flood + [Self.message(301, chat: 2), Self.message(302, chat: 3)])
        let dispatcher = Self.dispatcher(root)
        let running = Task { try await dispatcher.run(updates, maxConcurrentUpdates: 2) }
        while handled.all.count < 2 { await Task.yield() }
        #expect(handled.all.sorted() == [301, 302], "both others were handled while the flooder's first update was stuck")
        await gate.open()
        _ = try await running.value
        #expect(handled.all.count == 302)
    }

    @Test func chatsWithQueuedUpdatesTakeTurns() async throws {
        let gate = Latch()
        let handled = Recorder<Int64>()
        let root = Router(name: "root")
        root.message { message, _ in
            if message.messageID == 1 { await gate.wait() }
            handled.append(message.messageID)
        }
        let updates = CountingUpdates([
            Self.message(1, chat: 1), Self.message(2, chat: 1), Self.message(3, chat: 1), Self.message(4, chat: 2), Self.message(5, chat: 2),
        ])
        let dispatcher = Self.dispatcher(root)
        let running = Task { try await dispatcher.run(updates, maxConcurrentUpdates: 1) }
        while !updates.box.ended.withLock({ $0 }) { await Task.yield() }
        await gate.open()
        _ = try await running.value
        #expect(handled.all == [1, 4, 2, 5, 3], "one worker serves the two chats in turns, each in its own order")
    }

    @Test func aBusyDispatcherStopsTakingUpdates() async throws {
        let gate = Latch()
        let root = Router(name: "root")
        root.message { _, _ in await gate.wait() }
        let updates = CountingUpdates((1...10).map { Self.message(Int64($0), chat: Int64($0)) })
        let dispatcher = Self.dispatcher(root)
        let running = Task { try await dispatcher.run(updates, maxConcurrentUpdates: 2, maxQueuedUpdates: 2) }
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
