import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// 📣 Broadcast: the message (text with Telegram's HTML, checked as Telegram will check it, or a
/// photo with a caption), an optional link button, the audience (everyone, Premium, resellers, or
/// the buyers of a product), free or paid when the shop allows paid broadcasts; then the message
/// exactly as customers will get it, and the summary below it. Confirm creates the broadcast,
/// whose progress message the ``Broadcaster`` keeps up to date.
struct BroadcastScene: PanelScene {
    static let id = "broadcast"
    static let access = AdminAccess.permission(.broadcasts)
    /// A link button's text, at most.
    static let buttonLimit = 64

    enum Step: String, Codable, Sendable {
        case content, button, audience, product, speed
    }

    struct Draft: Codable, Sendable {
        var message = BroadcastMessage(text: "")
        var audience: BroadcastAudience = .everyone
        var isPaid = false
    }

    let admin: AdminHandlers

    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
        let templates = context.adminTemplates
        let broadcasts = templates.broadcasts
        switch step {
        case .content: return ScenePrompt(broadcasts.askContent)
        case .button: return ScenePrompt(broadcasts.askButton, options: [.init(templates.strings.skipButton, answer: "skip")])
        case .audience:
            return ScenePrompt(
                broadcasts.askAudience,
                options: ["everyone", "premium", "resellers", "buyers"].map { .init(broadcasts.audienceName($0), answer: $0) })
        case .product:
            let products = try await admin.shop.catalogue.adminProducts().filter { !$0.isArchived }.prefix(20)
            return ScenePrompt(
                "\(templates.people.productLabel): \(broadcasts.askProduct)", options: products.map { .init($0.name, answer: "product:\($0.id)") })
        case .speed:
            let count = try await admin.shop.broadcasts.recipientCount(draft.audience)
            let stars = AdminTemplates.paidBroadcastStars(count)
            return ScenePrompt(
                broadcasts.askSpeed(count, stars),
                options: [.init(broadcasts.freeButton, answer: "free"), .init(broadcasts.paidButton(stars), answer: "paid")], layout: [2])
        }
    }

    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        let templates = context.adminTemplates
        var draft = draft
        switch (step, input) {
        case (.content, .message(let message)):
            switch Self.content(of: message) {
            case .success(let content):
                draft.message = content
                return .ask(.button, draft)
            case .failure(let refusal): return .refuse(refusal.words(in: templates.language))
            }
        case (.button, .button("skip")):
            return .ask(.audience, draft)
        case (.button, .message(let message)):
            guard let text = message.text, let (title, url) = Self.linkButton(text) else { return .refuse(templates.broadcasts.badButton) }
            draft.message.buttonText = title
            draft.message.buttonURL = url
            return .ask(.audience, draft)
        case (.audience, .button("buyers")):
            return .ask(.product, draft)
        case (.audience, .button(let kind)) where ["everyone", "premium", "resellers"].contains(kind):
            draft.audience = kind == "everyone" ? .everyone : kind == "premium" ? .premium : .resellers
            return try await chooseSpeed(draft, context)
        case (.product, .button(let answer)) where answer.hasPrefix("product:"):
            guard let productID = Int(answer.dropFirst("product:".count)) else { return .refuse(templates.strings.pressConfirm) }
            draft.audience = .buyers(productID: productID)
            return try await chooseSpeed(draft, context)
        case (.speed, .button(let speed)) where speed == "free" || speed == "paid":
            draft.isPaid = speed == "paid"
            return try await preview(draft, context)
        case (.content, _):
            return .refuse(templates.broadcasts.askContent)
        default:
            return .refuse(templates.strings.pressConfirm)
        }
    }

    /// Paid or free, when the shop allows paid broadcasts; an audience of no one is refused.
    private func chooseSpeed(_ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        guard try await admin.shop.broadcasts.recipientCount(draft.audience) > 0 else {
            return .back(.audience, draft, reason: context.adminTemplates.broadcasts.noRecipients)
        }
        guard admin.configuration.paidBroadcasts else { return try await preview(draft, context) }
        return .ask(.speed, draft)
    }

    /// The message exactly as customers will get it, before the summary.
    private func preview(_ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
        if let chatID = context.chatID { try await Broadcaster.sendCopy(draft.message, to: chatID, isPaid: false, bot: context.bot) }
        return .summarize(draft)
    }

    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
        let templates = context.adminTemplates
        let broadcasts = templates.broadcasts
        var productName: String?
        if case .buyers(let productID) = draft.audience { productName = try? await admin.shop.catalogue.adminProduct(productID).name }
        let count = try await admin.shop.broadcasts.recipientCount(draft.audience)
        var lines: [HTML] = ["\(broadcasts.audienceLine(templates.audienceName(draft.audience, productName: productName), count))"]
        if let text = draft.message.buttonText, let url = draft.message.buttonURL {
            lines.append("\(broadcasts.buttonLine(text, url))")
        }
        if draft.isPaid { lines.append("\(broadcasts.paidLine(AdminTemplates.paidBroadcastStars(count)))") }
        // Below the preview, as a message of its own, so it reads after it.
        return SceneSummary(lines, question: broadcasts.preview, isNewMessage: true)
    }

    func confirm(_ draft: Draft, _ context: HandlerContext) async throws {
        let configuration = admin.configuration
        let broadcast: BroadcastSnapshot
        do {
            broadcast = try await admin.shop.broadcasts.create(
                draft.message, to: draft.audience, isPaid: draft.isPaid && configuration.paidBroadcasts, by: context.actorID
            )
        } catch {
            return try await leave(draft, context, note: "⚠️ \(try context.adminTemplates.words(for: error))")
        }
        context.logger.info("Broadcast confirmed", metadata: ["broadcast.id": "\(broadcast.id)"])
        let screen = try context.adminTemplates.broadcastProgress(
            broadcast, try await admin.shop.broadcasts.counts(broadcast.id), perSecond: configuration.broadcastPerSecond)
        let sent = try await context.answer(screen.text, replyMarkup: screen.keyboard.map(ReplyMarkup.inlineKeyboard))
        try await admin.shop.broadcasts.setProgressMessage(broadcast.id, chatID: sent.chat.id, messageID: sent.messageID)
    }

    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws {
        try await admin.showPanel(context, note: note)
    }

    /// The message to broadcast, as sent: checked as Telegram will check it.
    static func content(of message: Message) -> Result<BroadcastMessage, BroadcastContentRefusal> {
        let photo = message.photo?.last?.fileID
        guard let source = photo == nil ? message.text : (message.caption ?? "") else { return .failure(.noContent) }
        let parsed: TelegramHTML
        do {
            parsed = try TelegramHTML(parsing: source)
        } catch {
            return .failure(.invalidHTML(reason: error.description))
        }
        let limit = photo == nil ? 4096 : 1024
        guard photo != nil || !parsed.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.noContent) }
        guard parsed.text.utf16.count <= limit else { return .failure(.tooLong(length: parsed.text.utf16.count, limit: limit)) }
        return .success(BroadcastMessage(text: source, photoFileID: photo))
    }

    /// `Text | https://…` as a link button's text and address, or nil.
    static func linkButton(_ text: String) -> (String, String)? {
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let schemes = ["https://", "http://", "tg://"]
        guard parts.count == 2, (1...buttonLimit).contains(parts[0].count), schemes.contains(where: parts[1].lowercased().hasPrefix),
            parts[1].count > 8, !parts[1].contains(where: \.isWhitespace), URL(string: parts[1]) != nil
        else { return nil }
        return (parts[0], parts[1])
    }
}
