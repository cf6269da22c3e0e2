import TelegramBotAPI
import Tracing

/// A span around each update (outer, named after its kind) or around its handler (inner,
/// named after the handler's router and source line), through swift-distributed-tracing.
///
/// Added only when the process traces, so it costs nothing otherwise. Attributes are the
/// update's id and kind and the code's names: never a user, a chat or what they sent.
public struct TracingMiddleware: UpdateMiddleware {
    public enum Level: Sendable {
        /// The root span of the update's trace: add it first among the outer middlewares.
        case update
        /// A span for the chosen handler, among the inner middlewares.
        case handler
    }

    let level: Level

    public init(_ level: Level) {
        self.level = level
    }

    public func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws {
        switch level {
        case .update:
            let kind = context.update.kind.name
            // A new trace per update: nothing from the task that received it is its parent.
            try await withSpan("update \(kind)", context: .topLevel, ofKind: .consumer) { span in
                span.attributes["telegram.update.id"] = Int(context.update.updateID)
                span.attributes["telegram.update.kind"] = kind
                defer {
                    // The router's name, without the handler's source line, as in the metrics.
                    span.attributes["bot.router"] = String(((context.handlerName ?? nil) ?? "none").prefix { $0 != " " })
                }
                try await next(context)
            }
        case .handler:
            try await withSpan("handler \((context.handlerName ?? nil) ?? "none")", ofKind: .internal) { _ in
                try await next(context)
            }
        }
    }
}
