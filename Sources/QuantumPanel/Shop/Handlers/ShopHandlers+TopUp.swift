import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

extension ShopHandlers {
    /// How long a Stars invoice can be paid: what its Stars add is promised for that long.
    static let starsInvoiceLifetime = Duration.seconds(86_400)

    func topUpRouter() -> Router {
        let router = CustomerRouter(name: "top-up", customers: customers)
        router.callbackQuery(NavigateCallback.self, .navigation(to: .topUp)) { _, context, _ in
            let options = configuration.starsTopUps.map { (stars: $0, credit: shop.stars.credit(forStars: $0)) }
            try await context.show(context.templates.topUp(options: options, oneStar: shop.stars.starValue))
        }
        router.callbackQuery(TopUpCallback.self) { pick, context, customer in
            guard configuration.starsTopUps.contains(pick.stars) else {
                try await context.answerCallback(context.templates.strings.paymentRefused, showAlert: true)
                return
            }
            try await context.answerCallback()
            try await openStarsInvoice(context, customer, stars: pick.stars)
        }
        return router.router
    }

    /// Stores the top-up, then sends its invoice into the chat; when Telegram can't send it the
    /// top-up is cancelled and the customer told. The same press handled again after a crash
    /// sends the same top-up's invoice again: whichever copy is paid, it is paid once.
    private func openStarsInvoice(_ context: HandlerContext, _ customer: CustomerSnapshot, stars: Int) async throws {
        let strings = context.templates.strings
        let topUp = try await shop.stars.open(
            telegramID: customer.telegramID, stars: stars, expiresAt: Date() + TimeInterval(Self.starsInvoiceLifetime.components.seconds),
            requestKey: "\(customer.telegramID):\(Self.token(for: context.update))")
        guard topUp.state == .created else {
            _ = try await context.answer(plain: strings.invoicePaidAlready)
            return
        }
        let wording = InvoiceWording(title: strings.invoiceTitle, description: strings.invoiceDescription(stars, topUp.amount.formatted))
        do {
            _ = try await StarsTopUpProvider(shop: shop, bot: context.bot, logger: context.logger)
                .createInvoice(for: topUp, wording: wording, expiresIn: Self.starsInvoiceLifetime)
        } catch let error as TopUpProviderError {
            try await shop.topUps.cancel(topUp.id)
            context.logger.warning("No invoice for a top-up", metadata: ["top_up.id": "\(topUp.id)", "error": "\(error)"])
            _ = try await context.answer(strings.starsUnavailable)
        }
    }

    /// The pre-checkout check, the booking of a successful payment and /paysupport. Not behind
    /// the ban gate: money Telegram already took is always credited, and always explained.
    func paymentRouter() -> Router {
        let router = Router(name: "payments")
        router.message(.command("paysupport") && .chatType(.private)) { message, context in
            let customer = if let user = message.from { try await shop.users.find(telegramID: user.id) } else { CustomerSnapshot?.none }
            let templates = ShopTemplates(language: Language(customer: customer, telegramCode: message.from?.languageCode))
            try await context.show(templates.paySupport(contact: configuration.supportUsername))
        }
        router.preCheckoutQuery { query, context in
            let refusal = try await refusal(of: query)
            try await context.bot.send(AnswerPreCheckoutQuery(preCheckoutQueryID: query.id, ok: refusal == nil, errorMessage: refusal))
            if let refusal { context.logger.notice("Pre-checkout refused", metadata: ["reason": "\(refusal)"]) }
        }
        router.message(.contentType(.successfulPayment)) { message, context in
            guard let payment = message.successfulPayment, let user = message.from else { return }
            let customer = try await shop.users.find(telegramID: user.id)
            let strings = Language(customer: customer, telegramCode: user.languageCode).strings
            let stars = StarsTopUpProvider(shop: shop, bot: context.bot, logger: context.logger)
            let invoice =
                payment.currency == "XTR"
                ? try await stars.paidInvoice(
                    chargeID: payment.telegramPaymentChargeID, payer: user.id, payload: payment.invoicePayload, stars: payment.totalAmount,
                    paidAt: Date(timeIntervalSince1970: TimeInterval(message.date)))
                : nil
            var settlement: TopUpPayments.Settlement?
            if let invoice {
                settlement = try await TopUpPayments(shop: shop, bot: context.bot, logger: context.logger).settle(invoice, from: .stars)
            }
            context.logger.info(
                "Stars top-up", metadata: ["charge.id": "\(payment.telegramPaymentChargeID)", "settled": "\(settlement.map { "\($0)" } ?? "no")"])
            switch settlement {
            case .credited:
                // Told in a message of its own.
                break
            case .alreadyCredited:
                try await context.answer(plain: strings.paymentAlreadyCredited)
            case .notPaid, .notOurs, nil:
                // Telegram only charges after our pre-checkout yes, so this is someone else's invoice: leave it to support.
                context.logger.error("A payment that matches no top-up", metadata: ["charge.id": "\(payment.telegramPaymentChargeID)"])
                try await context.answer(plain: strings.paymentRefused)
            }
        }
        // Telegram's note that Stars went back: the refund was booked when it was asked for, so
        // this only confirms it, and the customer has been told already.
        router.message(.contentType(.refundedPayment)) { message, context in
            guard let refund = message.refundedPayment else { return }
            try await shop.stars.confirmRefund(chargeID: refund.telegramPaymentChargeID)
            context.logger.info("Telegram confirmed a Stars refund", metadata: ["charge.id": "\(refund.telegramPaymentChargeID)"])
        }
        return router
    }

    /// Why a pre-checkout query must be refused, in the payer's language; nil to accept.
    private func refusal(of query: PreCheckoutQuery) async throws -> String? {
        let customer = try await shop.users.find(telegramID: query.from.id)
        let strings = Language(customer: customer, telegramCode: query.from.languageCode).strings
        guard query.currency == "XTR", let customer else { return strings.paymentRefused }
        if let id = InvoicePayload.topUpID(query.invoicePayload) {
            guard let topUp = try await shop.topUps.topUp(id: id), topUp.provider == .stars, topUp.telegramID == query.from.id,
                topUp.price == query.totalAmount
            else { return strings.paymentRefused }
            switch topUp.state {
            case .created where topUp.expiresAt > Date(): break
            case .created, .expired: return strings.invoiceExpired
            case .paid, .credited, .refunded: return strings.invoicePaidAlready
            case .cancelled: return strings.paymentRefused
            }
        } else {
            // An invoice sent before top-ups were stored.
            guard let earlier = EarlierStarsPayload(query.invoicePayload), earlier.telegramID == query.from.id,
                configuration.starsTopUps.contains(earlier.stars), Int64(earlier.stars) == query.totalAmount
            else { return strings.paymentRefused }
        }
        guard !customer.isBanned else { return strings.paymentBanned }
        return nil
    }
}
