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
        ] {
            scenes.register(scene)
        }
        router.filter(Self.mayConcernThePanel && isAdmin)
        router.include(gateRouter())
        router.include(cancelRouter())
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
        router.include(dialogRouter())
        return router
    }

    /// Every button the panel answers, by prefix.
    static let buttonPrefixes: Set<String> = [
        AdminCallback.prefix, AdminProductCallback.prefix, AdminPriceCallback.prefix, AdminKeysCallback.prefix,
        AdminDeleteKeyCallback.prefix, AdminDialogCallback.prefix, AdminCustomersCallback.prefix,
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
            case .findCustomer: try await ask(context, .person, AdminDraft(.findCustomer))
            case .findOrder: try await scenes.start(FindOrderScene(admin: self), at: .number, with: .init(), context)
            case .staff: try await showStaff(context)
            case .addAdmin:
                try checkRoot(context)
                try await ask(context, .person, AdminDraft(.addAdmin))
            case .sellers: try await showSellers(context, page: section.page)
            case .addSeller: try await scenes.start(AddSellerScene(admin: self), at: .username, with: .init(), context)
            case .broadcast: try await scenes.start(BroadcastScene(admin: self), at: .content, with: .init(), context)
            case .auditFilter: try await ask(context, .person, AdminDraft(.auditFilter))
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
        if try await context.fsm.isIn(AdminDialog.person) {
            try await removePicker(context, saying: text ?? context.adminTemplates.strings.cancelled)
        }
        try await context.fsm.clear()
    }

    // MARK: Cancel

    /// `/cancel` and ✖ Cancel inside a dialog: nothing is written, and the admin is back where the
    /// dialog started. Outside a dialog the shop's cancel answers.
    private func cancelRouter() -> Router {
        let router = Router(name: "admin.cancel")
        let inDialog = UpdateFilter.state(in: AdminDialog.self)
        let cancel: @Sendable (HandlerContext) async throws -> Void = { context in
            let draft = try await context.fsm.draft()
            try await leaveDialog(context)
            try await context.answerCallback(context.adminTemplates.strings.cancelled)
            try await showOrigin(of: draft, context, note: context.adminTemplates.strings.cancelled)
        }
        router.message(.command("cancel") && inDialog) { _, context in try await cancel(context) }
        router.callbackQuery(.predicate { $0.update.callbackQuery?.data == CancelFlow.callbackData } && inDialog) { _, context in try await cancel(context) }
        return router
    }

    /// The screen a dialog was started from.
    func showOrigin(of draft: AdminDraft?, _ context: HandlerContext, note: String?) async throws {
        guard let draft else { return try await showPanel(context, note: note) }
        try await showPeopleOrigin(of: draft, context, note: note)
    }

    // MARK: Dialogs

    /// Moves the dialog to `step` and asks its question.
    func ask(_ context: HandlerContext, _ step: AdminDialog, _ draft: AdminDraft, reason: String? = nil) async throws {
        var draft = draft
        draft.stepUpdateID = context.update.updateID
        if draft.dialogID == 0 { draft.dialogID = Int.random(in: 1...999_999_999) }
        try await context.fsm.advance(to: step, draft)
        try await context.show(Self.stamped(try await prompt(for: step, draft, context, reason: reason), dialog: draft.dialogID))
        if step == .person { try await showPicker(context) }
    }

    /// Asks the current step's question again, saying why the answer was refused.
    func reask(_ context: HandlerContext, _ reason: String) async throws {
        guard let (step, draft) = try await stored(context) else {
            try await context.fsm.clear()
            return try await showPanel(context)
        }
        try await context.answerCallback(nil)
        try await context.show(Self.stamped(try await prompt(for: step, draft, context, reason: reason), dialog: draft.dialogID))
        // A used picker hides itself: it comes back with the question.
        if step == .person { try await showPicker(context) }
    }

    private func dialogRouter() -> Router {
        let router = Router(name: "admin.dialog")
        let inDialog = UpdateFilter.state(in: AdminDialog.self)
        router.message(inDialog && !Self.shopCommands) { message, context in
            guard let (step, draft) = try await current(context) else { return }
            try await receive(message, at: step, draft, context)
        }
        router.callbackQuery(AdminDialogCallback.self, inDialog) { answer, _, context in
            guard let (step, draft) = try await current(context) else { return }
            guard answer.dialog == draft.dialogID else { return try await ended(context) }
            try await receive(answer.answer, at: step, draft, context)
        }
        router.callbackQuery(AdminDialogCallback.self) { _, _, context in try await ended(context) }
        return router
    }

    /// A dialog's button after its dialog ended (cancelled, confirmed, or another begun): whether
    /// it wrote anything is not known here, so the note says only that it ended.
    private func ended(_ context: HandlerContext) async throws {
        try await context.answerCallback(context.adminTemplates.strings.dialogEnded)
        try await showPanel(context, note: context.adminTemplates.strings.dialogEnded)
    }

    /// `screen` with its dialog buttons tied to dialog `dialog`.
    static func stamped(_ screen: Screen, dialog: Int) -> Screen {
        guard let keyboard = screen.keyboard else { return screen }
        var stamped = screen
        stamped.keyboard = InlineKeyboardMarkup(inlineKeyboard: keyboard.inlineKeyboard.map { row in
            row.map { button in
                var button = button
                if var answer = AdminDialogCallback.match(button.callbackData) {
                    answer.dialog = dialog
                    button.callbackData = (try? answer.pack()) ?? button.callbackData
                }
                return button
            }
        })
        return stamped
    }

    /// The dialog's step and draft as stored.
    private func stored(_ context: HandlerContext) async throws -> (AdminDialog, AdminDraft)? {
        guard let name = try await context.fsm.currentState(), let step = AdminDialog.allCases.first(where: { $0.qualifiedName == name }),
            let draft = try await context.fsm.draft()
        else { return nil }
        return (step, draft)
    }

    /// The step this update answers, or nil when there is none to answer (the panel is shown) or
    /// the update already answered it.
    private func current(_ context: HandlerContext) async throws -> (AdminDialog, AdminDraft)? {
        guard let (step, draft) = try await stored(context) else {
            // A dialog this version doesn't know (it moved to a scene), or lost data: the admin
            // is told it ended, and starts over from the panel.
            let state = try await context.fsm.currentState() ?? ""
            context.logger.notice("A dialog this version doesn't know ended", metadata: ["state": "\(state)"])
            try await context.fsm.clear()
            try await ended(context)
            return nil
        }
        if let answered = draft.stepUpdateID, context.update.updateID <= answered {
            context.logger.notice("A dialog's answer handled again after a restart; it was already taken", metadata: ["update.id": "\(context.update.updateID)"])
            return nil
        }
        return (step, draft)
    }

    /// A typed (or sent) answer to the current step.
    private func receive(_ message: Message, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let strings = context.adminTemplates.strings
        guard step == .confirm else { return try await receivePeople(message, at: step, draft, context) }
        try await reask(context, strings.pressConfirm)
    }

    private func receive(_ answer: AdminDialogCallback.Answer, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        if answer != .confirm { return try await receivePeople(answer, at: step, draft, context) }
        switch (step, answer) {
        case (.confirm, .confirm):
            try await context.fsm.clear()
            try await context.answerCallback(nil)
            try await perform(draft, context)
        default:
            // A button of an earlier step: the question stands.
            try await reask(context, context.adminTemplates.strings.pressYesOrNo)
        }
    }

    /// Does what the confirmed dialog asked; a refusal is shown with the screen it was about.
    private func perform(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        try await performPeopleTask(draft, context)
    }

    /// The question of each step, with the buttons it takes.
    private func prompt(for step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext, reason: String?) async throws -> Screen {
        guard step == .confirm else { return try await peoplePrompt(for: step, draft, context, reason: reason) }
        var screen = try await peopleSummary(of: draft, context)
        if let reason { screen.text = "⚠️ " + reason + "\n\n" + screen.text }
        return screen
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
