import BotAPISandbox
import FluentKit
import FluentSQL
import Marketplace
import TelegramBotAPI
import Testing

/// What a customer sees when a handler fails: a short apology in their language, never silence.
@Suite(.timeLimit(.minutes(1))) struct FailureTests {
    @Test func aFailedHandlerApologisesInTheLanguageTheCustomerChose() async throws {
        try await withShop { harness in
            // Telegram says English; the customer picked Russian in the shop.
            let ivan = try await harness.customer("Ivan", languageCode: "en")
            _ = try await ivan.tap("🌐 Language")
            _ = try await ivan.tap("🇷🇺 Русский")
            try await (harness.database as! any SQLDatabase).drop(table: "trusted_sellers").run()
            let press = try await ivan.press("🤝 Проверенные продавцы")
            while await ivan.answer(toCallback: press) == nil { await Task.yield() }
            let answer = await ivan.answer(toCallback: press)
            #expect(answer?.text == "Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.")
            #expect(answer?.showAlert == true)
        }
    }
}
