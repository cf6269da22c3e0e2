import BotRouting
import Foundation
import Logging
import Marketplace
import NIOCore
import TelegramBotAPI

/// The stock's screens (``StockSection``): every price's keys, and adding keys from text or a
/// file, with progress for large ones.
extension AdminHandlers {
    /// The most a bot may download through the Bot API.
    static let downloadLimit = 20 * 1024 * 1024
    /// Batches with more lines than this show their progress.
    static let progressThreshold = 2000
    /// Files larger than this say they are being read.
    static let progressFileSize = 64 * 1024

    func showStock(_ context: HandlerContext, page: Int, note: HTML? = nil) async throws {
        let templates = context.adminTemplates
        try await show(
            templates.noted(try templates.stock(try await shop.catalogue.stockLines(), page: page, threshold: configuration.lowStockThreshold), note),
            context)
    }

    func showPriceStock(_ context: HandlerContext, priceID: Int, note: HTML? = nil) async throws {
        let (product, price) = try await find(priceID)
        let templates = context.adminTemplates
        try await show(templates.noted(try templates.priceStock(price, of: product, threshold: configuration.lowStockThreshold), note), context)
    }

    /// The price's stock, or the products list when the price is gone.
    func showPriceStockOrList(_ context: HandlerContext, priceID: Int, note: HTML?) async throws {
        do {
            try await showPriceStock(context, priceID: priceID, note: note)
        } catch is CatalogueError {
            try await showProducts(context, page: 1, note: note)
        }
    }

    func showKeys(_ context: HandlerContext, priceID: Int, page: Int) async throws {
        let (product, price) = try await find(priceID)
        let pageCount = max(1, (price.stock + AdminTemplates.keysPerPage - 1) / AdminTemplates.keysPerPage)
        let page = min(max(1, page), pageCount)
        let keys = try await shop.stock.unusedKeys(
            priceID: priceID, limit: AdminTemplates.keysPerPage, offset: (page - 1) * AdminTemplates.keysPerPage)
        try await show(try context.adminTemplates.keys(keys, of: price, product: product, page: page), context)
    }

    func exportKeys(_ context: HandlerContext, priceID: Int) async throws {
        let (product, price) = try await find(priceID)
        let keys = try await shop.stock.exportUnused(priceID: priceID)
        let templates = context.adminTemplates
        guard let chatID = context.chatID else { return }
        try await context.answerCallback(nil)
        let name = "keys-\(Self.fileSafe(product.name))-\(Self.fileSafe(price.durationLabel)).txt"
        let upload = FileUpload(filename: name, contentType: "text/plain", bytes: Array(keys.map { $0 + "\n" }.joined().utf8))
        try await context.bot.send(
            SendDocument(
                chatID: .id(chatID), document: .upload(upload),
                caption: templates.strings.exportCaption(keys.count, templates.target(product, price)).rendered, parseMode: "HTML"))
    }

    /// Letters, digits and dashes, for a file name.
    static func fileSafe(_ text: String) -> String {
        let kept = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(String(kept).split(separator: "-").joined(separator: "-").prefix(40))
    }

    /// The lines of the keys: the pasted text, or the file downloaded and read.
    private func lines(of source: KeySource, _ context: HandlerContext, progress: ProgressMessage) async throws -> KeyFile.Lines {
        let strings = context.adminTemplates.strings
        switch source {
        case .text(let text):
            return KeyFile.Lines(entries: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init), firstLine: 1)
        case .file(let fileID, let name):
            let kind: KeyFile.Kind
            do { kind = try KeyFile.kind(of: name) } catch { throw KeyFileRefusal.wrongType(fileName: name) }
            let file = try await context.bot.send(GetFile(fileID: fileID))
            guard (file.fileSize ?? 0) <= Int64(Self.downloadLimit) else {
                throw KeyFileRefusal.tooLarge(limitMegabytes: Self.downloadLimit / 1024 / 1024)
            }
            if (file.fileSize ?? 0) > Int64(Self.progressFileSize) { await progress.update(strings.downloading(name)) }
            let buffer = try await context.bot.download(file)
            do {
                return try KeyFile.lines(Array(buffer: buffer), kind: kind)
            } catch {
                throw KeyFileRefusal.notText
            }
        }
    }

    /// Counts (or, with `write`, adds) the keys for a price, showing progress for a large batch.
    func stockReport(_ source: KeySource, priceID: Int, write: Bool, _ context: HandlerContext) async throws -> StockReport {
        let strings = context.adminTemplates.strings
        let progress = ProgressMessage(context: context)
        let lines = try await lines(of: source, context, progress: progress)
        let count = lines.entries.count
        if count > Self.progressThreshold { await progress.update(write ? strings.storing(0, count) : strings.checking(0, count)) }
        return try await shop.stock.addKeys(
            lines: lines.entries, firstLine: lines.firstLine, to: priceID, by: context.actorID, write: write
        ) { done, total in
            guard total > Self.progressThreshold else { return }
            await progress.update(write ? strings.storing(done, total) : strings.checking(done, total))
        }
    }
}
