import Configuration
import Foundation
import Logging
import Marketplace
import SystemPackage
import TelegramBotAPI

extension Settings {
    /// Reads and checks the settings: the environment first, then `environmentFile`, then defaults.
    ///
    /// - Parameters:
    ///   - environment: the process environment; tests pass their own.
    ///   - environmentFile: a `.env` file of `NAME=value` lines; a missing file is fine.
    ///   - fallbacks: values used when neither sets a variable, for commands that don't talk to
    ///     Telegram and so need no token.
    /// - Throws: ``SettingsError`` listing every problem found, not just the first.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        environmentFile: String = ".env",
        fallbacks: [String: String] = [:]
    ) async throws(SettingsError) -> Settings {
        let secrets = SecretsSpecifier<String, String>.specific(secretNames)
        let fileProvider: EnvironmentVariablesProvider
        do {
            fileProvider = try await EnvironmentVariablesProvider(
                environmentFilePath: FilePath(environmentFile), allowMissing: true, secretsSpecifier: secrets)
        } catch {
            throw SettingsError(problems: ["\(environmentFile) could not be read: \(error)"])
        }
        let reader = ConfigReader(providers: [
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: secrets),
            fileProvider,
            EnvironmentVariablesProvider(environmentVariables: fallbacks, secretsSpecifier: secrets),
        ])
        var parser = SettingsParser(reader: reader)
        let settings = parser.parse()
        guard parser.problems.isEmpty, let settings else {
            throw SettingsError(problems: parser.problems)
        }
        return settings
    }
}

/// Reads each variable, collecting a problem for each bad one, so that one run shows them all.
private struct SettingsParser {
    let reader: ConfigReader
    var problems: [String] = []

    init(reader: ConfigReader) {
        self.reader = reader
    }

    /// The trimmed value, with one pair of surrounding quotes removed as python-dotenv does; nil when unset or empty.
    func value(_ name: String) -> String? {
        let key = ConfigKey(name.lowercased().split(separator: "_").map(String.init))
        guard var text = reader.string(forKey: key, isSecret: Settings.secretNames.contains(name))?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            text = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return text.isEmpty ? nil : text
    }

    /// A value quoted for a message, shortened so a pasted blob doesn't flood the terminal.
    func quoted(_ text: String) -> String {
        text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }

    mutating func parse() -> Settings? {
        let token = botToken()
        let rootAdminID = rootAdminID()
        let adminUsername = adminUsername()
        let database = database()
        let redisURL = redis()
        let apiURL =
            url("TELEGRAM_API_URL", schemes: ["http", "https"], expected: "an http(s) URL such as https://api.telegram.org")
            ?? "https://api.telegram.org"
        let mode = botMode()
        let webhookURL = url("WEBHOOK_URL", schemes: ["http", "https"], expected: "the public https URL Telegram posts updates to")
        if mode == .webhook, webhookURL == nil, value("WEBHOOK_URL") == nil {
            problems.append("WEBHOOK_URL is missing: BOT_MODE=webhook needs the public https URL Telegram posts updates to.")
        }
        let webhookSecret = webhookSecret()
        if mode == .webhook, value("WEBHOOK_SECRET") == nil {
            // Without it anyone who finds the URL could post a forged update, a payment among them.
            problems.append(
                "WEBHOOK_SECRET is missing: BOT_MODE=webhook needs it so that only Telegram's calls are taken (1-256 of A-Z a-z 0-9 _ -).")
        }
        let httpHost = value("HTTP_HOST") ?? "0.0.0.0"
        let httpPort = integer("HTTP_PORT", in: 0...65535, default: 8080, expected: "a TCP port from 1 to 65535, or 0 for any free one")
        let opsHost = value("OPS_HOST") ?? "0.0.0.0"
        let opsPort = integer("OPS_PORT", in: 0...65535, default: 9090, expected: "a TCP port from 1 to 65535, or 0 for any free one")
        let logLevel = logLevel()
        let logDirectory = value("LOG_DIR") ?? "logs"
        let poolSize = integer("DATABASE_POOL_SIZE", in: 1...100, default: 5, expected: "a number of connections from 1 to 100")
        let currency = currency()
        let premiumPrice = premiumPrice(currency: currency ?? "USD")
        let autoMigrate = flag("AUTO_MIGRATE", default: true)
        let cacheTTLs = cacheTTLs()
        let starsTopUps = starsTopUps()
        let starValue = amount("STAR_VALUE", currency: currency ?? "USD", default: 1, allowZero: false)
        let lowStockThreshold = integer("LOW_STOCK_THRESHOLD", in: 0...1_000_000, default: 5, expected: "a number of keys from 0 to 1000000")
        let broadcastPerSecond = integer("BROADCAST_PER_SECOND", in: 1...30, default: 25, expected: "a number of messages a second from 1 to 30")
        let paidBroadcasts = flag("PAID_BROADCASTS", default: false)
        let tracing = tracing()
        let databaseWait = databaseWait()
        let answerRetryWindow = integer("ANSWER_RETRY_WINDOW", in: 0...3600, default: 60, expected: "a number of seconds from 0 to 3600")

        guard let token, let rootAdminID, let database, let mode, let httpPort, let opsPort, let logLevel, let poolSize, let currency,
            let premiumPrice, let autoMigrate,
            let cacheTTLs, let starsTopUps, let starValue, let lowStockThreshold, let broadcastPerSecond, let paidBroadcasts, let tracing,
            let databaseWait, let answerRetryWindow
        else {
            return nil
        }
        var settings = Settings(
            botToken: token, rootAdminID: rootAdminID, adminUsername: adminUsername, database: database,
            redisURL: redisURL, telegramAPIURL: apiURL, botMode: mode, webhookURL: webhookURL,
            webhookSecret: webhookSecret, httpHost: httpHost, httpPort: httpPort, logLevel: logLevel,
            logDirectory: logDirectory, databasePoolSize: poolSize, currency: currency,
            premiumPriceMinorUnits: premiumPrice, cacheTTLs: cacheTTLs, starsTopUps: starsTopUps,
            starValueMinorUnits: starValue, autoMigrate: autoMigrate, lowStockThreshold: lowStockThreshold,
            broadcastPerSecond: broadcastPerSecond, paidBroadcasts: paidBroadcasts, tracing: tracing
        )
        settings.databaseWait = databaseWait
        settings.opsHost = opsHost
        settings.opsPort = opsPort
        settings.answerRetryWindow = .seconds(answerRetryWindow)
        return settings
    }

    /// `DATABASE_WAIT`: seconds, or `forever` (the default). The outer optional is nil on a problem.
    private mutating func databaseWait() -> Duration?? {
        guard let text = value("DATABASE_WAIT"), text.lowercased() != "forever" else { return .some(nil) }
        guard let seconds = Int(text), seconds >= 0 else {
            problems.append("DATABASE_WAIT must be how many seconds start-up waits for the database (0 for none) or forever, got \(quoted(text)).")
            return nil
        }
        return .some(.seconds(seconds))
    }

    private mutating func botToken() -> BotToken? {
        let shape = "<digits>:<35 or more letters, digits, _ or ->"
        guard let text = value("BOT_TOKEN") else {
            problems.append("BOT_TOKEN is missing: set it to your bot's token from @BotFather (\(shape)).")
            return nil
        }
        let token = BotToken(text)
        guard token.isWellFormed else {
            // Never echo the token, not even in part.
            problems.append("BOT_TOKEN is malformed: expected \(shape).")
            return nil
        }
        return token
    }

    private mutating func rootAdminID() -> Int64? {
        guard let text = value("ROOT_ADMIN_ID") else {
            problems.append("ROOT_ADMIN_ID is missing: set it to your numeric Telegram user id (ask @userinfobot).")
            return nil
        }
        guard let id = Int64(text), id > 0 else {
            problems.append("ROOT_ADMIN_ID must be a positive integer (your numeric Telegram user id), got \(quoted(text)).")
            return nil
        }
        return id
    }

    private mutating func adminUsername() -> String? {
        guard var name = value("ADMIN_USERNAME") else { return nil }
        if name.hasPrefix("@") { name.removeFirst() }
        guard (4...32).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            problems.append("ADMIN_USERNAME must be a Telegram username (4 to 32 letters, digits or _), got \(quoted(name)).")
            return nil
        }
        return name
    }

    private mutating func database() -> DatabaseLocation? {
        guard let text = value("DATABASE_URL") else { return .defaultSQLite }
        guard let location = DatabaseLocation(url: text) else {
            // The URL may hold a password: describe it, don't quote it.
            problems.append(
                "DATABASE_URL is not a database URL: expected postgres://user:password@host:5432/dbname (postgresql:// and postgresql+asyncpg:// work too) or sqlite:///path/to/file.sqlite."
            )
            return nil
        }
        return location
    }

    private mutating func url(_ name: String, schemes: Set<String>, expected: String) -> String? {
        guard let text = value(name) else { return nil }
        guard URLParts.parse(text, schemes: schemes) != nil else {
            let shown = Settings.secretNames.contains(name) ? "" : ", got \(quoted(text))"
            problems.append("\(name) is not a valid URL: expected \(expected)\(shown).")
            return nil
        }
        return text
    }

    private mutating func redis() -> String? {
        if let text = value("REDIS_URL"), text.lowercased().hasPrefix("rediss://") {
            problems.append("REDIS_URL uses rediss:// (TLS), which is not supported: use redis:// to a local Redis or through a TLS tunnel.")
            return nil
        }
        return url("REDIS_URL", schemes: ["redis"], expected: "redis://[user:password@]host[:port][/db]")
    }

    /// `.some(nil)` when tracing is off; nil when a tracing variable is wrong.
    private mutating func tracing() -> Settings.TracingSettings?? {
        let endpoint = url(
            "TRACING_ENDPOINT", schemes: ["http", "https"], expected: "an OTLP/HTTP traces URL such as http://localhost:4318/v1/traces")
        var ratio: Double? = 1
        if let text = value("TRACING_SAMPLE_RATIO") {
            ratio = Double(text).flatMap { (0...1).contains($0) ? $0 : nil }
            if ratio == nil {
                problems.append("TRACING_SAMPLE_RATIO must be a number from 0 to 1 (the share of updates traced), got \(quoted(text)).")
            }
        }
        switch value("TRACING")?.lowercased() {
        case nil, "off":
            return .some(nil)
        case "otlp":
            guard let ratio, endpoint != nil || value("TRACING_ENDPOINT") == nil else { return nil }
            return .some(Settings.TracingSettings(endpoint: endpoint ?? "http://localhost:4318/v1/traces", sampleRatio: ratio))
        case let other?:
            problems.append("TRACING must be off or otlp, got \(quoted(other)).")
            return nil
        }
    }

    private mutating func botMode() -> Settings.BotMode? {
        guard let text = value("BOT_MODE") else { return .polling }
        guard let mode = Settings.BotMode(rawValue: text.lowercased()) else {
            problems.append("BOT_MODE must be polling or webhook, got \(quoted(text)).")
            return nil
        }
        return mode
    }

    private mutating func webhookSecret() -> String? {
        guard let secret = value("WEBHOOK_SECRET") else { return nil }
        guard secret.count <= 256, secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            problems.append("WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule).")
            return nil
        }
        return secret
    }

    private mutating func integer(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int, expected: String) -> Int? {
        guard let text = value(name) else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            problems.append("\(name) must be \(expected), got \(quoted(text)).")
            return nil
        }
        return number
    }

    private mutating func logLevel() -> Logger.Level? {
        guard let text = value("LOG_LEVEL") else { return .info }
        let aliases: [String: Logger.Level] = ["warn": .warning, "success": .notice, "fatal": .critical]
        guard let level = Logger.Level(rawValue: text.lowercased()) ?? aliases[text.lowercased()] else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append("LOG_LEVEL must be one of \(names), got \(quoted(text)).")
            return nil
        }
        return level
    }

    private mutating func currency() -> String? {
        guard let text = value("CURRENCY") else { return "USD" }
        let code = text.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            problems.append("CURRENCY must be a three-letter ISO 4217 code such as USD or EUR, got \(quoted(text)).")
            return nil
        }
        return code
    }

    private mutating func premiumPrice(currency code: String) -> Int64? {
        amount("PREMIUM_PRICE", currency: code, default: 10 * Currency(code: code).scale, allowZero: true)
    }

    /// An amount of money in `code`, read in its major units ("9.99") and returned in minor units.
    private mutating func amount(_ name: String, currency code: String, default defaultValue: Int64, allowZero: Bool) -> Int64? {
        let currency = Currency(code: code)
        guard let text = value(name) else { return defaultValue }
        if let money = try? Money.parse(text, currency: currency), allowZero || money.minorUnits > 0 {
            return money.minorUnits
        }
        let digits = currency.minorDigits
        let example = digits == 0 ? "10" : "9." + String(repeating: "9", count: digits)
        let kind = allowZero ? "an amount" : "a positive amount"
        problems.append("\(name) must be \(kind) in \(code) with at most \(digits) decimals, such as \(example), got \(quoted(text)).")
        return nil
    }

    private mutating func cacheTTLs() -> CacheTTLs? {
        let standard = CacheTTLs.standard
        let expected = "a number of seconds from 0 (not cached) to 86400"
        let admin = integer("CACHE_TTL_ADMIN", in: 0...86_400, default: Int(standard.admin.components.seconds), expected: expected)
        let customer = integer("CACHE_TTL_CUSTOMER", in: 0...86_400, default: Int(standard.customer.components.seconds), expected: expected)
        let catalogue = integer("CACHE_TTL_CATALOGUE", in: 0...86_400, default: Int(standard.catalogue.components.seconds), expected: expected)
        let sellers = integer("CACHE_TTL_SELLERS", in: 0...86_400, default: Int(standard.sellers.components.seconds), expected: expected)
        guard let admin, let customer, let catalogue, let sellers else { return nil }
        return CacheTTLs(admin: .seconds(admin), customer: .seconds(customer), catalogue: .seconds(catalogue), sellers: .seconds(sellers))
    }

    /// Telegram takes 1 to 10000 Stars in one invoice; six buttons fit a screen.
    private mutating func starsTopUps() -> [Int]? {
        guard let text = value("STARS_TOP_UPS") else { return [50, 100, 250, 500, 1000] }
        let amounts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...6).contains(amounts.count), amounts.allSatisfy({ $0.map { (1...10_000).contains($0) } ?? false }) else {
            problems.append("STARS_TOP_UPS must be 1 to 6 comma-separated Star amounts from 1 to 10000, such as 100,250,500, got \(quoted(text)).")
            return nil
        }
        return Array(Set(amounts.compactMap { $0 })).sorted()
    }

    private mutating func flag(_ name: String, default defaultValue: Bool) -> Bool? {
        guard let text = value(name) else { return defaultValue }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(name) must be true or false, got \(quoted(text)).")
            return nil
        }
    }
}
