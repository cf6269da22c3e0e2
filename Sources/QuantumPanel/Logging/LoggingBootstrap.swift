import Logging
import TelegramBotAPI

/// Sets up the process's logging: the console at the configured level and a daily file under
/// `LOG_DIR` at `debug`, both behind a ``RedactingLogHandler`` that knows the secrets.
public enum LoggingBootstrap {
    /// Handlers for one logger label; `bootstrap(settings:)` installs them, tests call it directly.
    static func makeHandler(settings: Settings, file: DailyLogFile, console: Bool = true) -> any LogHandler {
        var handlers: [any LogHandler] = [DailyFileLogHandler(file: file)]
        if console {
            handlers.append(ConsoleLogHandler(level: settings.logging.level))
        }
        return RedactingLogHandler(wrapping: MultiplexLogHandler(handlers), secrets: secrets(in: settings))
    }

    /// Installs the handlers for the whole process. Call once, before the first logger is made.
    public static func bootstrap(settings: Settings) {
        let file = DailyLogFile(directory: settings.logging.directory)
        LoggingSystem.bootstrap { _ in makeHandler(settings: settings, file: file) }
    }

    /// What must never be written: the token, the webhook secret, and passwords in service URLs.
    static func secrets(in settings: Settings) -> [String] {
        var secrets = [settings.telegram.token.value]
        if let webhook = settings.telegram.mode.webhook { secrets.append(webhook.secret) }
        if case .postgres(let url) = settings.database.location { secrets.append(contentsOf: passwords(in: url)) }
        if let redis = settings.cache.redisURL { secrets.append(contentsOf: passwords(in: redis)) }
        return secrets
    }

    /// The password of `scheme://user:password@host`, if there is one.
    private static func passwords(in url: String) -> [String] {
        guard let schemeEnd = url.firstRange(of: "://") else { return [] }
        let rest = url[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return [] }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return [] }
        let password = String(userInfo[userInfo.index(after: colon)...])
        return password.isEmpty ? [] : [password]
    }
}
