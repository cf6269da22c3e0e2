import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

extension ShopHandlers {
    /// The most keys one order may hold (``PurchaseService`` refuses more).
    static let maximumQuantity = 100

    func catalogueRouter(scenes: Scenes) -> Router {
        let router = CustomerRouter(name: "catalogue", customers: customers)
        router.callbackQuery(NavigateCallback.self, .navigation(to: .products)) { _, context, customer in
            try await showProducts(context, customer, page: 1)
        }
        router.callbackQuery(ProductsPageCallback.self) { pick, context, customer in
            try await showProducts(context, customer, page: pick.page)
        }
        router.callbackQuery(ProductCallback.self) { pick, context, customer in
            let catalogue = try await shop.catalogue.products(for: customer)
            guard let product = catalogue.first(where: { $0.id == pick.productID }) else {
                try await context.answerCallback(context.templates.strings.productGone, showAlert: true)
                return try await showProducts(context, customer, page: pick.page)
            }
            try await context.fsm.clear()
            try await context.show(context.templates.product(product, page: pick.page))
        }
        router.callbackQuery(OfferCallback.self) { offer, context, customer in
            try await showConfirmation(context, customer, priceID: offer.priceID, quantity: offer.quantity)
        }
        router.callbackQuery(QuantityPromptCallback.self) { prompt, context, customer in
            guard customer.isReseller else { return try await showConfirmation(context, customer, priceID: prompt.priceID, quantity: 1) }
            try await scenes.start(ResellerQuantityScene(shop: self), at: .quantity, with: .init(priceID: prompt.priceID), context)
        }
        router.callbackQuery(BuyCallback.self) { buy, context, customer in
            try await buyKeys(context, customer, buy)
        }
        router.callbackQuery(PromoBuyCallback.self) { buy, context, customer in
            try await buyKeys(
                context, customer, BuyCallback(priceID: buy.priceID, quantity: buy.quantity, total: buy.total, token: buy.token), withPromo: true)
        }
        router.callbackQuery(PromoCodeCallback.self) { pick, context, _ in
            try await scenes.start(
                PromoCodeScene(shop: self), at: .code, with: .init(priceID: pick.priceID, quantity: pick.quantity), context)
        }
        router.callbackQuery(PromoRemoveCallback.self) { pick, context, customer in
            try await shop.promos.keep(nil, for: customer.telegramID)
            try await showConfirmation(
                context, customer, priceID: pick.priceID, quantity: pick.quantity, notice: context.templates.strings.promoRemoved)
        }
        router.callbackQuery(RestockCallback.self) { request, context, customer in
            do {
                try await shop.restock.request(telegramID: customer.telegramID, priceID: request.priceID)
                try await context.answerCallback(context.templates.strings.notifyMeDone, showAlert: true)
            } catch CatalogueError.priceNotFound {
                try await context.answerCallback(context.templates.strings.unavailableNow, showAlert: true)
            }
        }
        return router.router
    }

    private func showProducts(_ context: HandlerContext, _ customer: CustomerSnapshot, page: Int) async throws {
        let catalogue = try await shop.catalogue.products(for: customer)
        try await context.show(context.templates.products(catalogue, page: page))
    }

    func showConfirmation(_ context: HandlerContext, _ customer: CustomerSnapshot, priceID: Int, quantity: Int, notice: HTML? = nil) async throws {
        let catalogue = try await shop.catalogue.products(for: customer)
        guard let product = catalogue.first(where: { $0.offers.contains { $0.priceID == priceID } }),
            let offer = product.offers.first(where: { $0.priceID == priceID })
        else {
            return try await context.show(context.templates.refusal(.unavailable(priceID: priceID), productID: nil))
        }
        guard !product.isLocked else {
            return try await context.show(context.templates.refusal(.premiumOnly(productID: product.id), productID: product.id))
        }
        // Only resellers buy more than one at a time.
        let quantity = customer.isReseller ? min(max(1, quantity), Self.maximumQuantity) : 1
        var promo: ConfirmationPromo?
        if let code = try await shop.promos.keptCode(of: customer.telegramID) {
            do {
                promo = .applied(try await shop.promos.quote(code: code, telegramID: customer.telegramID, priceID: priceID, quantity: quantity))
            } catch let refusal as PromoRefusal {
                promo = .refused(refusal)
            }
        }
        try await context.show(
            context.templates.confirmation(
                product: product, offer: offer, quantity: quantity, customer: customer, token: Self.token(for: context.update), promo: promo,
                notice: notice))
    }

    /// - Parameter withPromo: Buy on a confirmation that applied the code the customer keeps.
    private func buyKeys(_ context: HandlerContext, _ customer: CustomerSnapshot, _ buy: BuyCallback, withPromo: Bool = false) async throws {
        // The token makes a second press of the same button return the first order.
        let key = "buy:\(customer.telegramID):\(buy.token)"
        let code = withPromo ? try await shop.promos.keptCode(of: customer.telegramID) : nil
        do {
            let receipt = try await shop.purchases.buy(
                telegramID: customer.telegramID, priceID: buy.priceID, quantity: buy.quantity,
                expectedTotal: Money(minorUnits: buy.total, currency: shop.currency), idempotencyKey: key, promoCode: code
            )
            // Used: the next confirmation starts without it.
            if code != nil, !receipt.isRepeat { try await shop.promos.keep(nil, for: customer.telegramID) }
            context.logger.info(
                "Sold",
                metadata: [
                    "order.id": "\(receipt.orderID)", "price.id": "\(buy.priceID)", "quantity": "\(buy.quantity)", "repeat": "\(receipt.isRepeat)",
                ])
            try await context.answerCallback(receipt.isRepeat ? context.templates.strings.alreadyBought : nil)
            try await showReceipt(receipt, context)
        } catch PurchaseError.promo(let refusal) {
            // Nothing was charged: the confirmation shows why, and the code can be removed there.
            try await showConfirmation(
                context, customer, priceID: buy.priceID, quantity: buy.quantity, notice: HTML(text: context.templates.promoRefusal(refusal)))
        } catch PurchaseError.priceChanged(_, _, let current) {
            context.logger.debug("Asked again: the total changed", metadata: ["price.id": "\(buy.priceID)"])
            try await showConfirmation(
                context, customer, priceID: buy.priceID, quantity: buy.quantity, notice: context.templates.strings.priceChanged(current.formatted))
        } catch let error as PurchaseError {
            let productID = try await shop.catalogue.products(for: customer).first { $0.offers.contains { $0.priceID == buy.priceID } }?.id
            try await context.show(context.templates.refusal(error, productID: productID))
        }
    }

    /// Shows the receipt of a purchase that has committed: if the screen can't be shown, the keys
    /// are sent as new messages; never the apology, since the money and the keys moved.
    private func showReceipt(_ receipt: OrderReceipt, _ context: HandlerContext) async throws {
        let screen = try context.templates.receipt(receipt)
        do {
            try await context.show(screen)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error(
                "The receipt could not be shown; sending it anew", metadata: ["order.id": "\(receipt.orderID)", "error": "\(error)"])
            do {
                for text in [screen.text] + screen.followUps { try await context.answer(text) }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                context.logger.error(
                    "The receipt could not be sent; the order is in My orders", metadata: ["order.id": "\(receipt.orderID)", "error": "\(error)"])
            }
        }
    }

    /// Ten letters and digits made from the update that asked for the confirmation (the press,
    /// or the typed quantity): each new confirmation gets its own, while the same update handled
    /// again after a crash shows the very same confirmation, which Telegram then leaves as it was.
    static func token(for update: Update) -> String {
        let source = update.callbackQuery.map { "c\($0.id)" } ?? "u\(update.updateID)"
        // FNV-1a: stable across runs and machines, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String(
            (0..<10).map { _ in
                defer { hash /= 62 }
                return alphabet[Int(hash % 62)]
            })
    }
}
