import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// What a Stars invoice is for: `topup:<telegram id>:<stars>`, checked again at pre-checkout
/// and at payment.
struct TopUpPayload: Equatable {
    var telegramID: Int64
    var stars: Int

    var text: String { "topup:\(telegramID):\(stars)" }

    init(telegramID: Int64, stars: Int) {
        self.telegramID = telegramID
        self.stars = stars
    }

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "topup", let id = Int64(parts[1]), let stars = Int(parts[2]) else { return nil }
        self.init(telegramID: id, stars: stars)
    }
}

extension ShopHandlers {
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
            let strings = context.templates.strings
            let credit = shop.stars.credit(forStars: pick.stars).formatted
            try await context.answerCallback()
            try await context.bot.send(
                SendInvoice(
                    chatID: .id(customer.telegramID), title: strings.invoiceTitle, description: strings.invoiceDescription(pick.stars, credit),
                    payload: TopUpPayload(telegramID: customer.telegramID, stars: pick.stars).text, currency: "XTR",
                    prices: [LabeledPrice(label: "⭐ \(pick.stars)", amount: Int64(pick.stars))]
                ))
        }
        return router.router
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
            guard payment.currency == "XTR", let payload = TopUpPayload(payment.invoicePayload), payload.telegramID == user.id,
                Int64(payload.stars) == payment.totalAmount
            else {
                // Telegram only charges after our pre-checkout yes, so this is someone else's invoice: leave it to support.
                context.logger.error("A payment that matches no top-up", metadata: ["charge.id": "\(payment.telegramPaymentChargeID)"])
                try await context.answer(plain: strings.paymentRefused)
                return
            }
            let outcome = try await shop.stars.book(
                chargeID: payment.telegramPaymentChargeID, telegramID: user.id, stars: payload.stars, payload: payment.invoicePayload)
            context.logger.info(
                "Stars top-up",
                metadata: ["charge.id": "\(payment.telegramPaymentChargeID)", "stars": "\(payload.stars)", "repeat": "\(outcome.isRepeat)"])
            let text: HTML =
                outcome.isRepeat
                ? "\(strings.paymentAlreadyCredited)"
                : strings.toppedUp(outcome.credited.formatted, outcome.balance.formatted)
            try await context.answer(text)
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
        guard let payload = TopUpPayload(query.invoicePayload), payload.telegramID == query.from.id,
            query.currency == "XTR", configuration.starsTopUps.contains(payload.stars), Int64(payload.stars) == query.totalAmount,
            let customer
        else { return strings.paymentRefused }
        guard !customer.isBanned else { return strings.paymentBanned }
        return nil
    }
}
