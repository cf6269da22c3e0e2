import BotRouting
import Foundation
import Logging
import Marketplace
import NIOCore
import TelegramBotAPI

/// The stock section: every price's keys, adding keys from text or a file (with progress for
/// large ones), listing, deleting and exporting unsold keys, and the restock notices.
extension AdminHandlers {
    /// The most a bot may download through the Bot API.
    static let downloadLimit = 20 * 1024 * 1024
    /// Batches with more lines than this show their progress.
    static let progressThreshold = 2000
    /// Files larger than this say they are being read.
    static let progressFileSize = 64 * 1024

    func stockRouter() -> Router {
        let router = Router(name: "admin.stock")
        let fallback: @Sendable (HandlerContext) async throws -> Void = { try await showStock($0, page: 1) }
        onPress(AdminKeysCallback.self, on: router, fallback: fallback) { press, context in
            try await showKeys(context, priceID: press.priceID, page: press.page)
        }
        onPress(AdminDeleteKeyCallback.self, on: router, fallback: fallback) { press, context in
            var draft = AdminDraft(.deleteKey, priceID: press.priceID)
            draft.keyID = press.keyID
            try await ask(context, .confirm, draft)
        }
        return router
    }

    func showStock(_ context: HandlerContext, page: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.stock(try await shop.catalog.stockLines(), page: page, threshold: configuration.lowStockThreshold), note))
    }

    func showPriceStock(_ context: HandlerContext, priceID: Int, note: String? = nil) async throws {
        let (product, price) = try await find(priceID)
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.priceStock(price, of: product, threshold: configuration.lowStockThreshold), note))
    }

    private func showKeys(_ context: HandlerContext, priceID: Int, page: Int) async throws {
        let (product, price) = try await find(priceID)
        let pageCount = max(1, (price.stock + AdminTemplates.keysPerPage - 1) / AdminTemplates.keysPerPage)
        let page = min(max(1, page), pageCount)
        let keys = try await shop.stock.unusedKeys(priceID: priceID, limit: AdminTemplates.keysPerPage, offset: (page - 1) * AdminTemplates.keysPerPage)
        try await context.show(try context.adminTemplates.keys(keys, of: price, product: product, page: page))
    }

    func exportKeys(_ context: HandlerContext, priceID: Int) async throws {
        let (product, price) = try await find(priceID)
        let keys = try await shop.stock.exportUnused(priceID: priceID)
        let templates = context.adminTemplates
        guard let chatID = context.chatID else { return }
        try await context.answerCallback(nil)
        let name = "keys-\(Self.fileSafe(product.name))-\(Self.fileSafe(price.durationLabel)).txt"
        let upload = FileUpload(filename: name, contentType: "text/plain", bytes: Array(keys.map { $0 + "\n" }.joined().utf8))
        try await context.bot.send(SendDocument(chatID: .id(chatID), document: .upload(upload), caption: templates.strings.exportCaption(keys.count, templates.target(product, price)), parseMode: "HTML"))
    }

    /// Letters, digits and dashes, for a file name.
    static func fileSafe(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(String(kept).split(separator: "-").joined(separator: "-").prefix(40))
    }

    /// Keys pasted or uploaded in the add-keys step: counted (nothing written yet) and summed up
    /// for Confirm.
    func receiveKeys(_ message: Message, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        var draft = draft
        if let text = message.text {
            draft.keys = .text(text)
        } else if let document = message.document {
            draft.keys = .file(fileID: document.fileID, name: document.fileName ?? "keys.txt")
        } else {
            return try await reask(context, context.adminTemplates.strings.sendKeysOrFile)
        }
        do {
            let report = try await stockReport(draft, write: false, context)
            guard report.added > 0 else { return try await reask(context, context.adminTemplates.report(report) + "\n\n" + context.adminTemplates.strings.nothingToAdd) }
            // The summary shows this count: a large file isn't read and checked a second time.
            draft.stepUpdateID = context.update.updateID
            try await context.fsm.advance(to: .confirm, draft)
            try await context.show(Self.stamped(try await stockSummary(draft, context, counted: report), dialog: draft.dialogID))
        } catch let refusal as AdminInputRefusal {
            try await reask(context, refusal.message)
        }
    }

    /// The lines of the draft's keys: the pasted text, or the file downloaded and read.
    private func lines(of draft: AdminDraft, _ context: HandlerContext, progress: ProgressMessage) async throws -> KeyFile.Lines {
        let strings = context.adminTemplates.strings
        switch draft.keys {
        case .text(let text)?:
            return KeyFile.Lines(entries: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init), firstLine: 1)
        case .file(let fileID, let name)?:
            let kind: KeyFile.Kind
            do { kind = try KeyFile.kind(of: name) } catch { throw AdminInputRefusal(strings.fileType(HTML.escape(name))) }
            let file = try await context.bot.send(GetFile(fileID: fileID))
            guard (file.fileSize ?? 0) <= Int64(Self.downloadLimit) else { throw AdminInputRefusal(strings.fileTooLarge(Self.downloadLimit / 1024 / 1024)) }
            if (file.fileSize ?? 0) > Int64(Self.progressFileSize) { await progress.update(strings.downloading(HTML.escape(name))) }
            let buffer = try await context.bot.download(file)
            do {
                return try KeyFile.lines(Array(buffer: buffer), kind: kind)
            } catch {
                throw AdminInputRefusal(strings.fileNotText)
            }
        case nil:
            return KeyFile.Lines(entries: [], firstLine: 1)
        }
    }

    /// Counts (or, with `write`, adds) the draft's keys, showing progress for a large batch.
    private func stockReport(_ draft: AdminDraft, write: Bool, _ context: HandlerContext) async throws -> StockReport {
        let strings = context.adminTemplates.strings
        let progress = ProgressMessage(context: context)
        let lines = try await lines(of: draft, context, progress: progress)
        let count = lines.entries.count
        if count > Self.progressThreshold { await progress.update(write ? strings.storing(0, count) : strings.checking(0, count)) }
        return try await shop.stock.addKeys(lines: lines.entries, firstLine: lines.firstLine, to: draft.priceID ?? 0, by: try context.customer.telegramID, write: write) { done, total in
            guard total > Self.progressThreshold else { return }
            await progress.update(write ? strings.storing(done, total) : strings.checking(done, total))
        }
    }

    /// - Parameter counted: the keys' count when it was just made.
    func stockSummary(_ draft: AdminDraft, _ context: HandlerContext, counted: StockReport? = nil) async throws -> Screen {
        let templates = context.adminTemplates
        let strings = templates.strings
        let (product, price) = try await find(draft.priceID ?? 0)
        let target = templates.target(product, price)
        switch draft.task {
        case .addKeys:
            let report: StockReport
            if let counted { report = counted } else { report = try await stockReport(draft, write: false, context) }
            return try templates.summary([], question: templates.report(report) + "\n\n" + strings.keysPreview(report.added, target))
        case .deleteKey:
            let key = try await shop.stock.key(draft.keyID ?? 0)
            return try templates.summary([], question: strings.confirmDeleteKey(templates.e(HTML.truncate(key, to: 300))))
        default:
            return try templates.summary([], question: strings.confirmDeleteAll(price.stock, target))
        }
    }

    func performStockTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let templates = context.adminTemplates
        let priceID = draft.priceID ?? 0
        switch draft.task {
        case .addKeys:
            let report: StockReport
            do {
                report = try await stockReport(draft, write: true, context)
            } catch let refusal as AdminInputRefusal {
                return try await showPriceStock(context, priceID: priceID, note: "⚠️ " + refusal.message)
            }
            context.logger.info("Keys added", metadata: ["price.id": "\(priceID)", "added": "\(report.added)", "duplicates": "\(report.duplicates)"])
            try await showPriceStock(context, priceID: priceID, note: templates.report(report))
            if report.restocked { restockWakeUp.wake() }
        case .deleteKey:
            try await shop.stock.deleteUnused(keyIDs: [draft.keyID ?? 0], by: admin)
            try await showKeys(context, priceID: priceID, page: 1)
        default:
            let count = try await shop.stock.deleteAllUnused(priceID: priceID, by: admin)
            try await showPriceStock(context, priceID: priceID, note: templates.strings.keysDeleted(count))
        }
    }
}
