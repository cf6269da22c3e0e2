import BotRouting
import Logging
import Marketplace
import ServiceLifecycle
import TelegramBotAPI

/// Tells the customers who asked (🔔) that a price is back, once each, in their language.
///
/// As a service it looks at start, every `interval` (keys added from the command line, a notice
/// the bot was stopped before sending) and at once when the panel nudges `wakeUp` after adding keys.
public struct RestockNotifier: Service {
    let shop: Shop
    let bot: BotClient
    var interval: Duration = .seconds(60)
    var wakeUp = WakeUpSignal()
    let logger: Logger

    public func run() async throws {
        await RepeatingTask.run(every: interval, wakeUp: wakeUp, logger: logger, failure: "Could not send restock notices; trying again later") {
            try await notifyDue()
        }
    }

    /// Sends every notice that is due. A request is used up as it is taken, so a customer who
    /// blocked the bot isn't retried forever.
    /// - Returns: how many customers were told.
    @discardableResult
    func notifyDue() async throws -> Int {
        var told = 0
        for notice in try await shop.restock.takeDue() {
            let customer = try? await shop.users.find(telegramID: notice.telegramID)
            let screen = try ShopTemplates(language: Language(customer: customer ?? nil, telegramCode: nil)).restockNotice(notice)
            do {
                try await bot.send(
                    SendMessage(
                        chatID: .id(notice.telegramID), text: screen.text.rendered, parseMode: "HTML",
                        replyMarkup: screen.keyboard.map(ReplyMarkup.inlineKeyboard)))
                told += 1
            } catch {
                logger.info("A restock notice could not be delivered", metadata: ["price.id": "\(notice.priceID)", "error": "\(error)"])
            }
        }
        if told > 0 { logger.info("Restock notices sent", metadata: ["count": "\(told)"]) }
        return told
    }
}
