import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// The admin panel as a router. Its filter lets only admins in, on every update whoever sends
/// it: for anyone else every admin command and button falls through to the shop, which answers
/// as it does any unknown input.
struct AdminHandlers: Sendable {
    let shop: Shop
    let configuration: ShopConfiguration
    /// Nudges ``RestockNotifier`` when keys bring a price back, so waiting customers are told at once.
    let restockWakeUp: WakeUpSignal
    /// Runs the panel's dialogs (and the customers'): each task a ``Scene``.
    let scenes: Scenes
    /// Crypto top-ups' provider, for 💳 Payments' check; nil: off.
    var topUpProvider: (any TopUpProvider)? = nil

    /// Commands the shop keeps answering in the middle of a dialog.
    static let shopCommands = UpdateFilter.command("start", "help", "paysupport")

    /// The panel's sections, one line each: what they answer, need and run is theirs.
    static let sectionTypes: [any PanelSection.Type] = [
        ProductsSection.self, PricesSection.self, StockSection.self, CustomersSection.self, OrdersSection.self,
        StaffSection.self, SellersSection.self, BroadcastsSection.self, AuditSection.self, ExportSection.self, PaymentsSection.self,
        PromosSection.self,
    ]

    func makeRouter() -> Router {
        let router = Router(name: "admin")
        let sections = Self.sectionTypes.map { $0.init(admin: self) }
        for scene in sections.flatMap(\.scenes) {
            scenes.register(scene)
        }
        router.filter(Self.mayConcernThePanel && isAdmin)
        router.include(gateRouter())
        router.include(panelRouter())
        for section in sections {
            router.include(section.makeRouter())
        }
        return router
    }

    /// Every button the panel answers, by prefix.
    static let buttonPrefixes = Set([AdminCallback.prefix] + sectionTypes.flatMap { $0.buttons.map { $0.prefix } })

    /// A message (it may be a dialog's input) or a button the panel answers. Checked before the
    /// admin check, so a customer's tap on a shop button costs no admin look-up.
    static let mayConcernThePanel = UpdateFilter.predicate { context in
        guard let data = context.update.callbackQuery?.data else { return true }
        let prefix = String(data.prefix { $0 != ":" })
        return buttonPrefixes.contains(prefix) || data == CancelFlow.callbackData || NavigateCallback.match(data)?.to == .admin
    }

    /// The sender is an admin (the root admin always is).
    var isAdmin: UpdateFilter {
        let admins = shop.admins
        return .predicate { context in
            guard let id = context.update.sender?.id else { return false }
            return (try? await admins.isAdmin(id)) ?? false
        }
    }

    var currency: Currency { shop.currency }

    /// Buttons the admin's role doesn't allow (``AdminAccess``): refused with the reason, and
    /// nothing is done. A role changed meanwhile holds from the next press.
    private func gateRouter() -> Router {
        let router = Router(name: "admin.gate")
        let admins = shop.admins
        let refused = UpdateFilter.predicate { context in
            guard let data = context.update.callbackQuery?.data, let id = context.update.sender?.id else { return false }
            let access = AdminAccess.required(for: data)
            guard access != .anyAdmin else { return false }
            // Unknown (the database is away): the handler asks again, and its failure is an outage.
            guard let permissions = try? await admins.permissions(of: id) else { return true }
            return !access.allows(permissions, isRoot: admins.isRoot(id))
        }
        router.callbackQuery(refused) { query, context in
            _ = try await admins.permissions(of: context.actorID)
            try await leaveDialog(context)
            let people = context.adminTemplates.people
            let isRootOnly = AdminAccess.required(for: query.data ?? "") == .root
            try await context.answerCallback(isRootOnly ? people.notRoot.plainText : people.notPermitted, showAlert: true)
            try await showPanel(context)
        }
        return router
    }

    /// Registers an admin button. Pressing it leaves any dialog first, so nothing half-typed stays
    /// behind; a refusal (the thing was deleted meanwhile, a sold key) shows as an alert, then
    /// `fallback`'s list.
    func onPress<Data: CallbackData>(
        _ type: Data.Type, where accepts: @escaping @Sendable (Data) -> Bool = { _ in true }, on router: Router,
        fallback: @escaping @Sendable (HandlerContext) async throws -> Void, _ act: @escaping @Sendable (Data, HandlerContext) async throws -> Void
    ) {
        let accepted = UpdateFilter.predicate { context in context.update.callbackQuery?.data.flatMap(Data.match).map(accepts) ?? false }
        router.callbackQuery(type, accepted) { press, _, context in
            try await leaveDialog(context)
            do {
                try await act(press, context)
            } catch let refusal as any ReadableRefusal {
                try await context.answerCallback(refusal.words(in: context.adminTemplates.language).plainText, showAlert: true)
                try await fallback(context)
            }
        }
    }

    // MARK: The panel

    private func panelRouter() -> Router {
        let router = Router(name: "admin.panel")
        router.message(.command("admin")) { _, context in
            try await context.fsm.clear()
            try await showPanel(context)
        }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .admin)) { _, _, context in
            try await context.fsm.clear()
            try await showPanel(context)
        }
        // The sections' entries are theirs; these two are the panel's own.
        onPress(AdminCallback.self, where: { [.panel, .chart].contains($0.to) }, on: router, fallback: { try await showPanel($0) }) {
            section, context in
            if section.to == .chart { return try await sendChart(context) }
            try await showPanel(context)
        }
        return router
    }

    func showPanel(_ context: HandlerContext, note: HTML? = nil) async throws {
        try await Self.showPanel(context, shop: shop, configuration: configuration, note: note)
    }

    /// The panel's first screen with the sections the admin's role opens; also where a dialog that
    /// ended without its scene lands (``ShopScenes``).
    static func showPanel(_ context: HandlerContext, shop: Shop, configuration: ShopConfiguration, note: HTML?) async throws {
        let stats = try await shop.stats.stats()
        let low = try await shop.stats.lowStock(below: configuration.lowStockThreshold)
        let panel = try context.adminTemplates.panel(
            stats, lowStock: low, threshold: configuration.lowStockThreshold, credited: try await shop.credited(by: configuration.topUpProviders))
        try await show(context.adminTemplates.noted(panel, note), context, admins: shop.admins)
    }

    /// Shows an admin screen with only the buttons the admin's role allows.
    func show(_ screen: Screen, _ context: HandlerContext) async throws {
        try await Self.show(screen, context, admins: shop.admins)
    }

    static func show(_ screen: Screen, _ context: HandlerContext, admins: AdminService) async throws {
        let id = context.actorID
        let permissions = try await admins.permissions(of: id) ?? []
        try await context.show(screen.limited(to: permissions, isRoot: admins.isRoot(id)))
    }

    /// Ends any dialog, taking away the user picker if its step showed one.
    func leaveDialog(_ context: HandlerContext, saying text: String? = nil) async throws {
        if let dialog = try await scenes.current(PersonScene.self, context), dialog.step != nil, dialog.draft.telegramID == nil {
            try await removePicker(context, saying: HTML(text: text ?? context.adminTemplates.strings.cancelled))
        }
        try await context.fsm.clear()
    }

    /// Reads an amount as typed (`9.99`, `10`, `9,99`).
    /// - Throws: ``TypedNumberRefusal`` or ``CatalogueError`` when it isn't one.
    func amount(_ text: String) throws -> Money {
        do {
            return try CatalogueRules.price(try Money.parse(text, currency: currency))
        } catch let error as MoneyError {
            throw TypedNumberRefusal(error, typed: text, currency: currency)
        }
    }
}

extension HandlerContext {
    /// The admin screens in the sender's language.
    var adminTemplates: AdminTemplates { AdminTemplates(language: language) }

    /// The admin acting: the update's sender, whom the panel's filter let in. An update with no
    /// sender never gets that far, and 0 would be refused by every permission check.
    var actorID: Int64 { update.sender?.id ?? 0 }
}
