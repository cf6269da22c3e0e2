import Foundation
import TelegramBotAPI

extension SandboxState {
    /// Methods that post into a chat, and so count against flood control.
    static let sendingMethods: Set = ["sendmessage", "sendphoto", "senddocument", "sendinvoice"]

    /// Runs one Bot API method (names are case-insensitive, as on Telegram) and returns its result.
    func perform(_ method: String, _ parameters: MethodParameters) async throws(SandboxError) -> any Encodable & Sendable {
        let name = method.lowercased()
        if Self.sendingMethods.contains(name), parameters.bool("allow_paid_broadcast") == true {
            // Past the free limit for 0.1 Star a message; the per-chat limit stands.
            if let floodControl = configuration.floodControl {
                try checkFlood(chatID: (try? parameters.int64("chat_id")) ?? nil, floodControl, countingGlobal: false)
            }
            paidBroadcastMessages += 1
        } else if Self.sendingMethods.contains(name), let floodControl = configuration.floodControl {
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
        case "sendmessage":
            try checkReplyKeyboard(parameters)
            let message = try sendMessage(parameters)
            keepReplyKeyboard(parameters, in: message.chat.id)
            return message
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
        case "getstartransactions": return try getStarTransactions(parameters)
        case "getmycommands": return commands
        case "deletemycommands":
            commands = []
            return true
        case "getchat": return try getChat(parameters)
        case "setmyname", "setmydescription", "setmyshortdescription": return setProfile(name, parameters)
        case "getmyname": return ["name": profile.name ?? bot.firstName]
        case "getmydescription": return ["description": profile.description ?? ""]
        case "getmyshortdescription": return ["short_description": profile.shortDescription ?? ""]
        case "setchatmenubutton": return true
        case "getchatmenubutton": return MenuButtonDefault()
        case "close", "logout": return true
        default: throw .badRequest("Bad Request: \(method) is a Bot API method the sandbox does not emulate")
        }
    }

    /// Whether the Bot API has the method (case-insensitive, as Telegram). Anything else gets
    /// 404 before anything else is checked, as from Telegram; a real method the sandbox does not
    /// emulate gets a 400 that says so, since client libraries read 404 as a wrong token.
    static func knows(_ method: String) -> Bool {
        methodNames.contains(method.lowercased())
    }

    private static let methodNames = Set(BotAPIMethodNames.all.map { $0.lowercased() })

    func getStarTransactions(_ parameters: MethodParameters) throws(SandboxError) -> StarTransactions {
        let offset = max(0, Int(try parameters.int64("offset") ?? 0))
        let limit = max(1, min(100, Int(try parameters.int64("limit") ?? 100)))
        return StarTransactions(transactions: Array(starTransactions.dropFirst(offset).prefix(limit)))
    }

    func getChat(_ parameters: MethodParameters) throws(SandboxError) -> ChatFullInfo {
        guard let id = try parameters.int64("chat_id"),
            let chat = chats[id]?.chat
                ?? users[id].map({ Chat(id: $0.id, type: "private", username: $0.username, firstName: $0.firstName, lastName: $0.lastName) })
        else {
            throw .badRequest("Bad Request: chat not found")
        }
        return ChatFullInfo(id: chat.id, type: chat.type, username: chat.username, firstName: chat.firstName, lastName: chat.lastName)
    }

    func setProfile(_ method: String, _ parameters: MethodParameters) -> Bool {
        switch method {
        case "setmyname": profile.name = parameters.string("name")
        case "setmydescription": profile.description = parameters.string("description")
        default: profile.shortDescription = parameters.string("short_description")
        }
        return true
    }

    /// Takes one message from the chat's and the bot's budgets, or refuses with 429.
    /// - Parameter countingGlobal: false for a paid broadcast, which the bot-wide limit doesn't hold.
    func checkFlood(chatID: Int64?, _ limits: FloodControl, countingGlobal: Bool = true) throws(SandboxError) {
        let now = ContinuousClock.now
        var global = globalBucket ?? TokenBucket(capacity: Double(limits.globalBurst), at: now)
        var chat = chatID.flatMap { floodBuckets[$0] } ?? TokenBucket(capacity: Double(limits.perChatBurst), at: now)
        global.refill(rate: limits.globalPerSecond, capacity: Double(limits.globalBurst), at: now)
        chat.refill(rate: limits.perChatPerSecond, capacity: Double(limits.perChatBurst), at: now)
        let wait = max(
            countingGlobal ? global.secondsUntilToken(rate: limits.globalPerSecond) : 0,
            chatID == nil ? 0 : chat.secondsUntilToken(rate: limits.perChatPerSecond))
        if wait > 0 {
            globalBucket = global
            if let chatID { floodBuckets[chatID] = chat }
            throw .tooManyRequests(retryAfter: max(1, Int(wait.rounded(.up))))
        }
        if countingGlobal { global.tokens -= 1 }
        chat.tokens -= 1
        globalBucket = global
        if let chatID { floodBuckets[chatID] = chat }
    }

    /// What fault injection makes of the next call: nothing, a refusal, or a delay.
    func drawFault() -> (error: SandboxError?, delay: Duration?) {
        if let outage, ContinuousClock.now < outage.until {
            return (SandboxError(code: outage.status, description: outage.status == 502 ? "Bad Gateway" : "Internal Server Error"), nil)
        }
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

extension SandboxState {
    /// Every Bot API call fails with `status` (502: Bad Gateway) for `duration`, as when
    /// Telegram's front end is down; simulated users' actions still work.
    public func failEveryCall(status: Int = 502, for duration: Duration) {
        outage = (ContinuousClock.now + duration, status)
    }
}
