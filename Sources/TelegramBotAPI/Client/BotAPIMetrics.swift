import Metrics

/// What the Bot API client counts, through swift-metrics (nothing unless the process bootstraps
/// a backend). Labels are method names and outcomes, never an id, a chat or a text.
public enum BotAPIMetrics {
    /// One call answered, by method and result: `ok`, or the error's code (`tooManyRequests`…).
    static func answered(_ method: String, result: String) {
        Counter(label: "telegram_api_requests_total", dimensions: [("method", method), ("result", result)]).increment()
    }

    /// Time spent waiting before a retry: `flood` for Telegram's 429 `retry_after`, `error` otherwise.
    public static func waited(_ delay: Duration, reason: String) {
        FloatingPointCounter(label: "telegram_api_retry_wait_seconds_total", dimensions: [("reason", reason)]).increment(by: delay.seconds)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
