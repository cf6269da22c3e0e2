import Foundation
import Logging
import Marketplace
import QuantumPanel
import TelegramBotAPI
import Testing

@Suite struct SettingsTests {
    static let token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x"
    static let minimal = ["BOT_TOKEN": token, "ROOT_ADMIN_ID": "42"]

    /// Loads settings from `environment` alone: the .env path points at a file that doesn't exist.
    static func load(_ environment: [String: String]) async throws(SettingsError) -> Settings {
        try await Settings.load(environment: environment, environmentFile: "/nonexistent/quantum-panel/.env")
    }

    static func problems(_ environment: [String: String]) async -> [String] {
        do {
            _ = try await load(environment)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func minimalSettingsGetTheDocumentedDefaults() async throws {
        let settings = try await Self.load(Self.minimal)
        #expect(settings.telegram.token.value == Self.token)
        #expect(settings.telegram.rootAdminID == 42)
        #expect(settings.database.location == .sqlite(path: "data/quantum-panel.sqlite"))
        #expect(settings.cache.redisURL == nil)
        #expect(settings.telegram.apiURL == "https://api.telegram.org")
        #expect(settings.telegram.mode == .polling)
        #expect(settings.http.host == "0.0.0.0")
        #expect(settings.http.port == 8080)
        #expect(settings.logging.level == .info)
        #expect(settings.logging.directory == "logs")
        #expect(settings.database.poolSize == 5)
        #expect(settings.shop.currency.code == "USD")
        #expect(settings.shop.premiumPrice.minorUnits == 1000)
        #expect(settings.cache.ttls == .standard)
        #expect(settings.shop.starsTopUps == [50, 100, 250, 500, 1000])
        #expect(settings.shop.starValue.minorUnits == 1)
        #expect(settings.tracing == nil, "tracing is off by default")
        #expect(settings.database.wait == nil, "start-up waits for the database for ever")
        #expect(settings.telegram.answerRetryWindow == .seconds(60))
    }

    @Test func theDatabaseWaitAndTheAnswerRetryWindowAreRead() async throws {
        var environment = Self.minimal
        environment["DATABASE_WAIT"] = "0"
        environment["ANSWER_RETRY_WINDOW"] = "0"
        var settings = try await Self.load(environment)
        #expect(settings.database.wait == .zero, "0 fails at once")
        #expect(settings.telegram.answerRetryWindow == .zero)
        environment["DATABASE_WAIT"] = "Forever"
        environment["ANSWER_RETRY_WINDOW"] = "120"
        settings = try await Self.load(environment)
        #expect(settings.database.wait == nil)
        #expect(settings.telegram.answerRetryWindow == .seconds(120))
    }

    @Test func tracingIsOffOrOTLPWithAnEndpointAndASampleRatio() async throws {
        var environment = Self.minimal
        environment["TRACING"] = "OTLP"
        #expect(try await Self.load(environment).tracing == .init(endpoint: "http://localhost:4318/v1/traces", sampleRatio: 1))
        environment["TRACING_ENDPOINT"] = "https://collector.example.com/v1/traces"
        environment["TRACING_SAMPLE_RATIO"] = "0.1"
        #expect(try await Self.load(environment).tracing == .init(endpoint: "https://collector.example.com/v1/traces", sampleRatio: 0.1))
        environment["TRACING"] = "off"
        #expect(try await Self.load(environment).tracing == nil)

        environment["TRACING"] = "jaeger"
        environment["TRACING_ENDPOINT"] = "collector:4318"
        environment["TRACING_SAMPLE_RATIO"] = "10%"
        #expect(
            await Self.problems(environment) == [
                "TRACING_ENDPOINT is not a valid URL: expected an OTLP/HTTP traces URL such as http://localhost:4318/v1/traces, got \"collector:4318\".",
                "TRACING_SAMPLE_RATIO must be a number from 0 to 1 (the share of updates traced), got \"10%\".",
                "TRACING must be off or otlp, got \"jaeger\".",
            ])
    }

    @Test func cryptoPayIsOffWithoutATokenAndReadWithOne() async throws {
        #expect(try await Self.load(Self.minimal).cryptoPay == nil)
        var environment = Self.minimal
        environment["CRYPTO_PAY_TOKEN"] = "12345:AAzQcZWQqQAbsfgPnOLr4FHC8Doa4L7KryC"
        let dollars = { (amount: Int64) in Money(minorUnits: amount * 100, currency: .usd) }
        #expect(
            try await Self.load(environment).cryptoPay
                == CryptoPaySettings(
                    token: "12345:AAzQcZWQqQAbsfgPnOLr4FHC8Doa4L7KryC", apiURL: "https://pay.crypt.bot", assets: ["USDT", "TON", "BTC"],
                    webhookPath: "/payments/cryptopay", amounts: [5, 10, 25, 50].map(dollars)))
        environment["CRYPTO_PAY_API_URL"] = "https://testnet-pay.crypt.bot"
        environment["CRYPTO_PAY_ASSETS"] = "usdt, ton"
        environment["CRYPTO_PAY_WEBHOOK_PATH"] = "/hooks/crypto"
        environment["CRYPTO_PAY_TOP_UPS"] = "2.50,20"
        let read = try #require(try await Self.load(environment).cryptoPay)
        #expect(read.apiURL == "https://testnet-pay.crypt.bot")
        #expect(read.assets == ["USDT", "TON"])
        #expect(read.webhookPath == "/hooks/crypto")
        #expect(read.amounts == [Money(minorUnits: 250, currency: .usd), dollars(20)])
    }

    @Test func badCryptoPaySettingsAreEachReportedAndTheTokenNeverEchoed() async {
        var environment = Self.minimal
        environment["CRYPTO_PAY_TOKEN"] = "not-a-token sesame"
        environment["CRYPTO_PAY_ASSETS"] = "USDT,$$"
        environment["CRYPTO_PAY_WEBHOOK_PATH"] = "payments"
        environment["CRYPTO_PAY_TOP_UPS"] = "5,-1"
        environment["CURRENCY"] = "JPY"
        let problems = await Self.problems(environment)
        #expect(
            problems == [
                "CRYPTO_PAY_ASSETS must be comma-separated asset codes such as USDT,TON,BTC, got \"USDT,$$\".",
                "CRYPTO_PAY_WEBHOOK_PATH must be a path such as /payments/cryptopay, got \"payments\".",
                "CRYPTO_PAY_TOP_UPS must be 1 to 6 comma-separated amounts in JPY, such as 5,10,25,50, got \"5,-1\".",
                "CRYPTO_PAY_TOKEN doesn't look like a Crypto Pay token (digits, a colon, then letters and digits, as @CryptoBot shows it).",
                "CRYPTO_PAY_TOKEN is set, but Crypto Pay doesn't price invoices in JPY (CURRENCY); it takes "
                    + CryptoPaySettings.fiatCurrencies.sorted().joined(separator: ", ") + ".",
            ])
        #expect(!problems.joined().contains("sesame"))
    }

    @Test func cacheLifetimesAndStarsTopUpsAreRead() async throws {
        var environment = Self.minimal
        environment["CACHE_TTL_ADMIN"] = "0"
        environment["CACHE_TTL_CATALOGUE"] = "30"
        environment["STARS_TOP_UPS"] = "500, 100,100"
        environment["STAR_VALUE"] = "0.02"
        let settings = try await Self.load(environment)
        #expect(settings.cache.ttls == CacheTTLs(admin: .zero, customer: .seconds(60), catalogue: .seconds(30), sellers: .seconds(600)))
        #expect(settings.shop.starsTopUps == [100, 500])
        #expect(settings.shop.starValue.minorUnits == 2)
    }

    @Test func dotEnvExampleListsEveryVariable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent(".env.example"), encoding: .utf8)
        let names = example.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }.map { String($0.prefix { $0 != "=" }) }
        #expect(names == Settings.variables.map(\.name))
    }

    @Test func missingEverythingNamesBothRequiredVariables() async {
        let problems = await Self.problems([:])
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix("BOT_TOKEN is missing"))
        #expect(problems[1].hasPrefix("ROOT_ADMIN_ID is missing"))
    }

    @Test(arguments: [
        ("BOT_TOKEN", "123456:short", "BOT_TOKEN is malformed: expected <digits>:<35 or more letters, digits, _ or ->."),
        ("ROOT_ADMIN_ID", "abc", #"ROOT_ADMIN_ID must be a positive integer (your numeric Telegram user id), got "abc"."#),
        ("ROOT_ADMIN_ID", "0", #"ROOT_ADMIN_ID must be a positive integer (your numeric Telegram user id), got "0"."#),
        ("ROOT_ADMIN_ID", "-100", #"ROOT_ADMIN_ID must be a positive integer (your numeric Telegram user id), got "-100"."#),
        ("BOT_MODE", "webhooks", #"BOT_MODE must be polling or webhook, got "webhooks"."#),
        (
            "DATABASE_URL", "mysql://shop:hunter2@db/shop",
            "DATABASE_URL is not a database URL: expected postgres://user:password@host:5432/dbname (postgresql:// and postgresql+asyncpg:// work too) or sqlite:///path/to/file.sqlite."
        ),
        (
            "DATABASE_URL", "postgres://shop:hunter2@:5432/shop",
            "DATABASE_URL is not a database URL: expected postgres://user:password@host:5432/dbname (postgresql:// and postgresql+asyncpg:// work too) or sqlite:///path/to/file.sqlite."
        ),
        (
            "DATABASE_URL", "postgres://shop:hunter2@db:99999/shop",
            "DATABASE_URL is not a database URL: expected postgres://user:password@host:5432/dbname (postgresql:// and postgresql+asyncpg:// work too) or sqlite:///path/to/file.sqlite."
        ),
        ("REDIS_URL", "localhost:6379", "REDIS_URL is not a valid URL: expected redis://[user:password@]host[:port][/db]."),
        (
            "REDIS_URL", "rediss://cache:6380",
            "REDIS_URL uses rediss:// (TLS), which is not supported: use redis:// to a local Redis or through a TLS tunnel."
        ),
        (
            "TELEGRAM_API_URL", "api.telegram.org",
            #"TELEGRAM_API_URL is not a valid URL: expected an http(s) URL such as https://api.telegram.org, got "api.telegram.org"."#
        ),
        (
            "WEBHOOK_URL", "ftp://example.com/hook",
            #"WEBHOOK_URL is not a valid URL: expected the public https URL Telegram posts updates to, got "ftp://example.com/hook"."#
        ),
        ("WEBHOOK_SECRET", "has spaces!", "WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)."),
        ("HTTP_PORT", "80a", #"HTTP_PORT must be a TCP port from 1 to 65535, or 0 for any free one, got "80a"."#),
        ("HTTP_PORT", "70000", #"HTTP_PORT must be a TCP port from 1 to 65535, or 0 for any free one, got "70000"."#),
        ("LOG_LEVEL", "verbose", #"LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical, got "verbose"."#),
        ("DATABASE_POOL_SIZE", "0", #"DATABASE_POOL_SIZE must be a number of connections from 1 to 100, got "0"."#),
        ("CURRENCY", "dollars", #"CURRENCY must be a three-letter ISO 4217 code such as USD or EUR, got "dollars"."#),
        ("PREMIUM_PRICE", "9.999", #"PREMIUM_PRICE must be an amount in USD with at most 2 decimals, such as 9.99, got "9.999"."#),
        ("PREMIUM_PRICE", "-5", #"PREMIUM_PRICE must be an amount in USD with at most 2 decimals, such as 9.99, got "-5"."#),
        ("CACHE_TTL_ADMIN", "-1", #"CACHE_TTL_ADMIN must be a number of seconds from 0 (not cached) to 86400, got "-1"."#),
        ("CACHE_TTL_CUSTOMER", "1m", #"CACHE_TTL_CUSTOMER must be a number of seconds from 0 (not cached) to 86400, got "1m"."#),
        (
            "STARS_TOP_UPS", "100,lots",
            #"STARS_TOP_UPS must be 1 to 6 comma-separated Star amounts from 1 to 10000, such as 100,250,500, got "100,lots"."#
        ),
        ("STARS_TOP_UPS", "0", #"STARS_TOP_UPS must be 1 to 6 comma-separated Star amounts from 1 to 10000, such as 100,250,500, got "0"."#),
        ("STAR_VALUE", "0", #"STAR_VALUE must be a positive amount in USD with at most 2 decimals, such as 9.99, got "0"."#),
        ("ADMIN_USERNAME", "@no", #"ADMIN_USERNAME must be a Telegram username (4 to 32 letters, digits or _), got "no"."#),
        ("DATABASE_WAIT", "-1", #"DATABASE_WAIT must be how many seconds start-up waits for the database (0 for none) or forever, got "-1"."#),
        ("DATABASE_WAIT", "5m", #"DATABASE_WAIT must be how many seconds start-up waits for the database (0 for none) or forever, got "5m"."#),
        ("ANSWER_RETRY_WINDOW", "3601", #"ANSWER_RETRY_WINDOW must be a number of seconds from 0 to 3600, got "3601"."#),
    ])
    func badValueIsRefusedWithItsMessage(name: String, value: String, message: String) async {
        var environment = Self.minimal
        environment[name] = value
        #expect(await Self.problems(environment) == [message])
    }

    @Test func webhookModeNeedsAWebhookURLAndASecret() async {
        var environment = Self.minimal
        environment["BOT_MODE"] = "webhook"
        #expect(
            await Self.problems(environment) == [
                "WEBHOOK_URL is missing: BOT_MODE=webhook needs the public https URL Telegram posts updates to.",
                "WEBHOOK_SECRET is missing: BOT_MODE=webhook needs it so that only Telegram's calls are taken (1-256 of A-Z a-z 0-9 _ -).",
            ])
        environment["WEBHOOK_URL"] = "https://shop.example.com/telegram"
        environment["WEBHOOK_SECRET"] = "hook-secret"
        #expect(await Self.problems(environment) == [])
    }

    @Test func everyProblemIsReportedAtOnce() async {
        let problems = await Self.problems(["BOT_TOKEN": "nope", "ROOT_ADMIN_ID": "x", "BOT_MODE": "push", "HTTP_PORT": "-1"])
        #expect(problems.map { $0.prefix(while: { $0 != " " }) } == ["BOT_TOKEN", "ROOT_ADMIN_ID", "BOT_MODE", "HTTP_PORT"])
    }

    @Test func secretsAreNeverEchoed() async {
        let almostToken = "123456789:AAHdqTcvCH1vGWJx"
        let problems = await Self.problems([
            "BOT_TOKEN": almostToken, "ROOT_ADMIN_ID": "42", "DATABASE_URL": "mysql://shop:hunter2@db/shop",
            "REDIS_URL": "redis//:sesame@cache", "WEBHOOK_SECRET": "bad secret",
        ])
        #expect(problems.count == 4)
        let text = problems.joined(separator: "\n")
        for secret in ["123456789", "AAHdqTcv", "hunter2", "sesame", "bad secret"] {
            #expect(!text.contains(secret), "\(secret) was echoed")
        }
    }

    @Test(arguments: [
        ("postgres://shop:pw@db.internal:5432/shop", DatabaseLocation.postgres(url: "postgres://shop:pw@db.internal:5432/shop")),
        ("postgresql://shop:pw@db.internal/shop", .postgres(url: "postgres://shop:pw@db.internal/shop")),
        (
            "postgresql+asyncpg://shop:pw@127.0.0.1:5433/shop?sslmode=disable",
            .postgres(url: "postgres://shop:pw@127.0.0.1:5433/shop?sslmode=disable")
        ),
        ("sqlite:///var/lib/qp/shop.sqlite", .sqlite(path: "/var/lib/qp/shop.sqlite")),
        ("sqlite://data/shop.sqlite", .sqlite(path: "data/shop.sqlite")),
        ("sqlite+aiosqlite:///./data/bot.db", .sqlite(path: "./data/bot.db")),
    ])
    func databaseURLsOfEveryAcceptedForm(url: String, location: DatabaseLocation) async throws {
        var environment = Self.minimal
        environment["DATABASE_URL"] = url
        #expect(try await Self.load(environment).database.location == location)
    }

    @Test func printedSettingsShowNoSecret() async throws {
        var environment = Self.minimal
        environment["DATABASE_URL"] = "postgres://shop:hunter2@db/shop"
        environment["REDIS_URL"] = "redis://:sesame@cache:6379"
        environment["WEBHOOK_SECRET"] = "hook-secret"
        let text = "\(try await Self.load(environment))"
        #expect(text.contains("rootAdminID: 42"))
        #expect(text.contains("database: PostgreSQL at db/shop"))
        for secret in [Self.token, "AAHdqTcv", "hunter2", "sesame", "hook-secret"] {
            #expect(!text.contains(secret), "\(secret) was printed")
        }
    }

    @Test func databaseDescriptionLeavesOutThePassword() {
        #expect("\(DatabaseLocation.postgres(url: "postgres://shop:hunter2@db.internal:5432/shop"))" == "PostgreSQL at db.internal/shop")
    }

    @Test(arguments: [("JPY", "1500", Int64(1500)), ("USD", "9,99", 999), ("KWD", "1.250", 1250), ("EUR", "10", 1000), ("XTR", "250", 250)])
    func premiumPriceIsReadInMinorUnitsOfTheCurrency(currency: String, price: String, minorUnits: Int64) async throws {
        var environment = Self.minimal
        environment["CURRENCY"] = currency
        environment["PREMIUM_PRICE"] = price
        #expect(try await Self.load(environment).shop.premiumPrice.minorUnits == minorUnits)
    }

    @Test func dotEnvIsReadAndTheEnvironmentWins() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/.env"
            let dotEnv = """
                # Quantum Panel
                BOT_TOKEN="\(Self.token)"
                ROOT_ADMIN_ID=1001
                LOG_LEVEL=debug
                CURRENCY='eur'

                HTTP_PORT=9000
                """
            try dotEnv.write(toFile: file, atomically: true, encoding: .utf8)
            let settings = try await Settings.load(environment: ["HTTP_PORT": "9100", "LOG_LEVEL": ""], environmentFile: file)
            #expect(settings.telegram.token.value == Self.token, "quotes around a value are removed")
            #expect(settings.telegram.rootAdminID == 1001)
            #expect(settings.shop.currency.code == "EUR")
            #expect(settings.http.port == 9100, "the environment wins over .env")
            #expect(settings.logging.level == .info, "an empty variable counts as unset, and is not filled from .env")
        }
    }
}
