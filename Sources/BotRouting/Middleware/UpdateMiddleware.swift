import Logging
import TelegramBotAPI

/// Code around handling an update: outer middleware runs for every update, before routing;
/// inner middleware runs around the chosen handler only. Both run in the order registered.
///
/// A middleware calls `next` to go on, or returns without calling it to stop the update there.
public protocol UpdateMiddleware: Sendable {
    func handle(_ context: HandlerContext, next: @Sendable (HandlerContext) async throws -> Void) async throws
}

extension Array where Element == any UpdateMiddleware {
    /// `final` wrapped in every middleware, the first one outermost.
    func wrapping(_ final: @escaping @Sendable (HandlerContext) async throws -> Void) -> @Sendable (HandlerContext) async throws -> Void {
        reversed().reduce(final) { next, middleware in
            { context in try await middleware.handle(context, next: next) }
        }
    }
}
