import BotRouting
import Marketplace
import TelegramBotAPI

/// Whom: a Telegram id, a @username, a forwarded message, or someone picked with Telegram's user
/// picker, shown under the text box while the question stands. Then, by purpose: a customer's
/// profile (🔎 Find a customer), the audit log by or about them, or ➕ Add admin's summary to
/// confirm.
struct PersonScene: PanelScene {
    static let id = "person"
    /// Finding a customer needs the customers' permission, the audit filter the audit's, the
    /// payments filter the orders'; adding an admin is started only by the root (and the service
    /// checks it again).
    static let access = AdminAccess.anyOf([.customers, .audit, .orders])

    enum Purpose: String, Codable, Sendable {
        case findCustomer, auditFilter, paymentsFilter, addAdmin
    }

    enum Step: String, Codable, Sendable {
        case person
    }

    struct Draft: Codable, Sendable {
        var purpose: Purpose
        /// Whom the admin named, once they did (adding an admin).
        var telegramID: Int64?
        var name = ""
        var username: String?
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        return switch draft.purpose {
        case .findCustomer: ScenePrompt(templates.people.askCustomer)
        case .auditFilter: ScenePrompt(templates.records.askAuditPerson)
        case .paymentsFilter: ScenePrompt(templates.records.askPaymentsPerson)
        case .addAdmin: ScenePrompt(templates.people.askAdmin)
        }
    }

    /// The picker comes back with every question: a used one hides itself.
    func didAsk(_ step: Step, _ draft: Draft, _ context: HandlerContext) async throws {
        try await admin.showPicker(context)
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        guard case .message(let message) = input else { return .refuse(templates.people.notAPerson) }
        let person: (id: Int64, name: String, typed: String)
        do {
            person = try await admin.person(in: message, forAdmin: draft.purpose == .addAdmin, templates)
        } catch let refusal as PersonRefusal {
            return .refuse(refusal.words(in: templates.language))
        }
        let customer = try await admin.shop.users.find(telegramID: person.id)
        switch draft.purpose {
        case .findCustomer:
            guard let customer else { return .refuse(PersonRefusal.customerNotFound(typed: person.typed).words(in: templates.language)) }
            try await admin.removePicker(context, saying: templates.people.found(templates.name(customer)))
            try await admin.showCustomer(context, telegramID: customer.telegramID)
            return .end
        case .auditFilter:
            try await admin.removePicker(context, saying: templates.people.found(customer.map(templates.name) ?? person.name))
            try await admin.showAudit(context, person: person.id, page: 1)
            return .end
        case .paymentsFilter:
            try await admin.removePicker(context, saying: templates.people.found(customer.map(templates.name) ?? person.name))
            try await admin.showPayments(context, filter: AdminPaymentsCallback(person: person.id))
            return .end
        case .addAdmin:
            var draft = draft
            draft.telegramID = person.id
            draft.name = customer.map(templates.name) ?? person.name
            draft.username = customer?.username ?? message.usersShared?.users.first?.username
            try await admin.removePicker(context, saying: templates.people.found(draft.name))
            return .summarize(draft)
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        SceneSummary(question: context.adminTemplates.people.confirmAddAdmin(draft.name))
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        guard draft.purpose == .addAdmin, let id = draft.telegramID else { return }
        let templates = context.adminTemplates
        do {
            try await admin.shop.admins.add(id, username: draft.username, by: context.actorID)
            try await admin.showStaff(context, note: templates.people.adminAdded(draft.name))
        } catch {
            try await admin.showStaff(context, note: "⚠️ \(try templates.words(for: error))")
        }
    }

    /// Back where it started, taking the picker away if it is still there.
    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        if draft.telegramID == nil { try await admin.removePicker(context, saying: note) }
        switch draft.purpose {
        case .findCustomer: try await admin.showCustomers(context, filter: .all, page: 1, note: note)
        case .auditFilter: try await admin.showAudit(context, person: nil, page: 1, note: note)
        case .paymentsFilter: try await admin.showPayments(context, note: note)
        case .addAdmin: try await admin.showStaff(context, note: note)
        }
    }
}
