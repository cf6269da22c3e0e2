import BotRouting
import Logging
import Marketplace
import ServiceLifecycle
import TelegramBotAPI

/// Books the Stars payments Telegram took and the bot never heard of.
///
/// A `successful_payment` update can be lost before it reaches the bot (a webhook answered with
/// an error for a day, an update dropped by an older version). At start and every `interval`
/// this asks Telegram for the bot's Stars transactions and books each incoming top-up that has
/// no booked payment, once, by its charge id, as the update would have; the customer is told.
/// It first finishes the Stars refunds whose answer from Telegram was lost.
struct StarsReconciler: Service {
    let shop: Shop
    let bot: BotClient
    let interval: Duration
    let logger: Logger
    /// How old an unconfirmed Stars refund must be before it is asked again: past the longest a
    /// request with every retry can take.
    var refundGrace: Duration = .seconds(600)

    func run() async throws {
        await RepeatingTask.run(every: interval, logger: logger, failure: "Could not compare payments with Telegram; trying again later") {
            try await reconcile()
        }
    }

    /// One pass over every transaction Telegram reports.
    /// - Returns: how many payments were booked now.
    @discardableResult
    func reconcile() async throws -> Int {
        try await StarsRefunder(shop: shop, bot: bot, logger: logger).finishPending(grace: refundGrace)
        var offset: Int64 = 0
        var booked = 0
        while true {
            let page = try await bot.send(GetStarTransactions(offset: offset, limit: 100)).transactions
            // Almost every payment is booked already: one query per page instead of one transaction each.
            let known = try await shop.stars.bookedChargeIDs(among: page.map(\.id))
            for transaction in page where !known.contains(transaction.id) {
                if try await book(transaction) { booked += 1 }
            }
            guard page.count == 100 else { return booked }
            offset += 100
        }
    }

    /// Books one transaction if it is a top-up of ours not booked yet.
    private func book(_ transaction: StarTransaction) async throws -> Bool {
        guard let source = transaction.source, source.type == "user", source.transactionType == "invoice_payment",
            let user = source.user, let payload = source.invoicePayload.flatMap(TopUpPayload.init),
            payload.telegramID == user.id, Int64(payload.stars) == transaction.amount
        else { return false }
        let outcome: StarsTopUpService.Outcome
        do {
            outcome = try await shop.stars.book(chargeID: transaction.id, telegramID: user.id, stars: payload.stars, payload: payload.text)
        } catch LedgerError.unknownCustomer {
            logger.error("A Stars payment from someone who is not a customer", metadata: ["charge.id": "\(transaction.id)", "user.id": "\(user.id)"])
            return false
        }
        guard !outcome.isRepeat else { return false }
        logger.notice(
            "Booked a Stars payment found by reconciliation",
            metadata: ["charge.id": "\(transaction.id)", "customer.id": "\(user.id)", "stars": "\(payload.stars)"])
        let customer = try await shop.users.find(telegramID: user.id)
        let strings = Language(customer: customer, telegramCode: user.languageCode).strings
        _ = try? await bot.send(
            SendMessage(
                chatID: .id(user.id), text: strings.lateTopUp(outcome.credited.formatted, outcome.balance.formatted).rendered,
                parseMode: "HTML"
            ))
        return true
    }
}
