import BotRouting
import Marketplace

/// The texts of the panel's broadcasts, in one language. Values passed in are already escaped.
struct BroadcastStrings: Sendable {
    var sectionBroadcast: String
    var askContent: HTML
    var htmlRefused: @Sendable (_ reason: String) -> HTML
    var tooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var askButton: HTML
    var badButton: HTML
    var askAudience: HTML
    var audienceName: @Sendable (_ kind: String) -> String
    var askProduct: String
    var askSpeed: @Sendable (_ count: Int, _ stars: Int) -> HTML
    var freeButton: String
    var paidButton: @Sendable (_ stars: Int) -> String
    var preview: HTML
    var audienceLine: @Sendable (_ audience: String, _ count: Int) -> String
    var buttonLine: @Sendable (_ text: String, _ url: String) -> String
    var paidLine: @Sendable (_ stars: Int) -> String
    var noRecipients: HTML
    var progress: @Sendable (_ id: Int, _ status: String, _ sent: Int, _ blocked: Int, _ failed: Int, _ left: Int) -> HTML
    var timeLeft: @Sendable (_ seconds: Int) -> String
    var statusName: @Sendable (BroadcastStatus) -> String
    var pauseButton: String
    var resumeButton: String
    var stopButton: String
    var finished: @Sendable (_ id: Int, _ seconds: Int, _ sent: Int, _ blocked: Int, _ failed: Int, _ unknown: Int) -> HTML
    var alreadyOver: HTML
}

extension BroadcastStrings {
    static let english = BroadcastStrings(
        sectionBroadcast: "📣 Broadcast",
        askContent:
            "Send the message: text with Telegram's HTML (&lt;b&gt;bold&lt;/b&gt;, &lt;i&gt;italic&lt;/i&gt;, &lt;a href=\"https://…\"&gt;a link&lt;/a&gt;), or a photo with a caption.",
        htmlRefused: { "Telegram would refuse this: <code>\($0)</code>. Fix it and send it again." },
        tooLong: { "The text is \($0) characters; at most \($1)." },
        askButton: "Add a link button under it? Send its text and address as <code>Text | https://…</code>, or Skip.",
        badButton: "Send the button as <code>Text | https://…</code>: 1 to 64 characters, then an https, http or tg address.",
        askAudience: "Who receives it? Banned customers and those who blocked the bot never do.",
        audienceName: { kind in
            switch kind {
            case "premium": "💎 Premium"
            case "resellers": "🏪 Resellers"
            case "buyers": "🛍 Buyers of a product"
            default: "👥 Everyone"
            }
        },
        askProduct: "Buyers of which product?",
        askSpeed: {
            "\(Plural.english($0, "customer", "customers")). Send it free, about 25 a second, or as a paid broadcast: up to 1000 a second, about \($1) Stars from the bot's balance?"
        },
        freeButton: "Free",
        paidButton: { "⚡ Paid · ≈ \($0) ⭐" },
        preview: "👆 This is how customers will see it.",
        audienceLine: { "To: \($0) · \(Plural.english($1, "customer", "customers"))" },
        buttonLine: { "Button: \($0) → \($1)" },
        paidLine: { "Paid broadcast: about \($0) Stars" },
        noRecipients: "Nobody would receive it: no customer is in that audience.",
        progress: { id, status, sent, blocked, failed, left in
            "📣 <b>Broadcast #\(id)</b> · \(status)\nSent: \(sent) · Blocked: \(blocked) · Failed: \(failed) · Left: \(left)"
        },
        timeLeft: { "About \($0 < 60 ? "\($0) s" : "\($0 / 60) min") left." },
        statusName: { status in
            switch status {
            case .sending: "sending"
            case .paused: "paused"
            case .cancelled: "stopped"
            case .finished: "finished"
            }
        },
        pauseButton: "⏸ Pause",
        resumeButton: "▶ Resume",
        stopButton: "✖ Stop",
        finished: { id, seconds, sent, blocked, failed, unknown in
            "📣 <b>Broadcast #\(id)</b> finished in \(seconds) s.\nSent: \(sent) · Blocked the bot: \(blocked) · Failed: \(failed)"
                + (unknown > 0 ? " · Unknown (the bot stopped while sending): \(unknown)" : "")
        },
        alreadyOver: "That broadcast is over."
    )

    static let russian = BroadcastStrings(
        sectionBroadcast: "📣 Рассылка",
        askContent:
            "Пришлите сообщение: текст с HTML Telegram (&lt;b&gt;жирный&lt;/b&gt;, &lt;i&gt;курсив&lt;/i&gt;, &lt;a href=\"https://…\"&gt;ссылка&lt;/a&gt;) или фото с подписью.",
        htmlRefused: { "Telegram это не примет: <code>\($0)</code>. Исправьте и пришлите снова." },
        tooLong: { "В тексте \($0) символов; можно не больше \($1)." },
        askButton: "Добавить кнопку-ссылку? Пришлите текст и адрес как <code>Текст | https://…</code> или нажмите «Пропустить».",
        badButton: "Пришлите кнопку как <code>Текст | https://…</code>: от 1 до 64 символов, затем адрес https, http или tg.",
        askAudience: "Кому отправить? Заблокированные покупатели и те, кто заблокировал бота, не получат.",
        audienceName: { kind in
            switch kind {
            case "premium": "💎 Премиум"
            case "resellers": "🏪 Реселлеры"
            case "buyers": "🛍 Купившие товар"
            default: "👥 Все"
            }
        },
        askProduct: "Купившим какой товар?",
        askSpeed: {
            "\(Plural.russian($0, "покупатель", "покупателя", "покупателей")). Отправить бесплатно, около 25 в секунду, или платной рассылкой: до 1000 в секунду, около \(Plural.russian($1, "звезды", "звёзд", "звёзд")) с баланса бота?"
        },
        freeButton: "Бесплатно",
        paidButton: { "⚡ Платно · ≈ \($0) ⭐" },
        preview: "👆 Так сообщение увидят покупатели.",
        audienceLine: { "Кому: \($0) · \(Plural.russian($1, "покупатель", "покупателя", "покупателей"))" },
        buttonLine: { "Кнопка: \($0) → \($1)" },
        paidLine: { "Платная рассылка: около \($0) звёзд" },
        noRecipients: "Никто не получит: в этой группе нет покупателей.",
        progress: { id, status, sent, blocked, failed, left in
            "📣 <b>Рассылка №\(id)</b> · \(status)\nОтправлено: \(sent) · Заблокировали: \(blocked) · Ошибки: \(failed) · Осталось: \(left)"
        },
        timeLeft: { "Осталось около \($0 < 60 ? "\($0) с" : "\($0 / 60) мин")." },
        statusName: { status in
            switch status {
            case .sending: "идёт"
            case .paused: "на паузе"
            case .cancelled: "остановлена"
            case .finished: "завершена"
            }
        },
        pauseButton: "⏸ Пауза",
        resumeButton: "▶ Продолжить",
        stopButton: "✖ Остановить",
        finished: { id, seconds, sent, blocked, failed, unknown in
            "📣 <b>Рассылка №\(id)</b> завершена за \(seconds) с.\nОтправлено: \(sent) · Заблокировали бота: \(blocked) · Ошибки: \(failed)"
                + (unknown > 0 ? " · Неизвестно (бот остановился во время отправки): \(unknown)" : "")
        },
        alreadyOver: "Эта рассылка уже закончилась."
    )
}

extension Language {
    var broadcastStrings: BroadcastStrings {
        switch self {
        case .english: .english
        case .russian: .russian
        }
    }
}
