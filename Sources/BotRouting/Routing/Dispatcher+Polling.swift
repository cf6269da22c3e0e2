import Logging
import ServiceLifecycle
import TelegramBotAPI

extension Dispatcher {
    /// Handles batches of updates: each batch is kept in the ``inbox`` before the next is asked
    /// for (which is what confirms it to Telegram), then handled, different chats at once, each
    /// chat strictly in order, at most `maxConcurrentUpdates` handlers at a time. What the inbox
    /// kept unhandled from an earlier run (a crash) is handled first; an update it already holds
    /// is not handled again. Every `orphanSweepInterval` it also takes over the updates another
    /// process sharing the inbox received and could not finish (``UpdateInbox/orphans()``): a
    /// leader that lost the lead, or its liveness session, while handling a batch. When the stream
    /// ends, waits up to `shutdownGracePeriod` for the updates in flight, then cancels what is
    /// left, which stays in the inbox for the next start.
    ///
    /// - Returns: the getUpdates offset past every update received, all of them now in the inbox.
    public func run<Batches: AsyncSequence>(
        batches: Batches, maxConcurrentUpdates: Int = 64, maxQueuedUpdates: Int = 1_000, shutdownGracePeriod: Duration = .seconds(10),
        orphanSweepInterval: Duration = .seconds(5)
    ) async throws -> Int64? where Batches.Element == [Update] {
        var highestID: Int64?
        try await handleUpdates(
            maxConcurrentUpdates: maxConcurrentUpdates, maxQueuedUpdates: maxQueuedUpdates, shutdownGracePeriod: shutdownGracePeriod,
            orphanSweepInterval: orphanSweepInterval
        ) { flight in
            for try await batch in batches {
                highestID = max(highestID ?? Int64.min, batch.map(\.updateID).max() ?? Int64.min)
                // Not kept, the batch is not confirmed: Telegram holds it through an outage.
                try await outages.waitUntilAvailable()
                for update in try await keep(batch) {
                    await flight.admit(update)
                }
            }
        }
        return highestID.map { $0 + 1 }
    }

    /// What polling and the webhook share: `maxConcurrentUpdates` workers, the inbox's unhandled
    /// updates from an earlier run first, then `intake` admitting new ones until it returns, and
    /// meanwhile every `orphanSweepInterval` the updates other processes left; then up to
    /// `shutdownGracePeriod` for the updates in flight, and the rest cancelled, kept in the inbox
    /// for the next start.
    func handleUpdates(
        maxConcurrentUpdates: Int, maxQueuedUpdates: Int, shutdownGracePeriod: Duration, orphanSweepInterval: Duration,
        intake: (InFlightUpdates) async throws -> Void
    ) async throws {
        let flight = InFlightUpdates(queueLimit: maxQueuedUpdates)
        var intakeError: (any Error)?
        await withDiscardingTaskGroup { group in
            for _ in 0..<maxConcurrentUpdates {
                group.addTask { await self.work(flight) }
            }
            do {
                let leftovers = try await persistently("Could not read the updates an earlier run left unfinished; trying again", metadata: [:]) {
                    try await inbox.unhandled()
                }
                for update in leftovers {
                    logger.notice("Handling an update an earlier run received and did not finish", metadata: ["update.id": "\(update.updateID)"])
                    await flight.admit(update)
                }
                try await withThrowingTaskGroup(of: Void.self) { sweeper in
                    sweeper.addTask { try await self.sweepOrphans(into: flight, every: orphanSweepInterval) }
                    defer { sweeper.cancelAll() }
                    try await intake(flight)
                }
            } catch {
                intakeError = error
            }
            await flight.close()
            if await !Self.finishes(flight, within: shutdownGracePeriod) {
                logger.warning(
                    "Shutdown grace period over; cancelling the updates still in flight", metadata: ["grace.seconds": "\(shutdownGracePeriod)"])
                group.cancelAll()
            }
        }
        if let intakeError, !(intakeError is CancellationError) { throw intakeError }
    }

    /// ``run(batches:maxConcurrentUpdates:maxQueuedUpdates:shutdownGracePeriod:)`` for a stream of
    /// single updates.
    public func run<Updates: AsyncSequence>(
        _ updates: Updates, maxConcurrentUpdates: Int = 64, maxQueuedUpdates: Int = 1_000, shutdownGracePeriod: Duration = .seconds(10),
        orphanSweepInterval: Duration = .seconds(5)
    ) async throws -> Int64? where Updates.Element == Update {
        try await run(
            batches: updates.map { [$0] }, maxConcurrentUpdates: maxConcurrentUpdates, maxQueuedUpdates: maxQueuedUpdates,
            shutdownGracePeriod: shutdownGracePeriod, orphanSweepInterval: orphanSweepInterval
        )
    }

    /// Long polling until graceful shutdown, then a last getUpdates that confirms what was
    /// received: it is all in the inbox, handled or kept for the next start.
    public func runPolling(
        configuration: UpdatePoller.Configuration = .init(), maxConcurrentUpdates: Int = 64, shutdownGracePeriod: Duration = .seconds(10)
    ) async throws {
        let poller = UpdatePoller(client: bot, configuration: configuration, logger: logger)
        logger.info("Polling for updates")
        let offset = try await run(
            batches: poller.batches.cancelOnGracefulShutdown(), maxConcurrentUpdates: maxConcurrentUpdates, shutdownGracePeriod: shutdownGracePeriod
        )
        if let offset, !Task.isCancelled {
            _ = try? await bot.send(GetUpdates(offset: offset, limit: 1, timeout: 0))
        }
        logger.info("Polling stopped", metadata: ["offset": "\(offset.map(String.init) ?? "none")"])
    }

    /// Every `interval`, admits the updates other processes sharing the inbox received and could
    /// not finish; until cancelled.
    private func sweepOrphans(into flight: InFlightUpdates, every interval: Duration) async throws {
        while true {
            try await Task.sleep(for: interval)
            do {
                let orphans = try await inbox.orphans()
                if !orphans.isEmpty {
                    logger.notice("Handling updates another process received and did not finish", metadata: ["count": "\(orphans.count)"])
                }
                for update in orphans { await flight.admit(update) }
            } catch is CancellationError {
                throw CancellationError()
            } catch  where outages.isOutage(error) {
                // The monitor said so; the next sweep after the outage finds them.
            } catch {
                logger.warning(
                    "Could not look for updates another process left unfinished; trying again", metadata: ["error": "\(outages.describe(error))"])
            }
        }
    }

    /// Stores a batch in the inbox, trying again while the inbox fails: until it is kept, the
    /// batch must not be confirmed, so polling waits here.
    /// - Returns: the updates not received before.
    private func keep(_ batch: [Update]) async throws -> [Update] {
        try await persistently("Could not keep received updates; trying again", metadata: ["update.ids": "\(batch.map(\.updateID))"]) {
            try await inbox.receive(batch)
        }
    }

    private func work(_ flight: InFlightUpdates) async {
        while let update = await flight.take() {
            var pause = Duration.milliseconds(100)
            while await feed(update) == .interruptedByOutage {
                // The update keeps its chat's turn while it waits, so the chat's order holds. The
                // pause keeps a dependency that answers its probe and still fails the update (a
                // SQLite file another process holds locked for writing) from a tight loop.
                do {
                    try await outages.waitUntilAvailable()
                    try await Task.sleep(for: pause)
                } catch {
                    return
                }
                pause = min(pause * 2, .seconds(2))
            }
            // An update cut short by cancellation stays unhandled in the inbox, for the next start.
            guard !Task.isCancelled else { return }
            _ = try? await persistently("Could not mark an update handled; trying again", metadata: ["update.id": "\(update.updateID)"]) {
                try await inbox.markHandled(update.updateID)
            }
            await flight.finish(update)
        }
    }

    /// Runs `operation` until it succeeds, waiting longer after each failure (up to 5 s), or for
    /// the end of an outage that failed it; one error line per streak of failures that is not an
    /// outage (the monitor says that). Throws only `CancellationError`.
    private func persistently<Value>(
        _ message: Logger.Message, metadata: Logger.Metadata, _ operation: () async throws -> Value
    ) async throws -> Value {
        var delay = Duration.milliseconds(50)
        var failures = 0
        var outageRetries = 0
        while true {
            do {
                let value = try await operation()
                if failures > 0 { logger.notice("The inbox works again", metadata: ["failures": "\(failures)"]) }
                return value
            } catch  where outages.isOutage(error) {
                try await outages.waitUntilAvailable()
                // Failing again as soon as the outage is over (the inbox refusing an owner whose
                // session ended before this process noticed) must not spin.
                if outageRetries > 0 {
                    try await Task.sleep(for: delay)
                    delay = min(delay * 2, .seconds(5))
                }
                outageRetries += 1
            } catch {
                try Task.checkCancellation()
                if failures == 0 { logger.error(message, metadata: metadata.merging(["error": "\(outages.describe(error))"]) { $1 }) }
                failures += 1
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    private static func finishes(_ flight: InFlightUpdates, within grace: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { race in
            race.addTask {
                await flight.waitUntilIdle()
                return true
            }
            race.addTask {
                try? await Task.sleep(for: grace)
                return false
            }
            let first = await race.next() ?? false
            race.cancelAll()
            return first
        }
    }
}
