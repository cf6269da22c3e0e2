import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// ↩️ Refund… on an order: which keys (tap to tick, or All keys; skipped when one is left), back
/// to stock or revoked, then the refund and the balance before → after. Each key is refunded
/// once, whoever confirms first; the customer is told.
struct RefundScene: PanelScene {
    static let id = "refund"
    static let access = AdminAccess.permission(.refunds)

    enum Step: String, Codable, Sendable {
        case keys, disposition
    }

    struct Draft: Codable, Sendable {
        var orderID: Int
        /// Nil: every key that can still be refunded.
        var keyIDs: [Int]?
        var disposition: RefundDisposition = .revoke
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let people = context.adminTemplates.people
        switch step {
        case .keys:
            let order = try await admin.shop.refunds.order(draft.orderID)
            let chosen = Set(draft.keyIDs ?? [])
            let keys = order.refundableKeys.prefix(AdminTemplates.keysShown)
            let options =
                keys.map { ScenePrompt.Option((chosen.contains($0.id) ? "☑ " : "☐ ") + $0.text, answer: "key:\($0.id)") }
                + [.init(people.allKeysButton, answer: "all"), .init(people.nextButton, answer: "next")]
            return ScenePrompt(
                "\(people.orderTitle(order.orderID))\n\n\(people.askRefundKeys)", options: options,
                layout: Array(repeating: 1, count: keys.count) + [2])
        case .disposition:
            return ScenePrompt(
                people.askDisposition, options: RefundDisposition.allCases.map { .init(people.dispositionButton($0), answer: $0.rawValue) })
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let people = context.adminTemplates.people
        var draft = draft
        guard let answer = input.button else { return .refuse(context.adminTemplates.strings.pressConfirm) }
        switch (step, answer) {
        case (.keys, "all"):
            draft.keyIDs = nil
            return .ask(.disposition, draft)
        case (.keys, "next"):
            guard !(draft.keyIDs ?? []).isEmpty else { return .refuse(people.pickAtLeastOne) }
            return .ask(.disposition, draft)
        case (.keys, _) where answer.hasPrefix("key:"):
            guard let id = Int(answer.dropFirst(4)) else { return .refuse(context.adminTemplates.strings.pressConfirm) }
            var chosen = Set(draft.keyIDs ?? [])
            if chosen.remove(id) == nil { chosen.insert(id) }
            draft.keyIDs = chosen.sorted()
            return .ask(.keys, draft)
        case (.disposition, _):
            guard let disposition = RefundDisposition(rawValue: answer) else { return .refuse(context.adminTemplates.strings.pressConfirm) }
            draft.disposition = disposition
            return .summarize(draft)
        default:
            return .refuse(context.adminTemplates.strings.pressConfirm)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let people = templates.people
        let order = try await admin.shop.refunds.order(draft.orderID)
        let keys = draft.keyIDs.map { ids in order.refundableKeys.filter { ids.contains($0.id) } } ?? order.refundableKeys
        let shares = RefundService.shares(of: order)
        let amount = Money(minorUnits: keys.reduce(0) { $0 + (shares[$1.id] ?? 0) }, currency: admin.currency)
        let balance = order.customer.balance
        let after = Money(minorUnits: balance.minorUnits + amount.minorUnits, currency: balance.currency)
        let codes = keys.map { key -> HTML in "<code>\(HTML.truncate(key.text, to: 40))</code>" }.joined(separator: ", ")
        return SceneSummary([
            "\(people.orderTitle(order.orderID)) · \(order.productName)",
            "\(people.customerLabel): \(templates.name(order.customer))",
            "\(people.refundKeysLabel(keys.count, order.keys.count)): \(codes)",
            "\(people.refundAmountLabel): <b>\(amount.formatted)</b>",
            SceneSummary.change(people.balanceLabel, from: balance.formatted, to: after.formatted),
            "\(people.dispositionName(draft.disposition))",
        ])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        let outcome: RefundOutcome
        do {
            outcome = try await admin.shop.refunds.refund(
                orderID: draft.orderID, keyIDs: draft.keyIDs, disposition: draft.disposition, by: context.actorID)
        } catch {
            context.logger.info("Admin change refused", metadata: ["task": "refund", "reason": "\(error)"])
            return try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
        context.logger.info(
            "Order refunded",
            metadata: ["order.id": "\(outcome.orderID)", "keys": "\(outcome.keys.count)", "disposition": "\(outcome.disposition.rawValue)"])
        try await admin.showOrder(
            context, orderID: outcome.orderID, note: templates.people.refunded(outcome.amount.formatted, outcome.keys.count))
        await admin.tell(outcome.customerTelegramID, context) { strings in
            strings.refundNotice(outcome.orderID, outcome.amount.formatted, outcome.keys.count, outcome.balanceAfter.formatted)
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showOrder(context, orderID: draft.orderID, note: note)
    }
}
