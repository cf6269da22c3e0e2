import InMemoryLogging
import Logging
import TelegramBotAPI
import Testing

@Suite(.timeLimit(.minutes(1))) struct UpdatePollerTests {
    static func batch(_ ids: ClosedRange<Int>) -> TelegramStub.Answer {
        .ok("[" + ids.map(message).joined(separator: ",") + "]")
    }

    static func message(_ id: Int) -> String {
        #"{"update_id":\#(id),"message":{"message_id":\#(id),"chat":{"id":42,"type":"private"},"date":1764076000,"text":"u\#(id)"}}"#
    }

    /// Takes `count` updates from a poller over the stub, recording each in the event log.
    func take(
        _ count: Int, from stub: TelegramStub, bot: BotClient, clock: TestClock,
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> [Int64] {
        var taken: [Int64] = []
        for try await update in UpdatePoller(client: bot, clock: clock, logger: logger) {
            stub.events.record("handled \(update.updateID)")
            taken.append(update.updateID)
            if taken.count == count { break }
        }
        return taken
    }

    @Test func nextBatchIsAskedForOnlyAfterTheLastOneWasHandedOver() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.enqueue("getUpdates", Self.batch(1...2), Self.batch(3...3))
            let taken = try await take(3, from: stub, bot: bot, clock: clock)
            #expect(taken == [1, 2, 3])
            #expect(stub.events.all == ["request getUpdates", "handled 1", "handled 2", "request getUpdates", "handled 3"])
            let requests = stub.requests(of: "getUpdates")
            #expect(requests.map { $0.json["offset"] as? Int } == [nil, 3])
            #expect(requests[0].json["timeout"] as? Int == 30)
            #expect(requests[0].json["limit"] as? Int == 100)
        }
    }

    @Test func undecodableUpdateIsLoggedWithItsIDAndSkipped() async throws {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        try await withTelegramStub { stub, bot, clock in
            let broken = #"{"update_id":2,"message":{"message_id":2,"date":1,"text":"no chat"}}"#
            stub.enqueue("getUpdates", .ok("[\(Self.message(1)),\(broken),\(Self.message(3))]"), Self.batch(4...4))
            let taken = try await take(3, from: stub, bot: bot, clock: clock, logger: logger)
            #expect(taken == [1, 3, 4])
            #expect(stub.requests(of: "getUpdates").map { $0.json["offset"] as? Int } == [nil, 4])
            let skipped = try #require(logs.entries.first { $0.level == .error })
            #expect(skipped.metadata["update.id"] == "2")
            #expect(skipped.metadata["reason"] == "missing field message.chat")
        }
    }

    @Test func conflictIsLoggedAsAnErrorAndPollingGoesOn() async throws {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        try await withTelegramStub(retryPolicy: .never) { stub, bot, clock in
            stub.enqueue(
                "getUpdates", .error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"),
                Self.batch(1...1))
            let taken = try await take(1, from: stub, bot: bot, clock: clock, logger: logger)
            #expect(taken == [1])
            #expect(clock.sleeps == [.seconds(1)])
            let conflict = try #require(logs.entries.first { $0.level == .error })
            #expect(conflict.message.description.contains("409 Conflict"))
            #expect(conflict.message.description.contains("another instance"))
        }
    }

    @Test func failuresBackOffDoublingUntilASuccessResetsIt() async throws {
        try await withTelegramStub(retryPolicy: .never) { stub, bot, clock in
            stub.enqueue(
                "getUpdates", .error(502, "Bad Gateway"), .error(502, "Bad Gateway"), .error(500, "Internal Server Error"),
                Self.batch(1...1), .error(502, "Bad Gateway"), Self.batch(2...2)
            )
            let taken = try await take(2, from: stub, bot: bot, clock: clock)
            #expect(taken == [1, 2])
            #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4), .seconds(1)])
        }
    }

    @Test func refusedTokenEndsThePollerWithTheError() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.setDefault("getUpdates", .error(401, "Unauthorized"))
            let error = try await #require(throws: BotAPIError.self) { _ = try await take(1, from: stub, bot: bot, clock: clock) }
            #expect(error.code == .unauthorized)
            #expect(stub.requests.count == 1)
        }
    }

    @Test func cancellationEndsThePollerWithoutAnError() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.setDefault("getUpdates", .ok("[]"))
            let polling = Task {
                try await take(1, from: stub, bot: bot, clock: clock)
            }
            while stub.requests.count < 3 { await Task.yield() }
            polling.cancel()
            let taken = try await polling.value
            #expect(taken == [])
        }
    }
}
