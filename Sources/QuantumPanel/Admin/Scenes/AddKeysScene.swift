import BotRouting
import Logging
import Marketplace
import TelegramBotAPI

/// ➕ Add keys to a price: pasted, one a line, or a file (`.txt` or `.csv`). They are checked and
/// counted at once (duplicates, refused lines) without writing anything; Confirm adds them.
struct AddKeysScene: PanelScene {
    static let id = "add_keys"
    static let access = AdminAccess.permission(.stock)

    enum Step: String, Codable, Sendable {
        case keys
    }

    struct Draft: Codable, Sendable {
        var priceID: Int
        var source: KeySource?
        /// The count shown before Confirm (HTML), so a large file isn't read and checked again.
        var preview: HTML = ""
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        ScenePrompt(context.adminTemplates.strings.askKeys)
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        let source: KeySource
        switch input {
        case .message(let message) where message.text != nil: source = .text(message.text ?? "")
        case .message(let message) where message.document != nil:
            source = .file(fileID: message.document?.fileID ?? "", name: message.document?.fileName ?? "keys.txt")
        default: return .refuse(templates.strings.sendKeysOrFile)
        }
        do {
            let report = try await admin.stockReport(source, priceID: draft.priceID, write: false, context)
            guard report.added > 0 else { return .refuse("\(templates.report(report))\n\n\(templates.strings.nothingToAdd)") }
            let (product, price) = try await admin.find(draft.priceID)
            var draft = draft
            draft.source = source
            draft.preview = "\(templates.report(report))\n\n\(templates.strings.keysPreview(report.added, templates.target(product, price)))"
            return .summarize(draft)
        } catch let refusal as KeyFileRefusal {
            return .refuse(refusal.words(in: templates.language))
        }
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        SceneSummary(question: draft.preview)
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        guard let source = draft.source else { return try await leave(draft, context, note: HTML(text: context.adminTemplates.strings.cancelled)) }
        let report: StockReport
        do {
            report = try await admin.stockReport(source, priceID: draft.priceID, write: true, context)
        } catch let refusal as KeyFileRefusal {
            return try await leave(draft, context, note: "⚠️ \(refusal.words(in: context.adminTemplates.language))")
        }
        context.logger.info(
            "Keys added", metadata: ["price.id": "\(draft.priceID)", "added": "\(report.added)", "duplicates": "\(report.duplicates)"])
        try await admin.showPriceStock(context, priceID: draft.priceID, note: context.adminTemplates.report(report))
        if report.restocked { admin.restockWakeUp.wake() }
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showPriceStockOrList(context, priceID: draft.priceID, note: note)
    }
}
