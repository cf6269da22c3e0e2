import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Where every report of a provider's payment ends, whoever brings it (the provider's webhook or
/// Telegram's successful_payment, reconciliation, the customer's "I've paid"): the invoice is checked against the stored
/// top-up, credited once, and the customer told once, by whichever report credited it.
struct TopUpPayments: Sendable {
    let shop: Shop
    let bot: BotClient
    let logger: Logger

    enum Settlement: Sendable, Equatable {
        /// Credited now, and the customer told.
        case credited(TopUpService.Credit)
        /// Credited by an earlier report.
        case alreadyCredited(TopUpService.Credit)
        /// Not paid (yet).
        case notPaid(ProviderInvoice.State)
        /// An invoice the shop didn't make, or one that doesn't match what it asked: nothing changed.
        case notOurs(reason: String)
    }

    /// - Parameter late: found by reconciliation, not reported as it happened: the customer is
    ///   told that a payment that had not reached the shop was found.
    func settle(_ invoice: ProviderInvoice, from provider: TopUpProviderID, late: Bool = false) async throws -> Settlement {
        guard invoice.state == .paid else { return .notPaid(invoice.state) }
        // A provider that names its invoices when made must report the one we stored, carrying its payload.
        if !provider.namesInvoiceWhenPaid {
            guard let stored = try await shop.topUps.topUp(provider, invoiceID: invoice.invoiceID) else {
                return .notOurs(reason: "no top-up has invoice \(invoice.invoiceID)")
            }
            guard invoice.topUpID == stored.id else { return .notOurs(reason: "invoice \(invoice.invoiceID) carries another top-up's payload") }
        }
        guard invoice.amount != nil || invoice.price != nil else {
            return .notOurs(reason: "invoice \(invoice.invoiceID) is priced in another currency")
        }
        let credit: TopUpService.Credit
        do {
            credit = try await shop.topUps.credit(
                provider,
                TopUpPayment(
                    invoiceID: invoice.invoiceID, topUpID: invoice.topUpID, amount: invoice.amount, price: invoice.price,
                    paidAt: invoice.paidAt ?? Date()))
        } catch let error as TopUpError {
            return .notOurs(reason: "\(error)")
        }
        guard !credit.isRepeat else { return .alreadyCredited(credit) }
        logger.info(
            "Top-up credited",
            metadata: [
                "provider": "\(provider.rawValue)", "invoice.id": "\(invoice.invoiceID)", "top_up.id": "\(credit.topUp.id)",
                "user.id": "\(credit.topUp.telegramID)", "late": "\(late)",
            ])
        await tell(credit, late: late)
        return .credited(credit)
    }

    /// Tells the customer their balance grew; a failure is logged (the money is theirs either way).
    private func tell(_ credit: TopUpService.Credit, late: Bool) async {
        do {
            let customer = try await shop.users.find(telegramID: credit.topUp.telegramID)
            let strings = Language(customer: customer, telegramCode: nil).strings
            let amount = credit.topUp.amount.formatted
            let text = late ? strings.lateTopUp(amount, credit.balance.formatted) : strings.toppedUp(amount, credit.balance.formatted)
            try await bot.perform(SendMessage(chatID: .id(credit.topUp.telegramID), text: text.rendered, parseMode: "HTML"))
        } catch {
            logger.warning(
                "The customer could not be told of their top-up; it is in their balance",
                metadata: ["top_up.id": "\(credit.topUp.id)", "error": "\(error)"])
        }
    }
}
