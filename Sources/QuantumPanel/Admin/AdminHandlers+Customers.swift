import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// The customers section: the list, finding one (by id, @username, a forwarded message or
/// Telegram's user picker), their profile and orders, and what an admin does to their account.
extension AdminHandlers {
    func customersRouter() -> Router {
        let router = Router(name: "admin.customers")
        onPress(AdminCustomersCallback.self, on: router, fallback: { try await showPanel($0) }) { press, context in
            try await showCustomers(context, filter: press.filter, page: press.page)
        }
        onPress(AdminCustomerCallback.self, on: router, fallback: { try await showCustomers($0, filter: .all, page: 1) }) { press, context in
            try await act(on: press, context)
        }
        return router
    }

    private func act(on press: AdminCustomerCallback, _ context: HandlerContext) async throws {
        let id = press.telegramID
        guard let customer = try await shop.users.find(telegramID: id) else { throw LedgerError.unknownCustomer(telegramID: id) }
        var draft = AdminDraft(.credit)
        draft.telegramID = id
        switch press.action {
        case .open: return try await showCustomer(context, telegramID: id)
        case .orders: return try await showCustomerOrders(context, customer, page: press.value)
        case .credit: return try await ask(context, .amount, draft)
        case .debit: draft.task = .debit
        case .premium: (draft.task, draft.flag) = (.setPremium, !customer.isPremium)
        case .reseller: (draft.task, draft.flag) = (.setReseller, !customer.isReseller)
        case .ban:
            // A banned admin would be locked out of the panel too.
            if !customer.isBanned, try await shop.admins.isAdmin(id) { throw AdminInputRefusal(context.adminTemplates.people.cantBanAdmin) }
            (draft.task, draft.flag) = (.setBanned, !customer.isBanned)
        case .refundStars: (draft.task, draft.paymentID) = (.refundStars, press.value)
        }
        try await ask(context, draft.task == .debit ? .amount : .confirm, draft)
    }

    func showCustomers(_ context: HandlerContext, filter: CustomerFilter, page: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.customers(try await shop.users.list(filter, page: page), filter: filter), note))
    }

    func showCustomer(_ context: HandlerContext, telegramID: Int64, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.profile(try await shop.users.profile(telegramID)), note))
    }

    private func showCustomerOrders(_ context: HandlerContext, _ customer: CustomerSnapshot, page: Int) async throws {
        let orders = try await shop.orders.orders(of: customer.telegramID, page: page)
        try await context.show(try context.adminTemplates.customerOrders(orders, of: customer))
    }

    // MARK: Who

    /// Puts Telegram's user picker under the text box; a reply keyboard comes only with a message of its own.
    func showPicker(_ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        _ = try await context.answer(templates.people.pickHint, replyMarkup: .replyKeyboard(templates.picker()))
    }

    func removePicker(_ context: HandlerContext, saying text: String) async throws {
        _ = try await context.answer(text, replyMarkup: .removeKeyboard(ReplyKeyboardRemove(removeKeyboard: true)))
    }

    /// Whom the admin means: a picked user, the author of a forwarded message, or a typed id or
    /// @username. An id stands even for someone who isn't a customer (a new admin may not be).
    private func person(in message: Message, forAdmin: Bool, _ templates: AdminTemplates) async throws -> (id: Int64, name: String, typed: String) {
        let people = templates.people
        if let picked = message.usersShared?.users.first {
            let name = picked.firstName.map { templates.e($0) } ?? picked.username.map { "@" + templates.e($0) } ?? "\(picked.userID)"
            return (picked.userID, name, "\(picked.userID)")
        }
        if let origin = message.forwardOrigin {
            guard let user = origin.senderUser else {
                if let hidden = origin.senderUserName { throw AdminInputRefusal(people.hiddenForward(templates.e(HTML.truncate(hidden, to: 40)))) }
                throw AdminInputRefusal(people.notAPerson)
            }
            return (user.id, templates.e(user.firstName), "\(user.id)")
        }
        guard let text = message.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { throw AdminInputRefusal(people.notAPerson) }
        let typed = templates.e(HTML.truncate(text, to: 40))
        if let id = CustomerRules.userID(text) { return (id, "<code>\(id)</code>", typed) }
        guard (try? SellerService.username(text)) != nil else { throw AdminInputRefusal(people.notAPerson) }
        guard let customer = try await shop.users.find(username: text) else {
            let name = templates.e(text.hasPrefix("@") ? String(text.dropFirst()) : text)
            throw AdminInputRefusal(forAdmin ? people.unknownUsername(name) : people.customerNotFound(typed))
        }
        return (customer.telegramID, templates.name(customer), typed)
    }

    func receivePerson(_ message: Message, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        let person: (id: Int64, name: String, typed: String)
        do {
            person = try await self.person(in: message, forAdmin: draft.task == .addAdmin, templates)
        } catch let refusal as AdminInputRefusal {
            return try await reask(context, refusal.message)
        }
        var draft = draft
        let customer = try await shop.users.find(telegramID: person.id)
        if draft.task == .findCustomer {
            guard let customer else { return try await reask(context, templates.people.customerNotFound(person.typed)) }
            try await context.fsm.clear()
            try await removePicker(context, saying: templates.people.found(templates.name(customer)))
            return try await showCustomer(context, telegramID: customer.telegramID)
        }
        if draft.task == .auditFilter {
            try await context.fsm.clear()
            try await removePicker(context, saying: templates.people.found(customer.map(templates.name) ?? person.name))
            return try await showAudit(context, person: person.id, page: 1)
        }
        // Adding an admin: confirmed first, like every change.
        draft.telegramID = person.id
        draft.personName = customer.map(templates.name) ?? person.name
        draft.username = customer?.username ?? message.usersShared?.users.first?.username
        try await removePicker(context, saying: templates.people.found(draft.personName ?? ""))
        try await ask(context, .confirm, draft)
    }

    // MARK: Changes

    func performCustomerTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let templates = context.adminTemplates
        let id = draft.telegramID ?? 0
        let amount = Money(minorUnits: draft.amount ?? 0, currency: currency)
        let note = draft.note ?? ""
        switch draft.task {
        case .credit, .debit:
            let isCredit = draft.task == .credit
            let balance = isCredit
                ? try await shop.ledger.credit(amount, to: id, reason: .adminCredit, actorID: admin, note: note)
                : try await shop.ledger.debit(amount, from: id, reason: .adminDebit, actorID: admin, note: note)
            try await showCustomer(context, telegramID: id, note: templates.people.balanceChanged(templates.e(balance.formatted)))
            await tell(id, context) { strings, e in
                (isCredit ? strings.creditedNotice : strings.debitedNotice)(e(amount.formatted), e(note), e(balance.formatted))
            }
        case .setPremium:
            let isPremium = draft.flag ?? false
            _ = try await shop.users.setPremium(isPremium, telegramID: id, by: admin)
            try await showCustomer(context, telegramID: id, note: templates.strings.saved)
            await tell(id, context) { strings, _ in isPremium ? strings.premiumGrantedNotice : strings.premiumRevokedNotice }
        case .setReseller:
            let isReseller = draft.flag ?? false
            _ = try await shop.users.setReseller(isReseller, telegramID: id, by: admin)
            try await showCustomer(context, telegramID: id, note: templates.strings.saved)
            await tell(id, context) { strings, _ in isReseller ? strings.resellerOnNotice : strings.resellerOffNotice }
        case .setBanned:
            _ = try await shop.users.setBanned(draft.flag ?? false, telegramID: id, by: admin)
            // A banned customer's dialog ends now, not when they next write.
            if draft.flag == true { try await FSMContext(storage: context.fsm.storage, key: StorageKey(chatID: id, userID: id)).clear() }
            try await showCustomer(context, telegramID: id, note: templates.strings.saved)
        default:
            let refunder = StarsRefunder(shop: shop, bot: context.bot, logger: context.logger)
            switch try await refunder.refund(paymentID: draft.paymentID ?? 0, by: admin) {
            case .refunded(let claim):
                try await showCustomer(context, telegramID: id, note: templates.people.starsRefunded(claim.stars))
                await refunder.tell(claim)
            case .pending:
                try await showCustomer(context, telegramID: id, note: templates.people.starsRefundPending)
            }
        }
    }

    /// Sends the customer a short message in their language; one who blocked the bot isn't told.
    func tell(_ telegramID: Int64, _ context: HandlerContext, _ text: (Strings, (String) -> String) -> String) async {
        let customer = try? await shop.users.find(telegramID: telegramID)
        let strings = Language(customer: customer, telegramCode: customer?.languageCode).strings
        let message = text(strings) { HTML.escape($0) }
        do {
            _ = try await context.bot.send(SendMessage(chatID: .id(telegramID), text: message, parseMode: "HTML"))
        } catch {
            context.logger.info("A customer could not be told of a change to their account", metadata: ["customer.id": "\(telegramID)", "error": "\(error)"])
        }
    }

    /// Refuses an admin who isn't root, whatever button or data they send.
    func checkRoot(_ context: HandlerContext) throws {
        let id = try context.customer.telegramID
        guard shop.admins.isRoot(id) else { throw AdminError.notRoot(telegramID: id) }
    }
}
