import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// The customers' screens (``CustomersSection``): the list, a profile and its orders, and who
/// the admin means (by id, @username, a forwarded message or Telegram's user picker).
extension AdminHandlers {
    /// The customer as they are now.
    func customer(_ telegramID: Int64) async throws -> CustomerSnapshot {
        guard let customer = try await shop.users.find(telegramID: telegramID) else { throw LedgerError.unknownCustomer(telegramID: telegramID) }
        return customer
    }

    /// The customer's profile, or the list when there is no such customer.
    func showCustomerOrList(_ context: HandlerContext, telegramID: Int64, note: HTML?) async throws {
        guard (try? await shop.users.find(telegramID: telegramID)) ?? nil != nil else {
            return try await showCustomers(context, filter: .all, page: 1, note: note)
        }
        try await showCustomer(context, telegramID: telegramID, note: note)
    }

    func showCustomers(_ context: HandlerContext, filter: CustomerFilter, page: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.customers(try await shop.users.list(filter, page: page), filter: filter), note), context)
    }

    func showCustomer(_ context: HandlerContext, telegramID: Int64, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.profile(try await shop.users.profile(telegramID)), note), context)
    }

    func showCustomerOrders(_ context: HandlerContext, _ customer: CustomerSnapshot, page: Int) async throws {
        let orders = try await shop.orders.orders(of: customer.telegramID, page: page)
        try await show(try context.adminTemplates.customerOrders(orders, of: customer), context)
    }

    // MARK: Who

    /// Puts Telegram's user picker under the text box; a reply keyboard comes only with a message of its own.
    func showPicker(_ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        _ = try await context.answer(plain: templates.people.pickHint, replyMarkup: .replyKeyboard(templates.picker()))
    }

    func removePicker(_ context: HandlerContext, saying text: HTML) async throws {
        _ = try await context.answer(text, replyMarkup: .removeKeyboard(ReplyKeyboardRemove(removeKeyboard: true)))
    }

    /// Whom the admin means: a picked user, the author of a forwarded message, or a typed id or
    /// @username. An id stands even for someone who isn't a customer (a new admin may not be).
    /// - Throws: ``PersonRefusal`` when it names no one.
    func person(in message: Message, forAdmin: Bool, _ templates: AdminTemplates) async throws -> (id: Int64, name: String, typed: String) {
        if let picked = message.usersShared?.users.first {
            let name = picked.firstName.map { $0 } ?? picked.username.map { "@" + $0 } ?? "\(picked.userID)"
            return (picked.userID, name, "\(picked.userID)")
        }
        if let origin = message.forwardOrigin {
            guard let user = origin.senderUser else {
                if let hidden = origin.senderUserName { throw PersonRefusal.hiddenForward(name: hidden) }
                throw PersonRefusal.notAPerson
            }
            return (user.id, user.firstName, "\(user.id)")
        }
        guard let text = message.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { throw PersonRefusal.notAPerson }
        if let id = CustomerRules.userID(text) { return (id, "<code>\(id)</code>", text) }
        guard (try? SellerService.username(text)) != nil else { throw PersonRefusal.notAPerson }
        guard let customer = try await shop.users.find(username: text) else {
            throw forAdmin ? PersonRefusal.unknownUsername(text) : PersonRefusal.customerNotFound(typed: text)
        }
        return (customer.telegramID, templates.name(customer), text)
    }

    /// Sends the customer a short message in their language; one who blocked the bot isn't told.
    func tell(_ telegramID: Int64, _ context: HandlerContext, _ text: (any Strings) -> HTML) async {
        let customer = try? await shop.users.find(telegramID: telegramID)
        let message = text(Language(customer: customer, telegramCode: customer?.languageCode).strings)
        do {
            _ = try await context.bot.send(SendMessage(chatID: .id(telegramID), text: message.rendered, parseMode: "HTML"))
        } catch {
            context.logger.info(
                "A customer could not be told of a change to their account", metadata: ["customer.id": "\(telegramID)", "error": "\(error)"])
        }
    }

    /// Refuses an admin who isn't root, whatever button or data they send.
    func checkRoot(_ context: HandlerContext) throws {
        let id = context.actorID
        guard shop.admins.isRoot(id) else { throw AdminError.notRoot(telegramID: id) }
    }
}
