import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

extension ShopHandlers {
    /// What a typed crypto top-up may be, in major units of the shop's currency.
    static let cryptoAmountRange: ClosedRange<Int64> = 1...10_000
    /// How long a crypto invoice can be paid.
    static let cryptoInvoiceLifetime = Duration.seconds(3600)

    func cryptoTopUpRouter(scenes: Scenes) -> Router {
        let router = CustomerRouter(name: "crypto-top-up", customers: customers)
        guard topUpProvider != nil else { return router.router }
        router.callbackQuery(NavigateCallback.self, .navigation(to: .cryptoTopUp)) { _, context, _ in
            try await context.show(context.templates.cryptoTopUp(amounts: configuration.cryptoTopUps, assets: configuration.cryptoAssets))
        }
        router.callbackQuery(CryptoAmountCallback.self) { pick, context, customer in
            let amount = Money(minorUnits: pick.amount, currency: shop.currency)
            // Only the amounts offered: the data of a button can be forged.
            guard configuration.cryptoTopUps.contains(amount) else {
                return try await context.answerCallback(context.templates.strings.paymentRefused, showAlert: true)
            }
            try await context.answerCallback()
            try await openCryptoInvoice(context, customer, amount: amount)
        }
        router.callbackQuery(CryptoOtherAmountCallback.self) { _, context, _ in
            try await scenes.start(CryptoAmountScene(shop: self), at: .amount, with: .init(), context)
        }
        router.callbackQuery(CryptoCheckCallback.self) { check, context, customer in
            try await checkCryptoInvoice(context, customer, topUpID: check.topUpID)
        }
        return router.router
    }

    /// Stores the top-up, asks the provider for its invoice, and shows it; when the provider
    /// can't be reached the top-up is cancelled and the customer told, nothing to pay. The same
    /// press handled again after a crash shows the same invoice, not a second one.
    func openCryptoInvoice(_ context: HandlerContext, _ customer: CustomerSnapshot, amount: Money) async throws {
        guard let provider = topUpProvider else { return }
        let templates = context.templates
        let minutes = Int(Self.cryptoInvoiceLifetime.components.seconds / 60)
        let topUp = try await shop.topUps.open(
            provider.id, telegramID: customer.telegramID, amount: amount,
            expiresAt: Date() + TimeInterval(Self.cryptoInvoiceLifetime.components.seconds),
            requestKey: "\(customer.telegramID):\(Self.token(for: context.update))")
        if let payURL = topUp.payURL {
            return try await context.show(templates.cryptoInvoice(topUp, payURL: payURL, assets: configuration.cryptoAssets, minutes: minutes))
        }
        guard topUp.state == .created else {
            return try await context.show(Screen(text: templates.strings.cryptoUnavailable, keyboard: try backToBalance(templates)))
        }
        let issued: IssuedInvoice
        do {
            issued = try await provider.createInvoice(
                for: topUp,
                wording: InvoiceWording(
                    title: templates.strings.invoiceTitle, description: templates.strings.cryptoInvoiceDescription(amount.formatted)),
                expiresIn: Self.cryptoInvoiceLifetime)
        } catch let error as TopUpProviderError {
            try await shop.topUps.cancel(topUp.id)
            context.logger.warning("No invoice for a top-up", metadata: ["top_up.id": "\(topUp.id)", "error": "\(error)"])
            return try await context.show(Screen(text: templates.strings.cryptoUnavailable, keyboard: try backToBalance(templates)))
        }
        guard case .page(let invoiceID, let payURL) = issued else { return }
        let attached = try await shop.topUps.attach(invoiceID: invoiceID, payURL: payURL, to: topUp.id)
        context.logger.info(
            "Top-up invoice made",
            metadata: ["top_up.id": "\(topUp.id)", "invoice.id": "\(invoiceID)", "amount": "\(amount.amount)"])
        try await context.show(templates.cryptoInvoice(attached, payURL: payURL, assets: configuration.cryptoAssets, minutes: minutes))
    }

    /// 🔄 I've paid: asks the provider about this one invoice at once, and credits it if paid.
    private func checkCryptoInvoice(_ context: HandlerContext, _ customer: CustomerSnapshot, topUpID: Int) async throws {
        let strings = context.templates.strings
        guard let provider = topUpProvider, let topUp = try await shop.topUps.topUp(id: topUpID), topUp.telegramID == customer.telegramID,
            let invoiceID = topUp.invoiceID
        else {
            return try await context.answerCallback(strings.paymentRefused, showAlert: true)
        }
        guard topUp.state != .credited else { return try await context.answerCallback(strings.paymentAlreadyCredited, showAlert: true) }
        let invoices: [ProviderInvoice]
        do {
            invoices = try await provider.invoices([invoiceID])
        } catch is TopUpProviderError {
            return try await context.answerCallback(strings.cryptoCheckUnavailable, showAlert: true)
        }
        guard let invoice = invoices.first else { return try await context.answerCallback(strings.cryptoNotPaidYet, showAlert: true) }
        switch try await TopUpPayments(shop: shop, bot: context.bot, logger: context.logger).settle(invoice, from: provider.id) {
        case .credited:
            // The customer was just told in a message of its own.
            try await context.answerCallback()
        case .alreadyCredited:
            try await context.answerCallback(strings.paymentAlreadyCredited, showAlert: true)
        case .notPaid(.expired):
            try await context.answerCallback(strings.cryptoExpired, showAlert: true)
        case .notPaid:
            try await context.answerCallback(strings.cryptoNotPaidYet, showAlert: true)
        case .notOurs(let reason):
            context.logger.warning("An invoice checked by its customer matches no top-up", metadata: ["reason": "\(reason)"])
            try await context.answerCallback(strings.paymentRefused, showAlert: true)
        }
    }

    private func backToBalance(_ templates: ShopTemplates) throws -> InlineKeyboardMarkup {
        InlineKeyboardMarkup(inlineKeyboard: [
            [try templates.button(templates.strings.back, NavigateCallback(to: .balance)), try templates.menuButton()]
        ])
    }
}
