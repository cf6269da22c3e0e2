import BotRouting
import Marketplace

struct RussianBroadcastStrings: BroadcastStrings {
    let sectionBroadcast: String = "📣 Рассылка"
    let askContent: HTML =
        "Пришлите сообщение: текст с HTML Telegram (&lt;b&gt;жирный&lt;/b&gt;, &lt;i&gt;курсив&lt;/i&gt;, &lt;a href=\"https://…\"&gt;ссылка&lt;/a&gt;) или фото с подписью."
    func htmlRefused(_ reason: String) -> HTML { "Telegram это не примет: <code>\(reason)</code>. Исправьте и пришлите снова." }
    func tooLong(_ length: Int, _ limit: Int) -> HTML { "В тексте \(length) символов; можно не больше \(limit)." }
    let askButton: HTML = "Добавить кнопку-ссылку? Пришлите текст и адрес как <code>Текст | https://…</code> или нажмите «Пропустить»."
    let badButton: HTML = "Пришлите кнопку как <code>Текст | https://…</code>: от 1 до 64 символов, затем адрес https, http или tg."
    let askAudience: HTML = "Кому отправить? Заблокированные покупатели и те, кто заблокировал бота, не получат."
    func audienceName(_ kind: String) -> String {
        switch kind {
        case "premium": "💎 Премиум"
        case "resellers": "🏪 Реселлеры"
        case "buyers": "🛍 Купившие товар"
        default: "👥 Все"
        }

    }
    let askProduct: String = "Купившим какой товар?"
    func askSpeed(_ count: Int, _ stars: Int) -> HTML {
        "\(Plural.russian(count, "покупатель", "покупателя", "покупателей")). Отправить бесплатно, около 25 в секунду, или платной рассылкой: до 1000 в секунду, около \(Plural.russian(stars, "звезды", "звёзд", "звёзд")) с баланса бота?"
    }
    let freeButton: String = "Бесплатно"
    func paidButton(_ stars: Int) -> String { "⚡ Платно · ≈ \(stars) ⭐" }
    let preview: HTML = "👆 Так сообщение увидят покупатели."
    func audienceLine(_ audience: String, _ count: Int) -> String {
        "Кому: \(audience) · \(Plural.russian(count, "покупатель", "покупателя", "покупателей"))"
    }
    func buttonLine(_ text: String, _ url: String) -> String { "Кнопка: \(text) → \(url)" }
    func paidLine(_ stars: Int) -> String { "Платная рассылка: около \(stars) звёзд" }
    let noRecipients: HTML = "Никто не получит: в этой группе нет покупателей."
    func progress(_ id: Int, _ status: String, _ sent: Int, _ blocked: Int, _ failed: Int, _ left: Int) -> HTML {
        "📣 <b>Рассылка №\(id)</b> · \(status)\nОтправлено: \(sent) · Заблокировали: \(blocked) · Ошибки: \(failed) · Осталось: \(left)"
    }
    func timeLeft(_ seconds: Int) -> String { "Осталось около \(seconds < 60 ? "\(seconds) с" : "\(seconds / 60) мин")." }
    func statusName(_ status: BroadcastStatus) -> String {
        switch status {
        case .sending: "идёт"
        case .paused: "на паузе"
        case .cancelled: "остановлена"
        case .finished: "завершена"
        }

    }
    let pauseButton: String = "⏸ Пауза"
    let resumeButton: String = "▶ Продолжить"
    let stopButton: String = "✖ Остановить"
    func finished(_ id: Int, _ seconds: Int, _ sent: Int, _ blocked: Int, _ failed: Int, _ unknown: Int) -> HTML {
        "📣 <b>Рассылка №\(id)</b> завершена за \(seconds) с.\nОтправлено: \(sent) · Заблокировали бота: \(blocked) · Ошибки: \(failed)"
            + (unknown > 0 ? " · Неизвестно (бот остановился во время отправки): \(unknown)" : "")

    }
    let alreadyOver: HTML = "Эта рассылка уже закончилась."
}
