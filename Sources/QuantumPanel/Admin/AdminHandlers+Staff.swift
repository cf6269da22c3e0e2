import BotRouting
import Marketplace
import TelegramBotAPI

/// The admins' screen (``StaffSection``) and the trusted sellers' (``SellersSection``).
extension AdminHandlers {
    func showStaff(_ context: HandlerContext, note: HTML? = nil) async throws {
        try checkRoot(context)
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.staff(try await shop.admins.staff()), note), context)
    }

    // MARK: Trusted sellers

    func showSellers(_ context: HandlerContext, page: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.sellers(try await shop.sellers.list(), page: page), note), context)
    }

    func showSeller(_ context: HandlerContext, sellerID: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.seller(try await shop.sellers.seller(sellerID)), note), context)
    }

    /// The seller's card, or the list when they are gone.
    func showSellerOrList(_ context: HandlerContext, sellerID: Int, note: HTML?) async throws {
        guard (try? await shop.sellers.seller(sellerID)) != nil else { return try await showSellers(context, page: 1, note: note) }
        try await showSeller(context, sellerID: sellerID, note: note)
    }

    /// A seller's username as typed (or the username of the customer whose id was typed), refused
    /// at once when another seller has it rather than at Confirm, steps later.
    func checkedSellerUsername(_ text: String, sellerID: Int?) async throws -> String {
        let username = try await sellerUsername(text)
        if try await shop.sellers.list().contains(where: { $0.username == username && $0.id != sellerID }) {
            throw SellerError.alreadyListed(username: username)
        }
        return username
    }

    /// A username as typed, or the username of the customer whose id was typed.
    private func sellerUsername(_ text: String) async throws -> String {
        guard let id = CustomerRules.userID(text) else { return try SellerService.username(text) }
        guard let customer = try await shop.users.find(telegramID: id) else { throw PersonRefusal.customerNotFound(typed: "\(id)") }
        guard let username = customer.username else { throw PersonRefusal.noUsername(telegramID: id) }
        return username
    }

}
