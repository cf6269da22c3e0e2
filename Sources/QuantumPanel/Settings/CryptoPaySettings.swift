import Foundation
import Marketplace

/// Crypto top-ups through @CryptoBot's Crypto Pay: on when `CRYPTO_PAY_TOKEN` is set.
public struct CryptoPaySettings: Sendable, Equatable {
    /// The app's API token from @CryptoBot (`/pay` → Create App).
    public var token: String
    /// `https://pay.crypt.bot`, or the testnet's `https://testnet-pay.crypt.bot`.
    public var apiURL: String
    /// The assets a customer may pay with, such as `USDT`.
    public var assets: [String]
    /// Where Crypto Pay posts paid invoices, on the public listener (`HTTP_PORT`).
    public var webhookPath: String
    /// The amounts offered on the top-up screen, in the shop's currency.
    public var amounts: [Money]

    public static let tokenVariable = SettingsVariable("CRYPTO_PAY_TOKEN", secret: true)
    public static let apiURLVariable = SettingsVariable("CRYPTO_PAY_API_URL")
    public static let assetsVariable = SettingsVariable("CRYPTO_PAY_ASSETS")
    public static let webhookPathVariable = SettingsVariable("CRYPTO_PAY_WEBHOOK_PATH")
    public static let amountsVariable = SettingsVariable("CRYPTO_PAY_TOP_UPS")
    public static let variables = [tokenVariable, apiURLVariable, assetsVariable, webhookPathVariable, amountsVariable]

    /// The fiat currencies Crypto Pay prices invoices in (help.crypt.bot/crypto-pay-api, "Currencies").
    public static let fiatCurrencies: Set<String> = [
        "USD", "EUR", "RUB", "BYN", "UAH", "GBP", "CNY", "KZT", "UZS", "GEL", "TRY", "AMD", "THB", "INR", "BRL", "IDR", "AZN", "AED", "PLN", "ILS",
    ]

    public init(token: String, apiURL: String, assets: [String], webhookPath: String, amounts: [Money]) {
        self.token = token
        self.apiURL = apiURL
        self.assets = assets
        self.webhookPath = webhookPath
        self.amounts = amounts
    }

    /// `.value(nil)` when Crypto Pay is off (no token).
    static func read(_ reader: SettingsReader, currency: Currency?) -> SettingsReader.Read<CryptoPaySettings?> {
        let apiURL = reader.url(apiURLVariable, schemes: ["http", "https"], expected: "https://pay.crypt.bot or https://testnet-pay.crypt.bot")
        let assets = Self.assets(reader)
        let webhookPath = Self.webhookPath(reader)
        let amounts = currency.flatMap { Self.amounts(reader, currency: $0) }
        guard let token = reader.value(tokenVariable) else { return .value(nil) }
        var isValid = true
        if !looksLikeToken(token) {
            reader.report("\(tokenVariable) doesn't look like a Crypto Pay token (digits, a colon, then letters and digits, as @CryptoBot shows it).")
            isValid = false
        }
        if let currency, !fiatCurrencies.contains(currency.code) {
            reader.report(
                "\(tokenVariable) is set, but Crypto Pay doesn't price invoices in \(currency.code) (\(ShopSettings.currencyVariable)); it takes "
                    + fiatCurrencies.sorted().joined(separator: ", ") + ".")
            isValid = false
        }
        guard isValid, let apiURL = apiURL.value, let assets, let webhookPath, let amounts else { return .problem }
        return .value(
            CryptoPaySettings(token: token, apiURL: apiURL ?? "https://pay.crypt.bot", assets: assets, webhookPath: webhookPath, amounts: amounts))
    }

    /// `12345:AAzQ…`: the app's id, a colon, letters and digits.
    private static func looksLikeToken(_ token: String) -> Bool {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = parts.first, let secret = parts.last, !id.isEmpty, !secret.isEmpty else { return false }
        let isWordCharacter = { (character: Character) in character.isASCII && (character.isLetter || character.isNumber || "_-".contains(character))
        }
        return id.allSatisfy { $0.isASCII && $0.isNumber } && secret.allSatisfy(isWordCharacter)
    }

    private static func assets(_ reader: SettingsReader) -> [String]? {
        guard let text = reader.value(assetsVariable) else { return ["USDT", "TON", "BTC"] }
        let assets = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        guard !assets.isEmpty, assets.allSatisfy({ (2...10).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else {
            reader.report("\(assetsVariable) must be comma-separated asset codes such as USDT,TON,BTC, got \(reader.quoted(text)).")
            return nil
        }
        return assets
    }

    private static func webhookPath(_ reader: SettingsReader) -> String? {
        guard let path = reader.value(webhookPathVariable) else { return "/payments/cryptopay" }
        guard path.hasPrefix("/"), path.count > 1, path.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.".contains($0)) }) else {
            reader.report("\(webhookPathVariable) must be a path such as /payments/cryptopay, got \(reader.quoted(path)).")
            return nil
        }
        return path
    }

    private static func amounts(_ reader: SettingsReader, currency: Currency) -> [Money]? {
        guard let text = reader.value(amountsVariable) else {
            return [5, 10, 25, 50].map { Money(minorUnits: $0 * currency.scale, currency: currency) }
        }
        let amounts = text.split(separator: ",").map { try? Money.parse(String($0), currency: currency) }
        guard (1...6).contains(amounts.count), amounts.allSatisfy({ ($0?.minorUnits ?? 0) > 0 }) else {
            reader.report(
                "\(amountsVariable) must be 1 to 6 comma-separated amounts in \(currency.code), such as 5,10,25,50, got \(reader.quoted(text)).")
            return nil
        }
        return amounts.compactMap { $0 }
    }
}
