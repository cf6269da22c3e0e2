import Foundation
import TelegramBotAPI

/// A Stars payment the sandbox took, which the bot may refund once.
struct Charge {
    var userID: Int64
    var payload: String
    var currency: String
    var amount: Int64
    var isRefunded = false
}

/// What the bot answered to a pre-checkout query.
struct PreCheckoutAnswer {
    var ok: Bool
    var errorMessage: String?
}

/// How a simulated payment ended.
public enum PaymentOutcome: Sendable, Equatable {
    /// The bot confirmed; the user was charged and the bot got a successful_payment message.
    case paid(chargeID: String)
    /// The bot refused in answerPreCheckoutQuery, with the message the user is shown.
    case declined(errorMessage: String)
    /// The bot did not answer the pre-checkout query in time; nobody was charged.
    case timedOut
}

extension SandboxState {
    func sendInvoice(_ parameters: MethodParameters) throws(SandboxError) -> Message {
        let chatID = try parameters.chatID()
        let title = try parameters.requiredString("title", emptyError: "Bad Request: INVOICE_TITLE_EMPTY")
        let description = try parameters.requiredString("description", emptyError: "Bad Request: INVOICE_DESCRIPTION_EMPTY")
        let payload = try parameters.requiredString("payload", emptyError: "Bad Request: INVOICE_PAYLOAD_INVALID")
        let currency = try parameters.requiredString("currency", emptyError: "Bad Request: CURRENCY_INVALID")
        guard title.count <= 32 else { throw .badRequest("Bad Request: INVOICE_TITLE_TOO_LONG") }
        guard description.count <= 255 else { throw .badRequest("Bad Request: INVOICE_DESCRIPTION_TOO_LONG") }
        guard payload.utf8.count <= 128 else { throw .badRequest("Bad Request: INVOICE_PAYLOAD_INVALID") }
        guard let prices = try parameters.decode([LabeledPrice].self, "prices"), !prices.isEmpty else {
            throw .badRequest("Bad Request: parameter \"prices\" is required")
        }
        let provider = parameters.string("provider_token") ?? ""
        if currency == "XTR" {
            // Stars: no payment provider, and exactly one price.
            guard provider.isEmpty, prices.count == 1 else { throw .badRequest("Bad Request: STARS_INVOICE_INVALID") }
        } else {
            guard !provider.isEmpty else { throw .badRequest("Bad Request: PAYMENT_PROVIDER_INVALID") }
        }
        let total = prices.reduce(Int64(0)) { $0 + $1.amount }
        guard prices.allSatisfy({ $0.amount > 0 }), total > 0 else { throw .badRequest("Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID") }
        let keyboard = try inlineKeyboard(parameters)
        _ = try writableChat(chatID)
        let message = botPosts(in: chatID) { message in
            message.invoice = Invoice(
                title: title, description: description, startParameter: parameters.string("start_parameter") ?? "", currency: currency,
                totalAmount: total)
            message.replyMarkup = keyboard
        }
        invoicePayloads[InvoiceKey(chatID: chatID, messageID: message.messageID)] = payload
        return message
    }

    func answerPreCheckoutQuery(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        guard let id = parameters.string("pre_checkout_query_id"), pendingPreCheckouts.contains(id) else {
            throw .badRequest("Bad Request: query is too old and response timeout expired or query ID is invalid")
        }
        guard let ok = parameters.bool("ok") else { throw .badRequest("Bad Request: parameter \"ok\" is required") }
        let errorMessage = parameters.string("error_message")
        if !ok, errorMessage?.isEmpty ?? true { throw .badRequest("Bad Request: error_message is empty") }
        pendingPreCheckouts.remove(id)
        preCheckoutAnswers[id] = PreCheckoutAnswer(ok: ok, errorMessage: errorMessage)
        notifyChange(of: .bot)
        return true
    }

    func refundStarPayment(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        guard let userID = try parameters.int64("user_id") else { throw .badRequest("Bad Request: USER_ID_INVALID") }
        guard let chargeID = parameters.string("telegram_payment_charge_id"), var charge = charges[chargeID], charge.userID == userID else {
            throw .badRequest("Bad Request: CHARGE_NOT_FOUND")
        }
        guard !charge.isRefunded else { throw .badRequest("Bad Request: CHARGE_ALREADY_REFUNDED") }
        charge.isRefunded = true
        charges[chargeID] = charge
        starTransactions.append(
            StarTransaction(id: chargeID, amount: charge.amount, date: unixTime, receiver: TransactionPartner(type: "user", user: users[userID])))
        let refund = RefundedPayment(
            currency: charge.currency, totalAmount: charge.amount, invoicePayload: charge.payload, telegramPaymentChargeID: chargeID)
        // Telegram tells the bot in the chat, with a refunded_payment service message.
        _ = try? userPosts(userID) { $0.refundedPayment = refund }
        return true
    }

    /// The user pays an invoice the bot sent: Telegram asks the bot with a pre_checkout_query,
    /// waits for answerPreCheckoutQuery, then charges and sends the bot a successful_payment.
    ///
    /// - Parameter notifyingBot: false charges the user without sending the bot the
    ///   successful_payment, as when that update is lost; only getStarTransactions then shows it.
    public func userPays(_ userID: Int64, invoiceMessageID: Int64, notifyingBot: Bool = true) async throws(SandboxError) -> PaymentOutcome {
        let user = try user(userID)
        guard let invoice = chats[userID]?.messages[invoiceMessageID]?.invoice,
            let payload = invoicePayloads[InvoiceKey(chatID: userID, messageID: invoiceMessageID)]
        else { throw .badRequest("Bad Request: no invoice with message_id \(invoiceMessageID) in the chat") }

        let queryID = String(random.next() % 1_000_000_000_000_000_000)
        pendingPreCheckouts.insert(queryID)
        let query = PreCheckoutQuery(id: queryID, from: user, currency: invoice.currency, totalAmount: invoice.totalAmount, invoicePayload: payload)
        enqueue { id in
            var update = Update(updateID: id)
            update.preCheckoutQuery = query
            return update
        }
        let deadline = ContinuousClock.now + configuration.preCheckoutTimeout
        while preCheckoutAnswers[queryID] == nil, ContinuousClock.now < deadline, !Task.isCancelled, !isClosed {
            await waitForChange(of: .bot, until: deadline)
        }
        pendingPreCheckouts.remove(queryID)
        guard let answer = preCheckoutAnswers.removeValue(forKey: queryID) else { return .timedOut }
        guard answer.ok else { return .declined(errorMessage: answer.errorMessage ?? "") }

        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        let chargeID = "stx" + String((0..<40).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        charges[chargeID] = Charge(userID: userID, payload: payload, currency: invoice.currency, amount: invoice.totalAmount)
        starTransactions.append(
            StarTransaction(
                id: chargeID, amount: invoice.totalAmount, date: unixTime,
                source: TransactionPartner(type: "user", transactionType: "invoice_payment", user: user, invoicePayload: payload)
            ))
        guard notifyingBot else { return .paid(chargeID: chargeID) }
        let payment = SuccessfulPayment(
            currency: invoice.currency, totalAmount: invoice.totalAmount, invoicePayload: payload, telegramPaymentChargeID: chargeID,
            providerPaymentChargeID: "")
        try userPosts(userID) { $0.successfulPayment = payment }
        return .paid(chargeID: chargeID)
    }

    /// Delivers a charge's successful_payment again, in a new update, as Telegram may after a
    /// network failure: a bot must not credit it twice. Nobody is charged again.
    public func redeliverSuccessfulPayment(chargeID: String) throws(SandboxError) {
        guard let charge = charges[chargeID] else { throw .badRequest("Bad Request: CHARGE_NOT_FOUND") }
        let payment = SuccessfulPayment(
            currency: charge.currency, totalAmount: charge.amount, invoicePayload: charge.payload, telegramPaymentChargeID: chargeID,
            providerPaymentChargeID: "")
        try userPosts(charge.userID) { $0.successfulPayment = payment }
    }

    /// Whether a charge has been refunded; nil for an unknown charge.
    public func isRefunded(chargeID: String) -> Bool? {
        charges[chargeID]?.isRefunded
    }
}

struct InvoiceKey: Hashable {
    var chatID: Int64
    var messageID: Int64
}
