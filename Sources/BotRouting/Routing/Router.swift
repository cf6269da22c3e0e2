import TelegramBotAPI

/// Handlers for kinds of update, with filters, and child routers: a tree the ``Dispatcher``
/// walks to find the one handler for an update.
///
/// A router's own handlers are tried in the order registered, then its children in the order
/// included; the first handler whose filters pass handles the update. A router-level filter
/// guards everything under it, whoever sends the update:
///
/// ```swift
/// let admin = Router(name: "admin")
/// admin.filter(isAdmin)                  // every admin command and button, checked here
/// admin.message(.command("stock")) { message, context in … }
/// root.include(admin)
/// ```
///
/// Build the tree at start; a ``Dispatcher`` takes a frozen copy.
public final class Router {
    public let name: String
    var guardFilter: UpdateFilter = .any
    var handlers: [RegisteredHandler] = []
    var children: [Router] = []
    var middlewares: [any UpdateMiddleware] = []

    public init(name: String) {
        self.name = name
    }

    /// Adds a filter every update must pass to reach this router's handlers and children.
    public func filter(_ filter: UpdateFilter) {
        guardFilter = guardFilter && filter
    }

    /// Adds a middleware around every handler of this router and its children.
    public func use(_ middleware: some UpdateMiddleware) {
        middlewares.append(middleware)
    }

    /// Adds a child router, tried after this router's own handlers and earlier children.
    public func include(_ router: Router) {
        precondition(router !== self, "a router can't include itself")
        children.append(router)
    }

    public func message(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Message, HandlerContext) async throws -> Void
    ) {
        add(.message, filter, name, file, line) { context in
            guard let message = context.update.message else { return }
            try await handler(message, context)
        }
    }

    public func editedMessage(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Message, HandlerContext) async throws -> Void
    ) {
        add(.editedMessage, filter, name, file, line) { context in
            guard let message = context.update.editedMessage else { return }
            try await handler(message, context)
        }
    }

    public func callbackQuery(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (CallbackQuery, HandlerContext) async throws -> Void
    ) {
        add(.callbackQuery, filter, name, file, line) { context in
            guard let query = context.update.callbackQuery else { return }
            try await handler(query, context)
        }
    }

    /// A button press whose data unpacks as `type`, handed over already unpacked.
    public func callbackQuery<Data: CallbackData>(
        _ type: Data.Type, _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (Data, CallbackQuery, HandlerContext) async throws -> Void
    ) {
        add(.callbackQuery, .callbackData(type) && filter, name, file, line) { context in
            guard let query = context.update.callbackQuery, let data = Data.match(query.data) else { return }
            try await handler(data, query, context)
        }
    }

    public func preCheckoutQuery(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (PreCheckoutQuery, HandlerContext) async throws -> Void
    ) {
        add(.preCheckoutQuery, filter, name, file, line) { context in
            guard let query = context.update.preCheckoutQuery else { return }
            try await handler(query, context)
        }
    }

    public func myChatMember(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (ChatMemberUpdated, HandlerContext) async throws -> Void
    ) {
        add(.myChatMember, filter, name, file, line) { context in
            guard let change = context.update.myChatMember else { return }
            try await handler(change, context)
        }
    }

    /// Any update, whatever its kind; for fallbacks.
    public func update(
        _ filter: UpdateFilter = .any, name: String? = nil, file: StaticString = #fileID, line: UInt = #line,
        _ handler: @escaping @Sendable (HandlerContext) async throws -> Void
    ) {
        add(nil, filter, name, file, line, handler)
    }

    private func add(
        _ kind: UpdateKind?, _ filter: UpdateFilter, _ name: String?, _ file: StaticString, _ line: UInt,
        _ run: @escaping @Sendable (HandlerContext) async throws -> Void
    ) {
        handlers.append(RegisteredHandler(name: name ?? "\(self.name) \(file):\(line)", kind: kind, filter: filter, run: run))
    }

    /// The frozen, `Sendable` tree a dispatcher walks.
    func freeze() -> RouteNode {
        RouteNode(name: name, guardFilter: guardFilter, handlers: handlers, children: children.map { $0.freeze() }, middlewares: middlewares)
    }
}

/// Kinds of update a handler can be registered for.
enum UpdateKind: Sendable {
    case message, editedMessage, callbackQuery, preCheckoutQuery, myChatMember

    init?(_ kind: Update.Kind) {
        switch kind {
        case .message: self = .message
        case .editedMessage: self = .editedMessage
        case .callbackQuery: self = .callbackQuery
        case .preCheckoutQuery: self = .preCheckoutQuery
        case .myChatMember: self = .myChatMember
        default: return nil
        }
    }
}

struct RegisteredHandler: Sendable {
    let name: String
    /// nil: any kind.
    let kind: UpdateKind?
    let filter: UpdateFilter
    let run: @Sendable (HandlerContext) async throws -> Void
}

/// A router frozen for dispatching.
struct RouteNode: Sendable {
    let name: String
    let guardFilter: UpdateFilter
    let handlers: [RegisteredHandler]
    let children: [RouteNode]
    let middlewares: [any UpdateMiddleware]

    /// The first handler for the update, depth first, with the middlewares of the routers on its path.
    func route(_ context: HandlerContext, kind: UpdateKind?) async -> (handler: RegisteredHandler, middlewares: [any UpdateMiddleware])? {
        guard await guardFilter.matches(context) else { return nil }
        for handler in handlers where handler.kind == nil || handler.kind == kind {
            if await handler.filter.matches(context) { return (handler, middlewares) }
        }
        for child in children {
            if let found = await child.route(context, kind: kind) {
                return (found.handler, middlewares + found.middlewares)
            }
        }
        return nil
    }
}
