import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Telegram Stars as a ``TopUpProvider``: the invoice is sent into the customer's chat and named
/// by the charge that pays it; Telegram reports a payment as `successful_payment` and lists every
/// charge (`getStarTransactions`), so a payment whose update was lost is found by reconciliation.
struct StarsTopUpProvider: TopUpProvider {
    let shop: Shop
    let bot: BotClient
    let logger: Logger
    /// How old an unconfirmed Stars refund must be before it is asked again: past the longest a
    /// request with every retry can take.
    var refundGrace: Duration = .seconds(600)

    var id: TopUpProviderID { .stars }

    func createInvoice(for topUp: TopUpRecord, wording: InvoiceWording, expiresIn: Duration) async throws -> IssuedInvoice {
        guard let stars = topUp.price else { throw TopUpProviderError.refused(provider: id, reason: "top-up \(topUp.id) has no price in Stars") }
        do {
            _ = try await bot.send(
                SendInvoice(
                    chatID: .id(topUp.telegramID), title: wording.title, description: wording.description,
                    payload: InvoicePayload.text(topUpID: topUp.id), currency: "XTR", prices: [LabeledPrice(label: "⭐ \(stars)", amount: stars)]))
        } catch let error as BotAPIError where error.code == .badRequest || error.code == .forbidden || error.code == .botBlocked {
            throw TopUpProviderError.refused(provider: id, reason: error.errorDescription)
        } catch {
            throw TopUpProviderError.unreachable(provider: id, reason: "\(error)")
        }
        return .sentToChat
    }

    func invoices(_ ids: [String]) async throws -> [ProviderInvoice] {
        let wanted = Set(ids)
        return try await paidInvoices { page in page.filter { wanted.contains($0.id) } }
    }

    func invoicesToReconcile(waiting: [TopUpRecord]) async throws -> [ProviderInvoice] {
        try await paidInvoices { page in
            // Almost every charge is booked already: one query per page instead of one transaction each.
            let booked = try await shop.stars.bookedChargeIDs(among: page.map(\.id))
            return page.filter { !booked.contains($0.id) }
        }
    }

    func finishPending() async throws {
        try await StarsRefunder(shop: shop, bot: bot, logger: logger).finishPending(grace: refundGrace)
    }

    /// A Stars payment as a paid invoice: named by its charge, for the top-up its payload names
    /// if that is the payer's; nil when it is none of ours.
    func paidInvoice(chargeID: String, payer: Int64, payload: String, stars: Int64, paidAt: Date) async throws -> ProviderInvoice? {
        let topUpID: Int
        if let booked = try await shop.topUps.topUp(.stars, invoiceID: chargeID) {
            // Delivered again: the invoice is the one it was.
            guard booked.telegramID == payer else { return nil }
            topUpID = booked.id
        } else if let id = InvoicePayload.topUpID(payload) {
            guard let topUp = try await shop.topUps.topUp(id: id), topUp.provider == .stars, topUp.telegramID == payer else { return nil }
            topUpID = id
        } else if let earlier = EarlierStarsPayload(payload), earlier.telegramID == payer, Int64(earlier.stars) == stars {
            do {
                topUpID = try await shop.stars.openForEarlierInvoice(chargeID: chargeID, telegramID: payer, stars: earlier.stars).id
            } catch LedgerError.unknownCustomer {
                logger.error("A Stars payment from someone who is not a customer", metadata: ["charge.id": "\(chargeID)", "user.id": "\(payer)"])
                return nil
            }
        } else {
            return nil
        }
        return ProviderInvoice(invoiceID: chargeID, state: .paid, amount: nil, price: stars, topUpID: topUpID, payURL: nil, paidAt: paidAt)
    }

    /// The incoming invoice payments Telegram lists, page by page, that `pick` keeps.
    private func paidInvoices(_ pick: ([StarTransaction]) async throws -> [StarTransaction]) async throws -> [ProviderInvoice] {
        var offset: Int64 = 0
        var found: [ProviderInvoice] = []
        while true {
            let page = try await bot.send(GetStarTransactions(offset: offset, limit: 100)).transactions
            for transaction in try await pick(page) {
                guard let source = transaction.source, source.type == "user", source.transactionType == "invoice_payment",
                    let payer = source.user, let payload = source.invoicePayload,
                    let invoice = try await paidInvoice(
                        chargeID: transaction.id, payer: payer.id, payload: payload, stars: transaction.amount,
                        paidAt: Date(timeIntervalSince1970: TimeInterval(transaction.date)))
                else { continue }
                found.append(invoice)
            }
            guard page.count == 100 else { return found }
            offset += 100
        }
    }
}

/// What a Stars invoice sent before top-ups were stored carries: `topup:<telegram id>:<stars>`.
/// Such an invoice may still be paid; its top-up is stored then.
struct EarlierStarsPayload: Equatable {
    var telegramID: Int64
    var stars: Int

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "topup", let id = Int64(parts[1]), let stars = Int(parts[2]) else { return nil }
        telegramID = id
        self.stars = stars
    }
}
