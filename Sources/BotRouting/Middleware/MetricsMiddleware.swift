import Metrics
import TelegramBotAPI

/// Counts each update by kind and by the router whose handler took it, and times its handling, through
/// swift-metrics. Labels are code's names, never a user's data.
public struct MetricsMiddleware: UpdateMiddleware {
    public init() {}

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        let start = ContinuousClock.now
        defer {
            let kind = context.update.kind.name
            // The router's name, without the handler's source line, so a deploy keeps the series.
            let handler = ((context.handlerName ?? nil) ?? "none").prefix { $0 != " " }
            Counter(label: "bot_updates_total", dimensions: [("kind", kind), ("handler", String(handler))]).increment()
            Timer(label: "bot_update_duration_seconds", dimensions: [("kind", kind)]).recordInterval(since: start)
        }
        try await next(context)
    }
}

extension Timer {
    /// Records the time from `start` to now.
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
