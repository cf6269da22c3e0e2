import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// The dialogs of the customers, orders, admins and sellers sections: each step's question, what
/// it takes, the summary, and what Confirm does. A refusal from a service is shown with the
/// screen the dialog started from.
extension AdminHandlers {
    func peoplePrompt(for step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext, reason: String?) async throws -> Screen {
        let templates = context.adminTemplates
        let people = templates.people
        let example = AdminTemplates.example(currency)
        switch step {
        case .person:
            let question = switch draft.task {
            case .addAdmin: people.askAdmin
            case .auditFilter: templates.records.askAuditPerson
            default: people.askCustomer
            }
            return templates.prompt(question, reason: reason)
        case .amount:
            guard draft.task == .debit else { return templates.prompt(people.askCreditAmount(example), reason: reason) }
            let customer = try await customer(draft)
            return templates.prompt(people.askDebitAmount(example, templates.e(customer.balance.formatted)), reason: reason)
        case .note: return templates.prompt(people.askNote(CustomerRules.noteLimit), reason: reason)
        default:
            return try await peopleSummary(of: draft, context)
        }
    }

    /// A message sent at a step of a people dialog.
    func receivePeople(_ message: Message, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let templates = context.adminTemplates
        if step == .person { return try await receivePerson(message, draft, context) }
        guard let text = message.text else { return try await reask(context, templates.strings.sendText) }
        var draft = draft
        do {
            switch step {
            case .amount:
                let amount = try amount(text, templates).get()
                let customer = try await customer(draft)
                if draft.task == .debit, amount > customer.balance {
                    return try await reask(context, templates.people.debitTooLarge(templates.e(customer.balance.formatted)))
                }
                draft.amount = amount.minorUnits
                try await ask(context, .note, draft)
            case .note:
                draft.note = try CustomerRules.note(text)
                try await ask(context, .confirm, draft)
            default:
                try await reask(context, templates.strings.pressConfirm)
            }
        } catch let refusal as AdminInputRefusal {
            try await reask(context, refusal.message)
        } catch {
            guard let message = templates.peopleRefusal(error) else { throw error }
            try await reask(context, message)
        }
    }

    /// A button of a people dialog's step.
    func receivePeople(_ answer: AdminDialogCallback.Answer, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        try await reask(context, context.adminTemplates.strings.pressConfirm)
    }

    func peopleSummary(of draft: AdminDraft, _ context: HandlerContext) async throws -> Screen {
        let templates = context.adminTemplates
        let people = templates.people
        switch draft.task {
        case .credit, .debit:
            let customer = try await customer(draft)
            let amount = Money(minorUnits: draft.amount ?? 0, currency: currency)
            let delta = draft.task == .credit ? amount.minorUnits : -amount.minorUnits
            let after = Money(minorUnits: customer.balance.minorUnits + delta, currency: currency)
            return try templates.summary([
                "\(people.customerLabel): \(templates.name(customer))",
                "\(draft.task == .credit ? people.creditLabel : people.debitLabel): <b>\(templates.e(amount.formatted))</b>",
                "\(people.reasonLabel): \(templates.e(draft.note ?? ""))",
                templates.change(people.balanceLabel, templates.e(customer.balance.formatted), templates.e(after.formatted)),
            ])
        case .setPremium, .setReseller, .setBanned:
            let customer = try await customer(draft)
            var after = customer
            switch draft.task {
            case .setPremium: after.isPremium = draft.flag ?? false
            case .setReseller: after.isReseller = draft.flag ?? false
            default: after.isBanned = draft.flag ?? false
            }
            let question = draft.task != .setBanned ? nil : (draft.flag == true ? people.confirmBan : people.confirmUnban)(templates.name(customer))
            return try templates.summary([
                "\(people.customerLabel): \(templates.name(customer))", templates.change(people.statusLabel, templates.status(customer), templates.status(after)),
            ], question: question)
        case .refundStars:
            let customer = try await customer(draft)
            let profile = try await shop.users.profile(customer.telegramID)
            guard let payment = profile.starsPayments.first(where: { $0.id == draft.paymentID }) else { throw StarsRefundError.paymentNotFound(paymentID: draft.paymentID ?? 0) }
            return try templates.summary(["\(people.customerLabel): \(templates.name(customer))"], question: people.confirmStarsRefund(payment.stars, templates.e(payment.credited.formatted)))
        case .addAdmin:
            return try templates.summary([], question: people.confirmAddAdmin(draft.personName ?? "\(draft.telegramID ?? 0)"))
        case .removeAdmin:
            return try templates.summary([], question: people.confirmRemoveAdmin(draft.personName ?? "\(draft.telegramID ?? 0)"))
        default:
            return try templates.summary([])
        }
    }

    /// Does what a confirmed people dialog asked, tells the customer when it concerns them, and
    /// shows the screen it was about.
    func performPeopleTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        do {
            switch draft.task {
            case .credit, .debit, .setPremium, .setReseller, .setBanned, .refundStars:
                try await performCustomerTask(draft, context)
            case .addAdmin, .removeAdmin:
                try await performStaffTask(draft, context)
            default:
                return
            }
        } catch {
            guard let message = context.adminTemplates.peopleRefusal(error) else { throw error }
            context.logger.info("Admin change refused", metadata: ["task": "\(draft.task.rawValue)", "reason": "\(error)"])
            try await showPeopleOrigin(of: draft, context, note: "⚠️ " + message)
        }
    }

    /// The screen a people dialog started from.
    func showPeopleOrigin(of draft: AdminDraft, _ context: HandlerContext, note: String?) async throws {
        switch draft.task {
        case .findCustomer: try await showCustomers(context, filter: .all, page: 1, note: note)
        case .auditFilter: try await showAudit(context, person: nil, page: 1, note: note)
        case .addAdmin, .removeAdmin: try await showStaff(context, note: note)
        default:
            guard let telegramID = draft.telegramID, (try? await shop.users.find(telegramID: telegramID)) ?? nil != nil else {
                return try await showCustomers(context, filter: .all, page: 1, note: note)
            }
            try await showCustomer(context, telegramID: telegramID, note: note)
        }
    }

    /// The customer a draft is about, as they are now.
    func customer(_ draft: AdminDraft) async throws -> CustomerSnapshot {
        guard let id = draft.telegramID, let customer = try await shop.users.find(telegramID: id) else { throw LedgerError.unknownCustomer(telegramID: draft.telegramID ?? 0) }
        return customer
    }

    /// A username as typed, or the username of the customer whose id was typed.
    func sellerUsername(_ text: String, _ templates: AdminTemplates) async throws -> String {
        guard let id = CustomerRules.userID(text) else { return try SellerService.username(text) }
        guard let customer = try await shop.users.find(telegramID: id) else { throw AdminInputRefusal(templates.people.customerNotFound("\(id)")) }
        guard let username = customer.username else { throw AdminInputRefusal(templates.people.noUsername(id)) }
        return username
    }
}
