/// Where Telegram posts updates in webhook mode, and the secret it proves itself with.
public struct WebhookSettings: Sendable, Equatable {
    /// The public URL Telegram posts updates to.
    public var url: String
    /// Sent back by Telegram in `X-Telegram-Bot-Api-Secret-Token`, so forged webhook calls are refused.
    public var secret: String

    public static let urlVariable = SettingsVariable("WEBHOOK_URL")
    public static let secretVariable = SettingsVariable("WEBHOOK_SECRET", secret: true)
    public static let variables = [urlVariable, secretVariable]

    public init(url: String, secret: String) {
        self.url = url
        self.secret = secret
    }

    /// Both values, checked whenever they are set; nil when either is unset or wrong (and
    /// `required`, `BOT_MODE=webhook`, makes an unset one a problem).
    static func read(_ reader: SettingsReader, required: Bool) -> WebhookSettings? {
        let url = reader.url(urlVariable, schemes: ["http", "https"], expected: "the public https URL Telegram posts updates to")
        if required, case .value(nil) = url {
            reader.report("\(urlVariable) is missing: \(TelegramSettings.modeVariable)=webhook needs the public https URL Telegram posts updates to.")
        }
        let secret = secret(reader)
        if required, case .value(nil) = secret {
            // Without it anyone who finds the URL could post a forged update, a payment among them.
            reader.report(
                "\(secretVariable) is missing: \(TelegramSettings.modeVariable)=webhook needs it so that only Telegram's calls are taken (1-256 of A-Z a-z 0-9 _ -)."
            )
        }
        guard let url = url.value ?? nil, let secret = secret.value ?? nil else { return nil }
        return WebhookSettings(url: url, secret: secret)
    }

    private static func secret(_ reader: SettingsReader) -> SettingsReader.Read<String?> {
        guard let secret = reader.value(secretVariable) else { return .value(nil) }
        guard secret.count <= 256, secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            reader.report("\(secretVariable) must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule).")
            return .problem
        }
        return .value(secret)
    }
}
