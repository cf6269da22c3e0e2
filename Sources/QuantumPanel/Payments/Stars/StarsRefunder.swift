import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Gives a Stars top-up back in Stars: the balance is debited (``StarsTopUpService/claimRefund(paymentID:by:)``),
/// then Telegram is asked. A refusal gives the balance back; an answer that never came leaves the
/// refund claimed, and ``finishPending()`` asks again (Telegram refunds a charge at most once).
struct StarsRefunder: Sendable {
    let shop: Shop
    let bot: BotClient
    let logger: Logger

    enum Outcome: Sendable, Equatable {
        case refunded(StarsRefundClaim)
        /// Telegram didn't answer: the refund is booked and will be finished later.
        case pending(StarsRefundClaim)
    }

    func refund(paymentID: Int, by adminID: Int64) async throws -> Outcome {
        try await finish(try await shop.stars.claimRefund(paymentID: paymentID, by: adminID))
    }

    /// Finishes the refunds claimed at least `grace` ago and never confirmed (longer than any
    /// request of the admin's can still be waiting); each customer is told once it is done. One
    /// Telegram refuses is undone and logged, and the others go on.
    func finishPending(grace: Duration) async throws {
        let claimedBefore = Date().addingTimeInterval(-Double(grace.components.seconds))
        for claim in try await shop.stars.unconfirmedRefunds(claimedBefore: claimedBefore) {
            do {
                guard case .refunded = try await finish(claim) else { continue }
            } catch let refusal as StarsRefundError {
                logger.error(
                    "A Stars refund was refused by Telegram and undone", metadata: ["charge.id": "\(claim.chargeID)", "reason": "\(refusal)"])
                continue
            }
            logger.notice("Finished a Stars refund whose answer had been lost", metadata: ["charge.id": "\(claim.chargeID)"])
            await tell(claim)
        }
    }

    private func finish(_ claim: StarsRefundClaim) async throws -> Outcome {
        do {
            _ = try await bot.send(RefundStarPayment(userID: claim.telegramID, telegramPaymentChargeID: claim.chargeID))
        } catch let error as BotAPIError where error.errorDescription.contains("CHARGE_ALREADY_REFUNDED") {
            // Refunded by an earlier attempt whose answer was lost.
        } catch let error as BotAPIError where error.code == .badRequest || error.code == .forbidden || error.code == .botBlocked {
            try await shop.stars.undoRefund(chargeID: claim.chargeID, reason: error.errorDescription)
            throw StarsRefundError.telegramRefused(reason: error.errorDescription)
        } catch {
            logger.warning("A Stars refund got no answer; it will be asked again", metadata: ["charge.id": "\(claim.chargeID)", "error": "\(error)"])
            return .pending(claim)
        }
        try await shop.stars.confirmRefund(chargeID: claim.chargeID)
        return .refunded(claim)
    }

    /// Tells the customer their Stars are back; a customer who blocked the bot isn't told.
    func tell(_ claim: StarsRefundClaim) async {
        let customer = try? await shop.users.find(telegramID: claim.telegramID)
        let strings = Language(customer: customer, telegramCode: customer?.languageCode).strings
        let balance = customer?.balance ?? claim.balanceAfter
        _ = try? await bot.send(
            SendMessage(
                chatID: .id(claim.telegramID),
                text: strings.starsRefundNotice(claim.stars, claim.debited.formatted, balance.formatted).rendered, parseMode: "HTML"
            ))
    }
}
