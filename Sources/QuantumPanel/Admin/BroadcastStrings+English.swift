import BotRouting
import Marketplace

struct EnglishBroadcastStrings: BroadcastStrings {
    let sectionBroadcast: String = "📣 Broadcast"
    let askContent: HTML =
        "Send the message: text with Telegram's HTML (&lt;b&gt;bold&lt;/b&gt;, &lt;i&gt;italic&lt;/i&gt;, &lt;a href=\"https://…\"&gt;a link&lt;/a&gt;), or a photo with a caption."
    func htmlRefused(_ reason: String) -> HTML { "Telegram would refuse this: <code>\(reason)</code>. Fix it and send it again." }
    func tooLong(_ length: Int, _ limit: Int) -> HTML { "The text is \(length) characters; at most \(limit)." }
    let askButton: HTML = "Add a link button under it? Send its text and address as <code>Text | https://…</code>, or Skip."
    let badButton: HTML = "Send the button as <code>Text | https://…</code>: 1 to 64 characters, then an https, http or tg address."
    let askAudience: HTML = "Who receives it? Banned customers and those who blocked the bot never do."
    func audienceName(_ kind: String) -> String {
        switch kind {
        case "premium": "💎 Premium"
        case "resellers": "🏪 Resellers"
        case "buyers": "🛍 Buyers of a product"
        default: "👥 Everyone"
        }

    }
    let askProduct: String = "Buyers of which product?"
    func askSpeed(_ count: Int, _ stars: Int) -> HTML {
        "\(Plural.english(count, "customer", "customers")). Send it free, about 25 a second, or as a paid broadcast: up to 1000 a second, about \(stars) Stars from the bot's balance?"
    }
    let freeButton: String = "Free"
    func paidButton(_ stars: Int) -> String { "⚡ Paid · ≈ \(stars) ⭐" }
    let preview: HTML = "👆 This is how customers will see it."
    func audienceLine(_ audience: String, _ count: Int) -> String { "To: \(audience) · \(Plural.english(count, "customer", "customers"))" }
    func buttonLine(_ text: String, _ url: String) -> String { "Button: \(text) → \(url)" }
    func paidLine(_ stars: Int) -> String { "Paid broadcast: about \(stars) Stars" }
    let noRecipients: HTML = "Nobody would receive it: no customer is in that audience."
    func progress(_ id: Int, _ status: String, _ sent: Int, _ blocked: Int, _ failed: Int, _ left: Int) -> HTML {
        "📣 <b>Broadcast #\(id)</b> · \(status)\nSent: \(sent) · Blocked: \(blocked) · Failed: \(failed) · Left: \(left)"
    }
    func timeLeft(_ seconds: Int) -> String { "About \(seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min") left." }
    func statusName(_ status: BroadcastStatus) -> String {
        switch status {
        case .sending: "sending"
        case .paused: "paused"
        case .cancelled: "stopped"
        case .finished: "finished"
        }

    }
    let pauseButton: String = "⏸ Pause"
    let resumeButton: String = "▶ Resume"
    let stopButton: String = "✖ Stop"
    func finished(_ id: Int, _ seconds: Int, _ sent: Int, _ blocked: Int, _ failed: Int, _ unknown: Int) -> HTML {
        "📣 <b>Broadcast #\(id)</b> finished in \(seconds) s.\nSent: \(sent) · Blocked the bot: \(blocked) · Failed: \(failed)"
            + (unknown > 0 ? " · Unknown (the bot stopped while sending): \(unknown)" : "")

    }
    let alreadyOver: HTML = "That broadcast is over."
}
