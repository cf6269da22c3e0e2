import BotRouting
import Marketplace

extension BroadcastStrings {
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
