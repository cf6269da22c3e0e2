import BotAPISandbox
import BotRouting
import InMemoryLogging
import Logging
import Synchronization
import TelegramBotAPI
import Testing

/// An update cut short because a dependency went away (``OutageMonitor``) waits for it and is
/// handled again, instead of being apologised for; the outage is one warning in the log.
@Suite(.timeLimit(.minutes(1))) struct OutageTests {
    struct LedgerDown: Error {}

    /// A made-up dependency every update needs, switched off and on by the test.
    final class Ledger: Sendable {
        let isUp = Atomic(true)
        let checks = Atomic(0)

        func check() throws {
            checks.add(1, ordering: .relaxed)
            guard isUp.load(ordering: .relaxed) else { throw LedgerDown() }
        }
    }

    static func monitor(_ ledger: Ledger, logger: Logger) -> DependencyMonitor {
        DependencyMonitor(
            name: "The ledger", firstRetry: .milliseconds(10), maxRetry: .milliseconds(50), logger: logger,
            diagnose: { $0 is LedgerDown ? "it does not answer" : nil }, probe: { try ledger.check() }
        )
    }

    @Test func anUpdateCutShortIsHandledAgainOnceTheDependencyAnswersAndNeverApologisedFor() async throws {
        let ledger = Ledger()
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        let monitor = Self.monitor(ledger, logger: logger)
        let root = Router(name: "root")
        root.message(.command("pay")) { _, context in
            try ledger.check()
            try await context.answer("paid")
        }
        ledger.isUp.store(false, ordering: .relaxed)
        try await withRoutedBot(root, outages: monitor, logger: logger) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            try await ana.send("/pay")
            while monitor.isAvailable { try? await Task.sleep(for: .milliseconds(5)) }
            // The monitor tries the ledger itself: once it has, several times over, bring it back.
            let checksAtOutage = ledger.checks.load(ordering: .relaxed)
            while ledger.checks.load(ordering: .relaxed) < checksAtOutage + 3 { try? await Task.sleep(for: .milliseconds(5)) }
            ledger.isUp.store(true, ordering: .relaxed)

            // The first message Ana gets is the answer: no apology came before it.
            #expect(try await ana.nextMessage().text == "paid")
            #expect(try await ana.ask("/pay") == "paid")
        }
        let warnings = logs.entries.filter { $0.level == .warning }
        #expect(warnings.map(\.message.description) == ["The ledger is unreachable: no new update is taken until it is back"])
        #expect(warnings.first?.metadata["error"] == "it does not answer")
        #expect(logs.entries.contains { $0.level == .notice && $0.message.description == "The ledger answers again; taking updates" })
        #expect(!logs.entries.contains { $0.level >= .error }, "nothing failed: \(logs.entries.map(\.message))")
    }

    @Test func anErrorTheMonitorDoesNotRecogniseIsTheHandlersOwn() async throws {
        struct Boom: Error {}
        let ledger = Ledger()
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        let monitor = Self.monitor(ledger, logger: logger)
        let root = Router(name: "root")
        root.message(.command("boom")) { _, _ in throw Boom() }
        try await withRoutedBot(root, outages: monitor, logger: logger) { sandbox throws in
            let ana = await sandbox.makeUser(firstName: "Ana")
            #expect(try await ana.ask("/boom") == "Sorry, something went wrong. Please try again.")
        }
        #expect(monitor.isAvailable)
        #expect(!logs.entries.contains { $0.message.description.contains("The ledger") }, "no outage was logged")
    }

    @Test func aWebhookCallDuringAnOutageIsRefusedForTelegramToSendAgain() async throws {
        let ledger = Ledger()
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let monitor = Self.monitor(ledger, logger: logger)
        let handled = Recorder<Int64>()
        let (seen, seenContinuation) = AsyncStream.makeStream(of: Int64.self)
        let root = Router(name: "root")
        root.update { context in
            handled.append(context.update.updateID)
            seenContinuation.yield(context.update.updateID)
        }
        let inbox = MemoryUpdateInbox()
        let sandbox = BotAPISandbox()
        let dispatcher = Dispatcher(router: root, bot: sandbox.makeClient(), botUsername: nil, inbox: inbox, outages: monitor, logger: logger)
        let intake = WebhookIntake()
        let running = Task { try await dispatcher.runWebhook(intake) }
        defer { running.cancel() }
        var first = try await intake.deliver(Update(updateID: 1))
        while first == .notRunning {
            await Task.yield()
            first = try await intake.deliver(Update(updateID: 1))
        }
        #expect(first == .accepted)
        for await id in seen where id == 1 { break }

        ledger.isUp.store(false, ordering: .relaxed)
        #expect(monitor.isOutage(LedgerDown()))
        #expect(try await intake.deliver(Update(updateID: 2)) == .unavailable, "503: Telegram sends it again")
        #expect(try await inbox.unhandled().isEmpty, "and it was not kept")

        ledger.isUp.store(true, ordering: .relaxed)
        try await monitor.waitUntilAvailable()
        #expect(try await intake.deliver(Update(updateID: 2)) == .accepted)
        for await id in seen where id == 2 { break }
        #expect(handled.all == [1, 2])
    }
}
