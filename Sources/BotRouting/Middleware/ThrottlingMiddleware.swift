import Logging
import Synchronization
import TelegramBotAPI

/// Drops one user's bursts: each user may send `burst` updates at once, then `perSecond` more
/// a second. The first dropped update of a burst gets a short notice (when one is set).
///
/// Payments are never throttled: a `pre_checkout_query` left unanswered fails the customer's
/// payment, and a `successful_payment` dropped is money taken and never credited. They don't
/// spend the budget either.
public final class ThrottlingMiddleware: UpdateMiddleware {
    public let perSecond: Double
    public let burst: Int
    /// The notice for the update that was dropped, in the user's language if the bot speaks several.
    let notice: @Sendable (HandlerContext) -> String?

    private struct Budget {
        var tokens: Double
        var updatedAt: ContinuousClock.Instant
        var noticeSent = false
    }

    // Guards the per-user budgets; entries idle for a minute are dropped as the table grows.
    private let budgets = Mutex<[Int64: Budget]>([:])

    public convenience init(perSecond: Double = 2, burst: Int = 5, notice: String? = "Too many requests at once: please wait a moment.") {
        self.init(perSecond: perSecond, burst: burst, notice: { _ in notice })
    }

    /// - Parameter notice: the notice for an update, say in its sender's language; nil sends none.
    public init(perSecond: Double, burst: Int, notice: @escaping @Sendable (HandlerContext) -> String?) {
        precondition(perSecond > 0 && burst >= 1, "a user must be allowed at least one update")
        self.perSecond = perSecond
        self.burst = burst
        self.notice = notice
    }

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        guard let userID = context.update.sender?.id, !Self.isPayment(context.update) else { return try await next(context) }
        let (allowed, sendNotice) = take(for: userID, at: .now)
        if allowed { return try await next(context) }
        context.logger.debug("Update throttled")
        if sendNotice, let notice = notice(context) {
            if context.update.callbackQuery != nil {
                try? await context.answerCallback(notice)
            } else {
                try? await context.reply(plain: notice)
            }
        }
    }

    static func isPayment(_ update: Update) -> Bool {
        update.preCheckoutQuery != nil || update.message?.successfulPayment != nil
    }

    private func take(for userID: Int64, at now: ContinuousClock.Instant) -> (allowed: Bool, sendNotice: Bool) {
        budgets.withLock { budgets in
            if budgets.count > 10_000 {
                budgets = budgets.filter { $0.value.updatedAt.duration(to: now) < .seconds(60) }
            }
            var budget = budgets[userID] ?? Budget(tokens: Double(burst), updatedAt: now)
            let elapsed = budget.updatedAt.duration(to: now)
            budget.tokens = min(
                Double(burst), budget.tokens + (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * perSecond)
            budget.updatedAt = now
            defer { budgets[userID] = budget }
            if budget.tokens >= 1 {
                budget.tokens -= 1
                budget.noticeSent = false
                return (true, false)
            }
            let sendNotice = !budget.noticeSent
            budget.noticeSent = true
            return (false, sendNotice)
        }
    }
}
