import BotRouting
import Foundation
import Logging
import Marketplace
import TelegramBotAPI

/// Composing a broadcast (text checked against Telegram's HTML rules, or a photo with a caption,
/// an optional link button, the audience, free or paid), its preview, and Pause, Resume and Stop
/// on the progress message the ``Broadcaster`` keeps up to date.
extension AdminHandlers {
    /// A link button's text, at most.
    static let broadcastButtonLimit = 64

    func broadcastsRouter() -> Router {
        let router = Router(name: "admin.broadcasts")
        onPress(AdminBroadcastCallback.self, on: router, fallback: { try await showPanel($0) }) { press, context in
            let status: BroadcastStatus = switch press.action {
            case .pause: .paused
            case .resume: .sending
            case .stop: .cancelled
            }
            let broadcast = try await shop.broadcasts.set(status, broadcastID: press.broadcastID, by: try context.customer.telegramID)
            try await context.answerCallback(nil)
            try await context.show(try context.adminTemplates.broadcastProgress(broadcast, try await shop.broadcasts.counts(broadcast.id), perSecond: configuration.broadcastPerSecond))
        }
        return router
    }

    func broadcastPrompt(for step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext, reason: String?) async throws -> Screen {
        let templates = context.adminTemplates
        switch step {
        case .broadcastContent: return templates.prompt(templates.broadcasts.askContent, reason: reason)
        case .broadcastButton: return templates.prompt(templates.broadcasts.askButton, reason: reason, options: [try templates.button(templates.strings.skipButton, AdminDialogCallback(answer: .skip))])
        case .broadcastAudience: return try templates.audiencePrompt(reason: reason)
        case .broadcastProduct: return try templates.productPrompt(try await shop.catalog.adminProducts().filter { !$0.isArchived }, reason: reason)
        default:
            let count = try await shop.broadcasts.recipientCount(draft.audience ?? .everyone)
            return try templates.speedPrompt(count: count, stars: AdminTemplates.paidBroadcastStars(count), reason: reason)
        }
    }

    /// The message to broadcast, as sent: checked as Telegram will check it.
    func receiveBroadcastContent(_ message: Message, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let strings = context.adminTemplates.broadcasts
        let photo = message.photo?.last?.fileID
        guard let source = photo == nil ? message.text : (message.caption ?? "") else { return try await reask(context, strings.askContent) }
        let parsed: TelegramHTML
        do {
            parsed = try TelegramHTML(parsing: source)
        } catch {
            return try await reask(context, strings.htmlRefused(HTML.escape(error.description)))
        }
        let limit = photo == nil ? 4096 : 1024
        guard photo != nil || !parsed.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return try await reask(context, strings.askContent) }
        guard parsed.text.utf16.count <= limit else { return try await reask(context, strings.tooLong(parsed.text.utf16.count, limit)) }
        var draft = draft
        draft.broadcast = BroadcastMessage(text: source, photoFileID: photo)
        try await ask(context, .broadcastButton, draft)
    }

    /// `Text | https://…`, or why it isn't a link button.
    func receiveBroadcastButton(_ text: String, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let schemes = ["https://", "http://", "tg://"]
        guard parts.count == 2, (1...Self.broadcastButtonLimit).contains(parts[0].count), schemes.contains(where: parts[1].lowercased().hasPrefix),
            parts[1].count > 8, !parts[1].contains(where: \.isWhitespace), URL(string: parts[1]) != nil
        else { return try await reask(context, context.adminTemplates.broadcasts.badButton) }
        var draft = draft
        draft.broadcast?.buttonText = parts[0]
        draft.broadcast?.buttonURL = parts[1]
        try await ask(context, .broadcastAudience, draft)
    }

    func receiveBroadcast(_ answer: AdminDialogCallback.Answer, at step: AdminDialog, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        var draft = draft
        switch (step, answer) {
        case (.broadcastButton, .skip):
            try await ask(context, .broadcastAudience, draft)
        case (.broadcastAudience, .buyers):
            try await ask(context, .broadcastProduct, draft)
        case (.broadcastAudience, .everyone), (.broadcastAudience, .premium), (.broadcastAudience, .resellers):
            draft.audience = answer == .everyone ? .everyone : answer == .premium ? .premium : .resellers
            try await chooseSpeed(draft, context)
        case (.broadcastSpeed, .free), (.broadcastSpeed, .paid):
            draft.isPaid = answer == .paid
            try await askToConfirm(draft, context)
        default:
            try await reask(context, context.adminTemplates.strings.pressConfirm)
        }
    }

    /// A product chosen for "buyers of a product".
    func receiveBroadcastProduct(_ productID: Int, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        var draft = draft
        draft.audience = .buyers(productID: productID)
        try await context.answerCallback(nil)
        try await chooseSpeed(draft, context)
    }

    /// Paid or free, when the shop allows paid broadcasts; an empty audience is refused here.
    private func chooseSpeed(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        guard try await shop.broadcasts.recipientCount(draft.audience ?? .everyone) > 0 else {
            var draft = draft
            draft.audience = nil
            return try await ask(context, .broadcastAudience, draft, reason: context.adminTemplates.broadcasts.noRecipients)
        }
        guard configuration.paidBroadcasts else { return try await askToConfirm(draft, context) }
        try await ask(context, .broadcastSpeed, draft)
    }

    /// The preview, the message exactly as customers will get it, then the summary to confirm.
    private func askToConfirm(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        guard let message = draft.broadcast, let chatID = context.chatID else { return }
        try await Broadcaster.sendCopy(message, to: chatID, isPaid: false, bot: context.bot)
        var draft = draft
        draft.stepUpdateID = context.update.updateID
        try await context.fsm.advance(to: .confirm, draft)
        // After the preview, as a message of its own, so it reads below it.
        let summary = Self.stamped(try await peopleSummary(of: draft, context), dialog: draft.dialogID)
        _ = try await context.answer(summary.text, replyMarkup: summary.keyboard.map(ReplyMarkup.inlineKeyboard))
    }

    func broadcastSummary(_ draft: AdminDraft, _ context: HandlerContext) async throws -> Screen {
        let templates = context.adminTemplates
        let audience = draft.audience ?? .everyone
        var productName: String?
        if case .buyers(let productID) = audience { productName = try? await shop.catalog.adminProduct(productID).name }
        let count = try await shop.broadcasts.recipientCount(audience)
        return try templates.broadcastSummary(draft.broadcast ?? BroadcastMessage(text: ""), audience: templates.audienceName(audience, productName: productName), count: count, isPaid: draft.isPaid)
    }

    /// Creates the broadcast with its recipients; the summary becomes its progress message.
    func performBroadcast(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        guard let message = draft.broadcast else { return }
        let broadcast = try await shop.broadcasts.create(message, to: draft.audience ?? .everyone, isPaid: draft.isPaid && configuration.paidBroadcasts, by: try context.customer.telegramID)
        context.logger.info("Broadcast confirmed", metadata: ["broadcast.id": "\(broadcast.id)"])
        let screen = try context.adminTemplates.broadcastProgress(broadcast, try await shop.broadcasts.counts(broadcast.id), perSecond: configuration.broadcastPerSecond)
        let sent = try await context.answer(screen.text, replyMarkup: screen.keyboard.map(ReplyMarkup.inlineKeyboard))
        try await shop.broadcasts.setProgressMessage(broadcast.id, chatID: sent.chat.id, messageID: sent.messageID)
    }
}
