import TelegramBotAPI

/// Who the bot is, who owns it, and how it reaches Telegram.
public struct TelegramSettings: Sendable {
    public var token: BotToken
    /// The bot's id, the token's first part: the cache's prefix, the journal's name and the
    /// leader lock's key need it before the Bot API has answered.
    public var botID: Int64
    /// The owner: always an admin, never removable.
    public var rootAdminID: Int64
    /// The support contact shown to customers, without the `@`.
    public var adminUsername: String?
    /// `https://api.telegram.org`, a local Bot API server or the sandbox.
    public var apiURL: String
    public var mode: BotMode
    /// How long an update's answers are retried while the Bot API fails, counted from when its
    /// handling began; then the customer gets the apology.
    public var answerRetryWindow: Duration

    public static let tokenVariable = SettingsVariable("BOT_TOKEN", secret: true)
    public static let rootAdminIDVariable = SettingsVariable("ROOT_ADMIN_ID")
    public static let adminUsernameVariable = SettingsVariable("ADMIN_USERNAME")
    public static let apiURLVariable = SettingsVariable("TELEGRAM_API_URL")
    public static let modeVariable = SettingsVariable("BOT_MODE")
    public static let answerRetryWindowVariable = SettingsVariable("ANSWER_RETRY_WINDOW")
    public static let variables = [
        tokenVariable, rootAdminIDVariable, adminUsernameVariable, apiURLVariable, modeVariable, answerRetryWindowVariable,
    ]

    /// How Telegram delivers updates.
    public enum BotMode: Sendable, Equatable {
        /// The bot asks for them.
        case polling
        /// Telegram posts them to the webhook.
        case webhook(WebhookSettings)

        /// As `BOT_MODE` spells it.
        public var name: String {
            switch self {
            case .polling: "polling"
            case .webhook: "webhook"
            }
        }

        public var webhook: WebhookSettings? {
            if case .webhook(let webhook) = self { return webhook }
            return nil
        }
    }

    init?(reading reader: SettingsReader) {
        let token = Self.token(reader)
        let rootAdminID = Self.rootAdminID(reader)
        let adminUsername = Self.adminUsername(reader)
        let apiURL = reader.url(Self.apiURLVariable, schemes: ["http", "https"], expected: "an http(s) URL such as https://api.telegram.org")
        let mode = Self.mode(reader)
        let answerRetryWindow = reader.seconds(
            Self.answerRetryWindowVariable, upTo: 3600, default: .seconds(60), expected: "a number of seconds from 0 to 3600")
        guard let token, let botID = token.botID, let rootAdminID, let adminUsername, let apiURL = apiURL.value, let mode, let answerRetryWindow
        else { return nil }
        self.token = token
        self.botID = botID
        self.rootAdminID = rootAdminID
        self.adminUsername = adminUsername
        self.apiURL = apiURL ?? "https://api.telegram.org"
        self.mode = mode
        self.answerRetryWindow = answerRetryWindow
    }

    private static func token(_ reader: SettingsReader) -> BotToken? {
        let shape = "<digits>:<35 or more letters, digits, _ or ->"
        guard let text = reader.value(tokenVariable) else {
            reader.report("\(tokenVariable) is missing: set it to your bot's token from @BotFather (\(shape)).")
            return nil
        }
        let token = BotToken(text)
        guard token.isWellFormed else {
            // Never echo the token, not even in part.
            reader.report("\(tokenVariable) is malformed: expected \(shape).")
            return nil
        }
        return token
    }

    private static func rootAdminID(_ reader: SettingsReader) -> Int64? {
        guard let text = reader.value(rootAdminIDVariable) else {
            reader.report("\(rootAdminIDVariable) is missing: set it to your numeric Telegram user id (ask @userinfobot).")
            return nil
        }
        guard let id = Int64(text), id > 0 else {
            reader.report("\(rootAdminIDVariable) must be a positive integer (your numeric Telegram user id), got \(reader.quoted(text)).")
            return nil
        }
        return id
    }

    /// `.some(nil)` when unset; nil when wrong.
    private static func adminUsername(_ reader: SettingsReader) -> String?? {
        guard var name = reader.value(adminUsernameVariable) else { return .some(nil) }
        if name.hasPrefix("@") { name.removeFirst() }
        guard (4...32).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            reader.report("\(adminUsernameVariable) must be a Telegram username (4 to 32 letters, digits or _), got \(reader.quoted(name)).")
            return nil
        }
        return name
    }

    /// The webhook's variables are checked in either mode, and required in webhook mode.
    private static func mode(_ reader: SettingsReader) -> BotMode? {
        let text = reader.value(modeVariable)
        let name = text?.lowercased() ?? "polling"
        if name != "polling", name != "webhook" {
            reader.report("\(modeVariable) must be polling or webhook, got \(reader.quoted(text ?? "")).")
        }
        let webhook = WebhookSettings.read(reader, required: name == "webhook")
        switch name {
        case "polling": return .polling
        case "webhook": return webhook.map { .webhook($0) }
        default: return nil
        }
    }
}
