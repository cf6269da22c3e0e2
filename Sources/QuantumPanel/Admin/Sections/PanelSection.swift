import BotRouting

/// One section of the admin panel (Products, Prices, Stock, …) in one place: the panel's entries
/// it opens and the buttons it answers, what each needs of an admin's role, and the scenes it
/// runs. ``AdminHandlers/sectionTypes`` lists the sections, one line each. The screens are
/// ``AdminHandlers``' `show…` methods, shared, since a dialog of one section often ends on
/// another's screen.
protocol PanelSection: Sendable {
    init(admin: AdminHandlers)
    var admin: AdminHandlers { get }
    /// The panel's entries (``AdminCallback``) it opens, with what each needs.
    static var entries: [AdminCallback.Section: AdminAccess] { get }
    /// The kinds of button it answers, besides its entries.
    static var buttons: [any CallbackData.Type] { get }
    /// What pressing one of its `buttons` with `data` needs, or nil when `data` isn't its.
    static func access(for data: String) -> AdminAccess?
    /// The dialogs it runs.
    var scenes: [any Scene] { get }
    /// Opens one of its `entries`.
    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws
    /// Handlers for its `buttons`.
    func addHandlers(to router: Router)
}

extension PanelSection {
    static var entries: [AdminCallback.Section: AdminAccess] { [:] }
    var scenes: [any Scene] { [] }
    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {}

    /// What pressing `data` needs when it is this section's entry or button, else nil.
    static func required(for data: String) -> AdminAccess? {
        if let press = AdminCallback.match(data) { return entries[press.to] }
        return access(for: data)
    }

    /// The section's router: its entries, then its buttons.
    func makeRouter() -> Router {
        let router = Router(name: "admin.\(Self.self)")
        if !Self.entries.isEmpty {
            admin.onPress(
                AdminCallback.self, where: { Self.entries[$0.to] != nil }, on: router, fallback: { [admin] in try await admin.showPanel($0) }
            ) { press, context in
                try await open(press.to, page: press.page, context)
            }
        }
        addHandlers(to: router)
        return router
    }
}
