import Logging
import Synchronization
import TelegramBotAPI

/// Catches what a handler throws: logs it with the update's id, tells the user briefly (in
/// their language, when the bot speaks several), and lets the bot go on with the next update.
///
/// An outage (the database down, ``OutageMonitor``) is not a failure of the handler's: it passes
/// through, and the dispatcher handles the update again once the outage is over.
///
/// A burst of identical failures (the same handler, the same error: a database that is down,
/// say) is logged once, and the count of the repeats with the first failure after `window`.
public final class ErrorBoundaryMiddleware: UpdateMiddleware {
    let apology: @Sendable (HandlerContext) async -> String
    public let window: Duration

    private struct Burst {
        var startedAt: ContinuousClock.Instant
        var repeats: Int
    }

    // Guards the bursts by failure; an entry is replaced when its window is over.
    private let bursts = Mutex<[String: Burst]>([:])

    public convenience init(apology: String = "Sorry, something went wrong. Please try again.", window: Duration = .seconds(60)) {
        self.init(window: window) { _ in apology }
    }

    /// - Parameter apology: what to tell the user, say in their language.
    public init(window: Duration = .seconds(60), apology: @escaping @Sendable (HandlerContext) async -> String) {
        self.apology = apology
        self.window = window
    }

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        do {
            try await next(context)
        } catch is CancellationError {
            throw CancellationError()
        } catch  where context.outages.isOutage(error) {
            throw error
        } catch {
            let handler = (context.handlerName ?? nil) ?? "none"
            let description = context.outages.describe(error)
            switch record("\(handler)|\(description)", at: .now) {
            case .first(let earlierRepeats):
                var metadata: Logger.Metadata = ["error": "\(description)", "handler": "\(handler)"]
                if earlierRepeats > 0 { metadata["repeats.before"] = "\(earlierRepeats)" }
                context.logger.error(
                    earlierRepeats > 0 ? "Handler failed (and the same failure \(earlierRepeats) more times before)" : "Handler failed",
                    metadata: metadata)
            case .repeated:
                context.logger.debug("Handler failed again the same way", metadata: ["error": "\(description)", "handler": "\(handler)"])
            }
            // Best effort: the user may have blocked the bot, or Telegram may be the problem.
            let text = await apology(context)
            if context.update.callbackQuery != nil {
                try? await context.answerCallback(text, showAlert: true)
            } else if context.chatID != nil {
                try? await context.reply(plain: text)
            }
        }
    }

    private enum Occurrence {
        /// Logged in full; `earlierRepeats` identical failures of the previous window went unlogged.
        case first(earlierRepeats: Int)
        case repeated
    }

    private func record(_ key: String, at now: ContinuousClock.Instant) -> Occurrence {
        bursts.withLock { bursts in
            if var burst = bursts[key], burst.startedAt.duration(to: now) < window {
                burst.repeats += 1
                bursts[key] = burst
                return .repeated
            }
            let earlier = bursts[key]?.repeats ?? 0
            if bursts.count > 1_000 { bursts = bursts.filter { $0.value.startedAt.duration(to: now) < window } }
            bursts[key] = Burst(startedAt: now, repeats: 0)
            return .first(earlierRepeats: earlier)
        }
    }
}
