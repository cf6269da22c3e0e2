/// When a failed Bot API call is tried again, and after how long.
///
/// 429 waits what Telegram asks in `retry_after`; 5xx and network failures back off exponentially
/// with jitter; every other error is returned at once, since the same request would fail the same way.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included; 1 turns retrying off.
    public var maxAttempts: Int
    /// The first back-off; each further one doubles, up to ``maxDelay``.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A 429 asking to wait longer than this is returned to the caller instead of waited out.
    public var maxRetryAfter: Duration
    /// When set, no retry starts after it, however many attempts are left.
    public var deadline: ContinuousClock.Instant?

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30), maxRetryAfter: Duration = .seconds(60)
    ) {
        precondition(maxAttempts >= 1, "a call is attempted at least once")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The default: up to 5 attempts, back-off from half a second to 30 seconds.
    public static let standard = RetryPolicy()
    /// One attempt, no retry.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Retries for as long as there is time before `deadline`, backing off up to 5 s: an update's
    /// answers while the Bot API is down for a while, so the customer gets the screen and not an
    /// apology once it is back.
    public static func until(_ deadline: ContinuousClock.Instant) -> RetryPolicy {
        var policy = RetryPolicy(maxAttempts: .max, maxDelay: .seconds(5))
        policy.deadline = deadline
        return policy
    }

    /// How long to wait before attempt `attempt + 1` after `error`, or nil to give up.
    /// - Parameter attempt: the attempt that just failed, counting from 1.
    public func delay(after error: BotAPIError, attempt: Int, now: ContinuousClock.Instant = .now) -> Duration? {
        guard attempt < maxAttempts, let wait = wait(after: error, attempt: attempt) else { return nil }
        if let deadline, now + wait > deadline { return nil }
        return wait
    }

    private func wait(after error: BotAPIError, attempt: Int) -> Duration? {
        switch error.code {
        case .tooManyRequests:
            let wait = error.retryAfter ?? baseDelay
            return wait <= maxRetryAfter ? wait : nil
        case .serverError, .network:
            // Equal jitter: half the exponential step for sure, the other half at random,
            // so many bots failing together don't come back at the same instant.
            let step = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
            let half = step / 2
            return half + half * Double.random(in: 0...1)
        default:
            return nil
        }
    }
}
