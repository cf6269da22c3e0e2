import Logging
import ServiceLifecycle
import TelegramBotAPI

extension Dispatcher {
    /// Handles a stream of updates: different chats at once, each chat strictly in order, at
    /// most `maxConcurrentUpdates` in flight. When the stream ends, waits up to
    /// `shutdownGracePeriod` for the updates in flight, then cancels what is left.
    ///
    /// - Returns: the getUpdates offset that confirms exactly the finished updates.
    public func run<Updates: AsyncSequence>(
        _ updates: Updates, maxConcurrentUpdates: Int = 64, shutdownGracePeriod: Duration = .seconds(10)
    ) async throws -> Int64? where Updates.Element == Update {
        let flight = InFlightUpdates(limit: maxConcurrentUpdates)
        var streamError: (any Error)?
        await withDiscardingTaskGroup { group in
            do {
                for try await update in updates {
                    if let key = await flight.admit(update) {
                        group.addTask { await self.work(on: key, flight) }
                    }
                }
            } catch {
                streamError = error
            }
            if await !Self.finishes(flight, within: shutdownGracePeriod) {
                logger.warning("Shutdown grace period over; cancelling the updates still in flight", metadata: ["grace.seconds": "\(shutdownGracePeriod)"])
                group.cancelAll()
            }
        }
        if let streamError { throw streamError }
        return await flight.confirmableOffset
    }

    /// Long polling until graceful shutdown, then a last getUpdates that confirms what was
    /// handled, so a restart neither loses an update nor handles one twice.
    public func runPolling(
        configuration: UpdatePoller.Configuration = .init(), maxConcurrentUpdates: Int = 64, shutdownGracePeriod: Duration = .seconds(10)
    ) async throws {
        let poller = UpdatePoller(client: bot, configuration: configuration, logger: logger)
        logger.info("Polling for updates")
        let offset = try await run(poller.cancelOnGracefulShutdown(), maxConcurrentUpdates: maxConcurrentUpdates, shutdownGracePeriod: shutdownGracePeriod)
        if let offset, !Task.isCancelled {
            _ = try? await bot.send(GetUpdates(offset: offset, limit: 1, timeout: 0))
        }
        logger.info("Polling stopped", metadata: ["offset": "\(offset.map(String.init) ?? "none")"])
    }

    private func work(on key: Int64, _ flight: InFlightUpdates) async {
        while let update = await flight.next(for: key) {
            await feed(update)
            // An update cut short by cancellation stays unfinished, so it is not confirmed.
            guard !Task.isCancelled else { return }
            await flight.finish(update.updateID)
        }
    }

    private static func finishes(_ flight: InFlightUpdates, within grace: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { race in
            race.addTask { await flight.waitUntilIdle(); return true }
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
