import Foundation
import TelegramBotAPI

extension SandboxState {
    /// Methods that post into a chat, and so count against flood control.
    static let sendingMethods: Set = ["sendmessage", "sendphoto", "senddocument", "sendinvoice"]

    /// Runs one Bot API method (names are case-insensitive, as on Telegram) and returns its result.
    func perform(_ method: String, _ parameters: MethodParameters) async throws(SandboxError) -> any Encodable & Sendable {
        let name = method.lowercased()
        if Self.sendingMethods.contains(name), let floodControl = configuration.floodControl {
            try checkFlood(chatID: (try? parameters.int64("chat_id")) ?? nil, floodControl)
        }
        switch name {
        case "getme": return bot
        case "getupdates":
            let timeout = max(0, min(50, try parameters.int64("timeout") ?? 0))
            let limit = max(1, min(100, Int(try parameters.int64("limit") ?? 100)))
            return try await getUpdates(
                offset: try parameters.int64("offset"), limit: limit, timeout: .seconds(timeout),
                allowedUpdates: try parameters.decode([String].self, "allowed_updates")
            )
        case "setwebhook": return try setWebhook(parameters)
        case "deletewebhook": return deleteWebhook(parameters)
        case "getwebhookinfo": return getWebhookInfo()
        case "sendmessage": return try sendMessage(parameters)
        case "editmessagetext": return try editMessageText(parameters)
        case "editmessagecaption": return try editMessageCaption(parameters)
        case "editmessagereplymarkup": return try editMessageReplyMarkup(parameters)
        case "deletemessage": return try deleteMessage(parameters)
        case "sendphoto": return try sendPhoto(parameters)
        case "senddocument": return try sendDocument(parameters)
        case "answercallbackquery": return try answerCallbackQuery(parameters)
        case "setmycommands": return try setMyCommands(parameters)
        case "sendchataction": return try sendChatAction(parameters)
        case "getfile": return try getFile(parameters)
        case "sendinvoice": return try sendInvoice(parameters)
        case "answerprecheckoutquery": return try answerPreCheckoutQuery(parameters)
        case "refundstarpayment": return try refundStarPayment(parameters)
        default: throw .notFound
        }
    }

    /// Whether the method exists here; unknown ones get 404 before anything else is checked.
    static func knows(_ method: String) -> Bool {
        [
            "getme", "getupdates", "setwebhook", "deletewebhook", "getwebhookinfo", "sendmessage", "editmessagetext",
            "editmessagecaption", "editmessagereplymarkup", "deletemessage", "sendphoto", "senddocument",
            "answercallbackquery", "setmycommands", "sendchataction", "getfile", "sendinvoice",
            "answerprecheckoutquery", "refundstarpayment",
        ].contains(method.lowercased())
    }

    /// Takes one message from the chat's and the bot's budgets, or refuses with 429.
    func checkFlood(chatID: Int64?, _ limits: FloodControl) throws(SandboxError) {
        let now = ContinuousClock.now
        var global = globalBucket ?? TokenBucket(capacity: Double(limits.globalBurst), at: now)
        var chat = chatID.flatMap { floodBuckets[$0] } ?? TokenBucket(capacity: Double(limits.perChatBurst), at: now)
        global.refill(rate: limits.globalPerSecond, capacity: Double(limits.globalBurst), at: now)
        chat.refill(rate: limits.perChatPerSecond, capacity: Double(limits.perChatBurst), at: now)
        let wait = max(global.secondsUntilToken(rate: limits.globalPerSecond), chatID == nil ? 0 : chat.secondsUntilToken(rate: limits.perChatPerSecond))
        if wait > 0 {
            globalBucket = global
            if let chatID { floodBuckets[chatID] = chat }
            throw .tooManyRequests(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        global.tokens -= 1
        chat.tokens -= 1
        globalBucket = global
        if let chatID { floodBuckets[chatID] = chat }
    }

    /// What fault injection makes of the next call: nothing, a refusal, or a delay.
    func drawFault() -> (error: SandboxError?, delay: Duration?) {
        guard let faults = configuration.faults else { return (nil, nil) }
        let draw = nextRandom()
        if draw < faults.tooManyRequests { return (.tooManyRequests(retryAfter: 1), nil) }
        if draw < faults.tooManyRequests + faults.serverError { return (SandboxError(code: 500, description: "Internal Server Error"), nil) }
        if draw < faults.tooManyRequests + faults.serverError + faults.slow { return (nil, faults.slowDelay) }
        return (nil, nil)
    }
}

/// A token bucket: `capacity` messages at once, refilled at a steady rate.
struct TokenBucket {
    var tokens: Double
    var updatedAt: ContinuousClock.Instant

    init(capacity: Double, at now: ContinuousClock.Instant) {
        tokens = capacity
        updatedAt = now
    }

    mutating func refill(rate: Double, capacity: Double, at now: ContinuousClock.Instant) {
        let elapsed = updatedAt.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        tokens = min(capacity, tokens + seconds * rate)
        updatedAt = now
    }

    func secondsUntilToken(rate: Double) -> Double {
        tokens >= 1 ? 0 : (1 - tokens) / rate
    }
}
