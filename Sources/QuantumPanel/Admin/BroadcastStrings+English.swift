import BotRouting
import Marketplace

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
}
