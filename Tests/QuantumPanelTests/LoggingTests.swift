import Foundation
import InMemoryLogging
import Logging
import Synchronization
import TelegramBotAPI
import Testing

@testable import QuantumPanel

@Suite struct LoggingTests {
    static let token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x"
    /// 2025-11-25T13:18:20.123Z
    static let noon = Date(timeIntervalSince1970: 1_764_076_700.123)

    final class MovableNow: Sendable {
        private let date: Mutex<Date>
        init(_ date: Date) { self.date = Mutex(date) }
        var now: Date { date.withLock { $0 } }
        func advance(days: Int) { date.withLock { $0 += Double(days) * 86_400 } }
    }

    static func settings(_ extra: [String: String] = [:]) async throws -> Settings {
        let environment = ["BOT_TOKEN": token, "ROOT_ADMIN_ID": "42"].merging(extra) { _, new in new }
        return try await Settings.load(environment: environment, environmentFile: "/nonexistent/.env")
    }

    static func fileLogger(directory: String, now: MovableNow, settings: Settings) -> Logger {
        let file = DailyLogFile(directory: directory, now: { now.now })
        let handler = LoggingBootstrap.makeHandler(settings: settings, file: file, console: false)
        var logger = Logger(label: "test", factory: { _ in handler })
        logger.logLevel = .trace
        return logger
    }

    static func read(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func fileRecordCarriesTimeLevelMessageMetadataAndSource() async throws {
        let settings = try await Self.settings()
        try await withTemporaryDirectory { directory in
            let logger = Self.fileLogger(directory: directory, now: MovableNow(Self.noon), settings: settings)
            let line = #line + 1
            logger.info("Update received", metadata: ["update.id": "5", "user.id": "42"])
            let lines = try Self.read(directory + "/quantum-panel-2025-11-25.log")
            #expect(
                lines == [
                    "2025-11-25T13:18:20.123Z INFO    Update received [update.id=5 user.id=42] (LoggingTests.swift:\(line) fileRecordCarriesTimeLevelMessageMetadataAndSource())"
                ])
        }
    }

    @Test func fileKeepsDebugButNotTrace() async throws {
        let settings = try await Self.settings(["LOG_LEVEL": "error"])
        try await withTemporaryDirectory { directory in
            let logger = Self.fileLogger(directory: directory, now: MovableNow(Self.noon), settings: settings)
            logger.trace("wire detail")
            logger.debug("decided something")
            logger.info("started")
            let lines = try Self.read(directory + "/quantum-panel-2025-11-25.log")
            #expect(lines.map { $0.split(separator: " ")[1] } == ["DEBUG", "INFO"])
        }
    }

    @Test func eachDayHasItsFileAndFilesOlderThanAWeekAreDeleted() async throws {
        let settings = try await Self.settings()
        try await withTemporaryDirectory { directory in
            for day in ["2025-11-15", "2025-11-17", "2025-11-18", "2025-11-24"] {
                try "old\n".write(toFile: "\(directory)/quantum-panel-\(day).log", atomically: true, encoding: .utf8)
            }
            try "not ours\n".write(toFile: "\(directory)/notes.log", atomically: true, encoding: .utf8)
            let now = MovableNow(Self.noon)
            let logger = Self.fileLogger(directory: directory, now: now, settings: settings)

            logger.info("first day")
            #expect(
                try Set(FileManager.default.contentsOfDirectory(atPath: directory)) == [
                    "quantum-panel-2025-11-18.log", "quantum-panel-2025-11-24.log", "quantum-panel-2025-11-25.log", "notes.log",
                ])
            now.advance(days: 1)
            logger.info("second day")
            #expect(
                try Set(FileManager.default.contentsOfDirectory(atPath: directory)) == [
                    "quantum-panel-2025-11-24.log", "quantum-panel-2025-11-25.log", "quantum-panel-2025-11-26.log", "notes.log",
                ])
            #expect(try Self.read(directory + "/quantum-panel-2025-11-26.log").count == 1)
            #expect(try Self.read(directory + "/quantum-panel-2025-11-25.log").count == 1)
        }
    }

    @Test func secretsAreRedactedInTheLogFile() async throws {
        let settings = try await Self.settings([
            "BOT_MODE": "webhook", "WEBHOOK_URL": "https://shop.example.com/telegram", "WEBHOOK_SECRET": "hook-secret-123",
            "DATABASE_URL": "postgres://shop:s3cr3t-pw@db/shop",
        ])
        try await withTemporaryDirectory { directory in
            let logger = Self.fileLogger(directory: directory, now: MovableNow(Self.noon), settings: settings)
            logger.error(
                "POST https://api.telegram.org/bot\(Self.token)/sendMessage failed",
                metadata: [
                    "url": "https://api.telegram.org/bot\(Self.token)/getMe",
                    "nested": ["headers": ["X-Telegram-Bot-Api-Secret-Token: hook-secret-123"]],
                ]
            )
            logger.warning("database connection failed", metadata: ["error": .stringConvertible(URL(string: "postgres://shop:s3cr3t-pw@db/shop")!)])
            let text = try String(contentsOfFile: directory + "/quantum-panel-2025-11-25.log", encoding: .utf8)
            #expect(!text.contains(Self.token))
            #expect(!text.contains("hook-secret-123"))
            #expect(!text.contains("s3cr3t-pw"))
            #expect(text.contains("/bot***/sendMessage failed"))
            #expect(text.contains("postgres://shop:***@db/shop"))
        }
    }

    @Test func capturedOutputOfARedactingHandlerHoldsNoToken() {
        let captured = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in RedactingLogHandler(wrapping: captured, secrets: [Self.token]) })
        logger.info("token is \(Self.token)", metadata: ["token": "\(Self.token)", "list": [.string("x\(Self.token)y")]])
        let entry = try? #require(captured.entries.first)
        #expect(entry?.message == "token is ***")
        #expect(entry?.metadata["token"] == "***")
        #expect(entry?.metadata["list"] == ["x***y"])
    }

    @Test func aSecretAmongOtherScriptsAndAtEitherEndIsRedactedEveryTime() {
        let handler = RedactingLogHandler(wrapping: InMemoryLogHandler(), secrets: ["s3cr3t", "пароль"])
        #expect(handler.redact("s3cr3t🛍 Товар «s3cr3t» s3cr3t") == "***🛍 Товар «***» ***")
        #expect(handler.redact("ключ: пароль!") == "ключ: ***!")
        #expect(handler.redact("s3cr") == "s3cr")
        #expect(handler.redact("") == "")
    }

    @Test func theDatabasesDebugStatementsNeverReachTheHandlers() {
        let captured = InMemoryLogHandler()
        var app = Logger(label: "test", factory: { _ in captured })
        app.logLevel = .debug
        let database = QuantumPanelApp.databaseLogger(app)
        database.debug("SELECT * FROM customers")
        database.warning("a slow query")
        app.debug("the app's own debug line")
        #expect(captured.entries.map(\.message.description) == ["a slow query", "the app's own debug line"])
    }
}
