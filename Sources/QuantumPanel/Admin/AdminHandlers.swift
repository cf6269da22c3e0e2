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

    /// Commands the shop keeps answering in the middle of a dialog.
    static let shopCommands = UpdateFilter.command("start", "help", "paysupport")

    func makeRouter() -> Router {
        let router = Router(name: "admin")
        for scene: any Scene in [
            AdminRoleScene(admin: self), AddProductScene(admin: self), EditProductScene(admin: self), ProductChangeScene(admin: self),
            AddPriceScene(admin: self), EditPriceScene(admin: self), PriceChangeScene(admin: self), AddKeysScene(admin: self), StockChangeScene(admin: self),
            AddSellerScene(admin: self), EditSellerScene(admin: self), RemoveSellerScene(admin: self), FindOrderScene(admin: self), RefundScene(admin: self), BroadcastScene(admin: self),
            PersonScene(admin: self), BalanceScene(admin: self), CustomerChangeScene(admin: self), RemoveAdminScene(admin: self),
        ] {
            scenes.register(scene)
        }
        router.filter(Self.mayConcernThePanel && isAdmin)
        router.include(gateRouter())
        router.include(panelRouter())
        router.include(productsRouter())
        router.include(pricesRouter())
        router.include(stockRouter())
        router.include(customersRouter())
        router.include(ordersRouter())
        router.include(staffRouter())
        router.include(sellersRouter())
        router.include(broadcastsRouter())
        router.include(recordsRouter())
        return router
    }

    /// Every button the panel answers, by prefix.
    static let buttonPrefixes: Set<String> = [
        AdminCallback.prefix, AdminProductCallback.prefix, AdminPriceCallback.prefix, AdminKeysCallback.prefix,
        AdminDeleteKeyCallback.prefix, AdminCustomersCallback.prefix,
        AdminCustomerCallback.prefix, AdminOrderCallback.prefix, AdminStaffCallback.prefix, AdminSellerCallback.prefix,
        AdminBroadcastCallback.prefix, AdminAuditCallback.prefix, AdminExportCallback.prefix, AdminRoleCallback.prefix,
    ]

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
            _ = try await admins.permissions(of: try context.customer.telegramID)
            try await leaveDialog(context)
            let people = context.adminTemplates.people
            let isRootOnly = AdminAccess.required(for: query.data ?? "") == .root
            try await context.answerCallback(isRootOnly ? people.notRoot : people.notPermitted, showAlert: true)
            try await showPanel(context)
        }
        return router
    }

    /// Registers an admin button. Pressing it leaves any dialog first, so nothing half-typed stays
    /// behind; a refusal (the thing was deleted meanwhile, a sold key) shows as an alert, then
    /// `fallback`'s list.
    func onPress<Data: CallbackData>(
        _ type: Data.Type, on router: Router, fallback: @escaping @Sendable (HandlerContext) async throws -> Void,
        _ act: @escaping @Sendable (Data, HandlerContext) async throws -> Void
    ) {
        router.callbackQuery(type) { press, _, context in
            try await leaveDialog(context)
            do {
                try await act(press, context)
            } catch let error as CatalogError {
                try await context.answerCallback(context.adminTemplates.refusal(error), showAlert: true)
                try await fallback(context)
            } catch {
                guard let message = context.adminTemplates.peopleRefusal(error) else { throw error }
                try await context.answerCallback(message, showAlert: true)
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
        onPress(AdminCallback.self, on: router, fallback: { try await showPanel($0) }) { section, context in
            switch section.to {
            case .panel: try await showPanel(context)
            case .products: try await showProducts(context, page: section.page)
            case .stock: try await showStock(context, page: section.page)
            case .addProduct: try await scenes.start(AddProductScene(admin: self), at: .name, with: .init(), context)
            case .findCustomer: try await scenes.start(PersonScene(admin: self), at: .person, with: .init(purpose: .findCustomer), context)
            case .findOrder: try await scenes.start(FindOrderScene(admin: self), at: .number, with: .init(), context)
            case .staff: try await showStaff(context)
            case .addAdmin:
                try checkRoot(context)
                try await scenes.start(PersonScene(admin: self), at: .person, with: .init(purpose: .addAdmin), context)
            case .sellers: try await showSellers(context, page: section.page)
            case .addSeller: try await scenes.start(AddSellerScene(admin: self), at: .username, with: .init(), context)
            case .broadcast: try await scenes.start(BroadcastScene(admin: self), at: .content, with: .init(), context)
            case .auditFilter: try await scenes.start(PersonScene(admin: self), at: .person, with: .init(purpose: .auditFilter), context)
            case .export: try await context.show(try context.adminTemplates.exports())
            case .chart: try await sendChart(context)
            }
        }
        return router
    }

    func showPanel(_ context: HandlerContext, note: String? = nil) async throws {
        try await Self.showPanel(context, shop: shop, configuration: configuration, note: note)
    }

    /// The panel's first screen with the sections the admin's role opens; also where a dialog that
    /// ended without its scene lands (``ShopScenes``).
    static func showPanel(_ context: HandlerContext, shop: Shop, configuration: ShopConfiguration, note: String?) async throws {
        let stats = try await shop.stats.stats()
        let low = try await shop.stats.lowStock(below: configuration.lowStockThreshold)
        let id = try context.customer.telegramID
        let permissions = try await shop.admins.permissions(of: id) ?? []
        let panel = try context.adminTemplates.panel(stats, lowStock: low, threshold: configuration.lowStockThreshold, permissions: permissions, isRoot: shop.admins.isRoot(id))
        try await context.show(context.adminTemplates.noted(panel, note))
    }

    /// Ends any dialog, taking away the user picker if its step showed one.
    func leaveDialog(_ context: HandlerContext, saying text: String? = nil) async throws {
        if let dialog = try await scenes.current(PersonScene.self, context), dialog.step != nil, dialog.draft.telegramID == nil {
            try await removePicker(context, saying: text ?? context.adminTemplates.strings.cancelled)
        }
        try await context.fsm.clear()
    }

    /// Reads an amount as typed (`9.99`, `10`, `9,99`), or says why it isn't one.
    func amount(_ text: String, _ templates: AdminTemplates) -> Result<Money, AdminInputRefusal> {
        do {
            return .success(try CatalogueRules.price(try Money.parse(text, currency: currency)))
        } catch let error as MoneyError {
            return .failure(AdminInputRefusal(templates.refusal(error, typed: text, currency: currency)))
        } catch let error as CatalogError {
            return .failure(AdminInputRefusal(templates.refusal(error)))
        } catch {
            return .failure(AdminInputRefusal(templates.strings.amountEmpty))
        }
    }
}

/// Why typed input was refused, as the admin reads it.
struct AdminInputRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension HandlerContext {
    /// The admin screens in the sender's language.
    var adminTemplates: AdminTemplates {
        AdminTemplates(language: Language(customer: values[CustomerKey.self], telegramCode: update.sender?.languageCode))
    }
}
