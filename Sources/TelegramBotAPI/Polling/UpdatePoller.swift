import Logging

/// Long polling as an asynchronous sequence of updates.
///
/// The next getUpdates call confirms (by its `offset`) only the updates already handed to the
/// consumer, so an update the bot had no time to take is delivered again after a restart; use
/// ``batches`` to keep a whole batch before it is confirmed. An
/// update that does not decode is logged with its id and skipped. Network and server failures
/// are waited out with back-off; the sequence throws only for a token Telegram refuses (401) or
/// when its task is cancelled, which ends it cleanly.
///
/// ```swift
/// for try await update in UpdatePoller(client: bot, logger: logger) {
///     await handle(update)
/// }
/// ```
public struct UpdatePoller: AsyncSequence, Sendable {
    public typealias Element = Update

    let client: BotClient
    let configuration: Configuration
    let clock: any Clock<Duration>
    let logger: Logger

    public struct Configuration: Sendable {
        /// How long Telegram holds a getUpdates call open when there is nothing new.
        public var timeout: Duration
        /// Updates asked for at once, 1 to 100.
        public var limit: Int
        /// Kinds of update to receive; nil keeps what was set before (Telegram's default without).
        public var allowedUpdates: [String]?
        /// Waits after a failed call: doubling from `minBackoff` up to `maxBackoff`, reset by a success.
        public var minBackoff: Duration
        public var maxBackoff: Duration

        public init(
            timeout: Duration = .seconds(30), limit: Int = 100, allowedUpdates: [String]? = nil, minBackoff: Duration = .seconds(1),
            maxBackoff: Duration = .seconds(60)
        ) {
            self.timeout = timeout
            self.limit = limit
            self.allowedUpdates = allowedUpdates
            self.minBackoff = minBackoff
            self.maxBackoff = maxBackoff
        }
    }

    public init(client: BotClient, configuration: Configuration = .init(), clock: some Clock<Duration> = ContinuousClock(), logger: Logger) {
        self.client = client
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(batches: batches.makeAsyncIterator())
    }

    /// The same updates a getUpdates batch at a time: the call that fetches the next batch is what
    /// confirms the previous one to Telegram, so a consumer that stores each batch before asking
    /// for the next never lets Telegram forget an update it has not kept.
    public var batches: Batches { Batches(poller: self) }

    public struct Iterator: AsyncIteratorProtocol {
        private var batches: Batches.Iterator
        private var buffer: [Update] = []

        init(batches: Batches.Iterator) {
            self.batches = batches
        }

        public mutating func next() async throws -> Update? {
            while buffer.isEmpty {
                guard let batch = try await batches.next() else { return nil }
                buffer = batch
            }
            return buffer.removeFirst()
        }
    }

    /// getUpdates batches, never empty; see ``UpdatePoller/batches``.
    public struct Batches: AsyncSequence, Sendable {
        public typealias Element = [Update]
        let poller: UpdatePoller

        public func makeAsyncIterator() -> Iterator {
            Iterator(poller: poller)
        }

        public struct Iterator: AsyncIteratorProtocol {
            private let poller: UpdatePoller
            private var nextOffset: Int64?
            private var backoff: Duration

            init(poller: UpdatePoller) {
                self.poller = poller
                self.backoff = poller.configuration.minBackoff
            }

            public mutating func next() async throws -> [Update]? {
                while true {
                    guard !Task.isCancelled else { return nil }
                    do {
                        let batch = try await fetch()
                        if !batch.isEmpty { return batch }
                    } catch is CancellationError {
                        return nil
                    }
                }
            }

            private mutating func fetch() async throws -> [Update] {
                let configuration = poller.configuration
                let request = GetUpdates(
                    offset: nextOffset,
                    limit: Int64(configuration.limit),
                    timeout: Int64(configuration.timeout.components.seconds),
                    allowedUpdates: configuration.allowedUpdates
                )
                let batch: [DecodedUpdate]
                do {
                    batch = try await poller.client.send(
                        request, decoding: [DecodedUpdate].self, timeout: poller.client.requestTimeout + configuration.timeout)
                    backoff = configuration.minBackoff
                } catch let error as BotAPIError where error.code == .unauthorized {
                    poller.logger.critical("getUpdates refused the bot token (401 Unauthorized); check BOT_TOKEN", metadata: ["error": "\(error)"])
                    throw error
                } catch let error as BotAPIError {
                    if error.code == .conflict {
                        poller.logger.error(
                            "getUpdates refused with 409 Conflict: another instance is polling with this token, or a webhook is set. Stop the other instance, or call deleteWebhook.",
                            metadata: ["error": "\(error)", "retry.in": "\(backoff)"]
                        )
                    } else {
                        poller.logger.warning(
                            "getUpdates failed; waiting before the next try", metadata: ["error": "\(error)", "retry.in": "\(backoff)"])
                    }
                    try await poller.clock.sleep(for: backoff)
                    backoff = Swift.min(backoff * 2, configuration.maxBackoff)
                    return []
                }
                var updates: [Update] = []
                for element in batch {
                    if let id = element.updateID {
                        nextOffset = Swift.max(nextOffset ?? 0, id + 1)
                    }
                    switch element {
                    case .update(let update):
                        updates.append(update)
                    case .undecodable(let updateID, let reason):
                        poller.logger.error(
                            "Skipping an update that could not be decoded",
                            metadata: ["update.id": "\(updateID.map(String.init) ?? "unknown")", "reason": "\(reason)"]
                        )
                    }
                }
                return updates
            }
        }
    }
}
