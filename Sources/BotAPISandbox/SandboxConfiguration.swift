import Foundation
import TelegramBotAPI

/// How a ``BotAPISandbox`` behaves: where it listens, which token it accepts, and how strict it is.
public struct SandboxConfiguration: Sendable {
    /// The only token the sandbox accepts; any other gets 401 Unauthorized.
    public var token: BotToken
    public var host: String
    /// 0 picks a free port; ``BotAPISandbox/baseURL`` tells which.
    public var port: Int
    /// The bot's own account, as getMe returns it.
    public var botFirstName: String
    public var botUsername: String
    /// Telegram's flood limits; nil (the default) lets every call through.
    public var floodControl: FloodControl?
    /// Answers that fail on purpose; nil (the default) for none.
    public var faults: FaultInjection?
    /// How long a callback query can still be answered.
    public var callbackQueryLifetime: Duration
    /// How long a payment waits for answerPreCheckoutQuery.
    public var preCheckoutTimeout: Duration
    /// First wait before a failed webhook delivery is tried again; it doubles up to 5 seconds.
    public var webhookRetryDelay: Duration
    /// The time messages are dated with and callback queries expire by; tests move it.
    public var now: @Sendable () -> Date

    public init(
        token: BotToken = BotAPISandbox.defaultToken, host: String = "127.0.0.1", port: Int = 0,
        botFirstName: String = "Sandbox Shop", botUsername: String = "sandbox_shop_bot",
        floodControl: FloodControl? = nil, faults: FaultInjection? = nil,
        callbackQueryLifetime: Duration = .seconds(15), preCheckoutTimeout: Duration = .seconds(10),
        webhookRetryDelay: Duration = .milliseconds(100), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.token = token
        self.host = host
        self.port = port
        self.botFirstName = botFirstName
        self.botUsername = botUsername
        self.floodControl = floodControl
        self.faults = faults
        self.callbackQueryLifetime = callbackQueryLifetime
        self.preCheckoutTimeout = preCheckoutTimeout
        self.webhookRetryDelay = webhookRetryDelay
        self.now = now
    }
}

/// Telegram's flood limits: about one message a second in a chat with short bursts, about 30 a
/// second in all. Past them a send gets 429 with `retry_after`.
public struct FloodControl: Sendable {
    public var perChatPerSecond: Double
    public var perChatBurst: Int
    public var globalPerSecond: Double
    public var globalBurst: Int

    public init(perChatPerSecond: Double = 1, perChatBurst: Int = 3, globalPerSecond: Double = 30, globalBurst: Int = 30) {
        self.perChatPerSecond = perChatPerSecond
        self.perChatBurst = perChatBurst
        self.globalPerSecond = globalPerSecond
        self.globalBurst = globalBurst
    }

    public static let telegram = FloodControl()
}

/// A share of Bot API answers that fail on purpose, for testing how a bot copes.
public struct FaultInjection: Sendable {
    /// Each share is a probability from 0 to 1, drawn per call from a seeded generator.
    public var tooManyRequests: Double
    public var serverError: Double
    public var slow: Double
    public var slowDelay: Duration
    public var seed: UInt64

    public init(tooManyRequests: Double = 0, serverError: Double = 0, slow: Double = 0, slowDelay: Duration = .milliseconds(300), seed: UInt64 = 42) {
        self.tooManyRequests = tooManyRequests
        self.serverError = serverError
        self.slow = slow
        self.slowDelay = slowDelay
        self.seed = seed
    }
}
