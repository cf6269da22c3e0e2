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
        let change: CustomerChangeScene.Change
        switch press.action {
        case .open: return try await showCustomer(context, telegramID: id)
        case .orders: return try await showCustomerOrders(context, customer, page: press.value)
        case .credit, .debit:
            return try await scenes.start(BalanceScene(admin: self), at: .amount, with: .init(telegramID: id, isCredit: press.action == .credit), context)
        case .premium: change = .premium(!customer.isPremium)
        case .reseller: change = .reseller(!customer.isReseller)
        case .ban:
            // A banned admin would be locked out of the panel too.
            if !customer.isBanned, try await shop.admins.isAdmin(id) { throw AdminInputRefusal(context.adminTemplates.people.cantBanAdmin) }
            change = .banned(!customer.isBanned)
        case .refundStars: change = .refundStars(paymentID: press.value)
        }
        try await scenes.confirm(CustomerChangeScene(admin: self), .init(telegramID: id, change: change), context)
    }

    /// The customer as they are now.
    func customer(_ telegramID: Int64) async throws -> CustomerSnapshot {
        guard let customer = try await shop.users.find(telegramID: telegramID) else { throw LedgerError.unknownCustomer(telegramID: telegramID) }
        return customer
    }

    /// The customer's profile, or the list when there is no such customer.
    func showCustomerOrList(_ context: HandlerContext, telegramID: Int64, note: String?) async throws {
        guard (try? await shop.users.find(telegramID: telegramID)) ?? nil != nil else { return try await showCustomers(context, filter: .all, page: 1, note: note) }
        try await showCustomer(context, telegramID: telegramID, note: note)
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
    func person(in message: Message, forAdmin: Bool, _ templates: AdminTemplates) async throws -> (id: Int64, name: String, typed: String) {
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
