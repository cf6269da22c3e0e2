import Logging
import TelegramBotAPI

/// Logs each update once it is handled: which handler took it and how long it took.
public struct LoggingMiddleware: UpdateMiddleware {
    public init() {}

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        let start = ContinuousClock.now
        defer {
            let elapsed = start.duration(to: .now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "Update handled",
                metadata: [
                    "update.kind": "\(context.update.kind.name)",
                    "handler": "\((context.handlerName ?? nil) ?? "none")",
                    "duration.ms": "\((milliseconds * 10).rounded() / 10)",
                ]
            )
        }
        try await next(context)
    }
}
