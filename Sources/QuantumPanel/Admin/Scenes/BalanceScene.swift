import BotRouting
import Foundation
import Marketplace
import TelegramBotAPI

/// ➕ Credit and ➖ Debit on a customer's profile: the amount (a debit never below zero), the
/// reason the customer reads, then the balance before → after. The customer is told.
struct BalanceScene: PanelScene {
    static let id = "balance"
    static let access = AdminAccess.permission(.money)

    enum Step: String, Codable, Sendable {
        case amount, note
    }

    struct Draft: Codable, Sendable {
        var telegramID: Int64
        var isCredit: Bool
        var amount: Int64 = 0
        var note = ""
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let people = templates.people
        let example = AdminTemplates.example(admin.currency)
        switch step {
        case .amount:
            guard !draft.isCredit else { return ScenePrompt(people.askCreditAmount(example)) }
            let customer = try await admin.customer(draft.telegramID)
            return ScenePrompt(people.askDebitAmount(example, customer.balance.formatted))
        case .note: return ScenePrompt(people.askNote(CustomerRules.noteLimit))
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        guard let text = input.text else { return .refuse(input.button == nil ? templates.strings.sendText : templates.strings.pressConfirm) }
        var draft = draft
        do {
            switch step {
            case .amount:
                let amount = try admin.amount(text)
                let customer = try await admin.customer(draft.telegramID)
                if !draft.isCredit, amount > customer.balance {
                    return .refuse(templates.people.debitTooLarge(customer.balance.formatted))
                }
                draft.amount = amount.minorUnits
                return .ask(.note, draft)
            case .note:
                draft.note = try CustomerRules.note(text)
                return .summarize(draft)
            }
        } catch {
            return try .refuse(error, templates)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let people = templates.people
        let customer = try await admin.customer(draft.telegramID)
        let amount = Money(minorUnits: draft.amount, currency: admin.currency)
        let after = Money(minorUnits: customer.balance.minorUnits + (draft.isCredit ? draft.amount : -draft.amount), currency: admin.currency)
        return SceneSummary([
            "\(people.customerLabel): \(templates.name(customer))",
            "\(draft.isCredit ? people.creditLabel : people.debitLabel): <b>\(amount.formatted)</b>",
            "\(people.reasonLabel): \(draft.note)",
            SceneSummary.change(people.balanceLabel, from: customer.balance.formatted, to: after.formatted),
        ])
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        let amount = Money(minorUnits: draft.amount, currency: admin.currency)
        let (id, note) = (draft.telegramID, draft.note)
        let balance: Money
        do {
            let actor = context.actorID
            balance =
                draft.isCredit
                ? try await admin.shop.ledger.credit(amount, to: id, reason: .adminCredit, actorID: actor, note: note)
                : try await admin.shop.ledger.debit(amount, from: id, reason: .adminDebit, actorID: actor, note: note)
        } catch {
            return try await leave(draft, context, note: "⚠️ \(try templates.words(for: error))")
        }
        try await admin.showCustomer(context, telegramID: id, note: templates.people.balanceChanged(balance.formatted))
        await admin.tell(id, context) { strings in
            (draft.isCredit ? strings.creditedNotice : strings.debitedNotice)(amount.formatted, note, balance.formatted)
        }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showCustomerOrList(context, telegramID: draft.telegramID, note: note)
    }
}
