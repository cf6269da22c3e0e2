import Logging
import Marketplace
import ServiceLifecycle

/// Credits the paid invoices no webhook brought (one lost, or never sent), and marks the unpaid
/// ones past their expiry: at start and every `interval`, for one provider. A provider that
/// can't be reached is asked again at the next round; the rest of the shop runs meanwhile.
/// The customer is told of each payment found so, once.
struct TopUpReconciler: Service {
    let provider: any TopUpProvider
    let payments: TopUpPayments
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await RepeatingTask.run(every: interval, logger: logger, failure: "Could not compare top-ups with the payment provider; trying again later") {
            try await reconcile()
        }
    }

    /// What one pass did.
    struct Outcome: Sendable, Equatable {
        var credited: Int
        var expired: Int
    }

    /// One pass over the top-ups that may still be paid.
    @discardableResult
    func reconcile() async throws -> Outcome {
        try await provider.finishPending()
        let waiting = try await payments.shop.topUps.waiting(provider.id)
        var credited = 0
        for invoice in try await provider.invoicesToReconcile(waiting: waiting) {
            if case .credited = try await payments.settle(invoice, from: provider.id, late: true) { credited += 1 }
        }
        // After the paid ones are credited: what is still waiting past its time was not paid in time.
        let expired = try await payments.shop.topUps.expire(provider.id)
        if credited > 0 || expired > 0 {
            logger.info("Top-ups reconciled", metadata: ["provider": "\(provider.id.rawValue)", "credited": "\(credited)", "expired": "\(expired)"])
        }
        return Outcome(credited: credited, expired: expired)
    }
}
