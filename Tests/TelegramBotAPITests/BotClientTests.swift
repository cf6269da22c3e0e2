import AsyncHTTPClient
import BotAPISandbox
import Foundation
import InMemoryLogging
import Logging
import NIOCore
import TelegramBotAPI
import Testing

@Suite(.timeLimit(.minutes(1))) struct BotClientTests {
    static let botJSON = #"{"id":777000111,"is_bot":true,"first_name":"Quantum Shop","username":"quantum_shop_bot","can_join_groups":true}"#
    static let messageJSON = #"{"message_id":5,"chat":{"id":42,"type":"private"},"date":1764076000,"text":"hi"}"#

    @Test func getMeReturnsTheBotAndPutsTheTokenOnlyInThePath() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("getMe", .ok(Self.botJSON))
            let me = try await bot.send(GetMe())
            #expect(me.username == "quantum_shop_bot")
            #expect(me.isBot)
            #expect(stub.requests.map(\.tokenSegment) == ["bot\(TestToken.valid.value)"])
        }
    }

    @Test func sendMessageSendsJSONWithTheReferenceFieldNames() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("sendMessage", .ok(Self.messageJSON))
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Buy", callbackData: "buy:1")]])
            let sent = try await bot.send(SendMessage(chatID: 42, text: "<b>hi</b>", parseMode: "HTML", replyMarkup: .inlineKeyboard(keyboard)))
            #expect(sent.messageID == 5)
            let request = try #require(stub.requests.first)
            #expect(request.contentType == "application/json")
            #expect(request.json["chat_id"] as? Int == 42)
            #expect(request.json["text"] as? String == "<b>hi</b>")
            #expect(request.json["parse_mode"] as? String == "HTML")
            let markup = try #require(request.json["reply_markup"] as? [String: Any])
            let rows = try #require(markup["inline_keyboard"] as? [[[String: Any]]])
            #expect(rows[0][0]["callback_data"] as? String == "buy:1")
            #expect(request.json["disable_notification"] == nil, "unset options are left out")
        }
    }

    @Test func floodControlWaitsRetryAfterThenRetries() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.enqueue("sendMessage", .error(429, "Too Many Requests: retry after 3", parameters: #"{"retry_after":3}"#), .ok(Self.messageJSON))
            let sent = try await bot.send(SendMessage(chatID: 42, text: "hi"))
            #expect(sent.messageID == 5)
            #expect(stub.events.all == ["request sendMessage", "sleep 3.0 seconds", "request sendMessage"])
        }
    }

    @Test func serverErrorIsRetriedAfterABackoff() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.enqueue("getMe", .error(500, "Internal Server Error"), .ok(Self.botJSON))
            let me = try await bot.send(GetMe())
            #expect(me.id == 777_000_111)
            #expect(stub.requests(of: "getMe").count == 2)
            let wait = try #require(clock.sleeps.first)
            #expect(clock.sleeps.count == 1)
            #expect(wait >= .milliseconds(250) && wait <= .milliseconds(500))
        }
    }

    @Test func retriesStopAfterTheLastAttempt() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.setDefault("getMe", .error(502, "Bad Gateway"))
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(GetMe()) }
            #expect(error.code == .serverError)
            #expect(error.errorCode == 502)
            #expect(stub.requests(of: "getMe").count == 3)
            #expect(clock.sleeps.count == 2)
            #expect(clock.sleeps[1] > clock.sleeps[0] / 2, "the second back-off is from a doubled step")
        }
    }

    @Test func badRequestIsNotRetried() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.setDefault("sendMessage", .error(400, "Bad Request: chat not found"))
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: 1, text: "hi")) }
            #expect(error.code == .badRequest)
            #expect(error.errorDescription == "Bad Request: chat not found")
            #expect(error.description == "sendMessage failed: 400 Bad Request: chat not found")
            #expect(stub.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func performChecksTheAnswerAndItsRetriesWithoutReadingTheResult() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.enqueue("sendMessage", .error(429, "Too Many Requests: retry after 2", parameters: #"{"retry_after":2}"#), .ok(Self.messageJSON))
            stub.enqueue("editMessageText", .ok("true"))
            stub.setDefault("deleteMessage", .error(400, "Bad Request: message to delete not found"))
            try await bot.perform(SendMessage(chatID: 42, text: "hi"))
            try await bot.perform(EditMessageText(chatID: 42, messageID: 5, text: "hello"))
            let refused = try await #require(throws: BotAPIError.self) { try await bot.perform(DeleteMessage(chatID: 42, messageID: 5)) }
            #expect(refused.errorDescription == "Bad Request: message to delete not found")
            #expect(
                stub.events.all == [
                    "request sendMessage", "sleep 2.0 seconds", "request sendMessage", "request editMessageText", "request deleteMessage",
                ])
            // A result that isn't a Message: send can't read it, perform doesn't try.
            stub.setDefault("sendMessage", .ok(#"{"unexpected":true}"#))
            await #expect(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: 42, text: "hi")) }
            try await bot.perform(SendMessage(chatID: 42, text: "hi"))
        }
    }

    @Test func blockedByTheUserIsItsOwnCase() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.setDefault("sendMessage", .error(403, "Forbidden: bot was blocked by the user"))
            stub.setDefault("sendPhoto", .error(403, "Forbidden: bot can't initiate conversation with a user"))
            let blocked = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: 1, text: "hi")) }
            #expect(blocked.code == .botBlocked)
            #expect(blocked.errorCode == 403)
            let forbidden = try await #require(throws: BotAPIError.self) { try await bot.send(SendPhoto(chatID: 1, photo: .fileID("x"))) }
            #expect(forbidden.code == .forbidden)
            #expect(stub.requests.count == 2)
        }
    }

    @Test func anEditThatChangesNothingIsItsOwnCase() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.setDefault(
                "editMessageText",
                .error(
                    400,
                    "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
                ))
            stub.setDefault("sendMessage", .error(400, "Bad Request: message text is empty"))
            let unchanged = try await #require(throws: BotAPIError.self) {
                try await bot.send(EditMessageText(chatID: .id(1), messageID: 2, text: "hi"))
            }
            #expect(unchanged.code == .messageNotModified)
            #expect(unchanged.errorCode == 400)
            let refused = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: 1, text: "")) }
            #expect(refused.code == .badRequest)
        }
    }

    @Test func migratedGroupTellsTheNewChatID() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.setDefault(
                "sendMessage",
                .error(400, "Bad Request: group chat was upgraded to a supergroup chat", parameters: #"{"migrate_to_chat_id":-1001234567890}"#))
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: -123, text: "hi")) }
            #expect(error.migrateToChatID == -1_001_234_567_890)
        }
    }

    @Test func retryAfterLongerThanTheLimitIsReturnedToTheCaller() async throws {
        try await withTelegramStub { stub, bot, clock in
            stub.setDefault("sendMessage", .error(429, "Too Many Requests: retry after 3600", parameters: #"{"retry_after":3600}"#))
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: 1, text: "hi")) }
            #expect(error.code == .tooManyRequests)
            #expect(error.retryAfter == .seconds(3600))
            #expect(clock.sleeps.isEmpty)
        }
    }

    @Test func answerThatIsNotJSONIsAnInvalidResponse() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.setDefault("getMe", .init(status: 200, body: "<html>hello</html>"))
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(GetMe()) }
            #expect(error.code == .invalidResponse)
        }
    }

    @Test func photoUploadArrivesAsMultipartWithItsFieldsAndBytes() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("sendPhoto", .ok(Self.messageJSON))
            let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x2D, 0x2D]
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Buy", callbackData: "buy:1")]])
            try await bot.send(
                SendPhoto(
                    chatID: 42, photo: .upload(FileUpload(filename: "product.png", contentType: "image/png", bytes: bytes)),
                    caption: "New: <b>Spotify</b>", parseMode: "HTML", replyMarkup: .inlineKeyboard(keyboard)
                ))
            let request = try #require(stub.requests.first)
            let boundary = try #require(MultipartFormParser.boundary(fromContentType: request.contentType))
            #expect(request.contentType.hasPrefix("multipart/form-data;"))
            let parts = Dictionary(uniqueKeysWithValues: MultipartFormParser.parse(request.body, boundary: boundary).map { ($0.name, $0) })
            #expect(Set(parts.keys) == ["chat_id", "photo", "caption", "parse_mode", "reply_markup"])
            #expect(parts["chat_id"]?.text == "42")
            #expect(parts["caption"]?.text == "New: <b>Spotify</b>")
            let markup = try JSONDecoder().decode(InlineKeyboardMarkup.self, from: Data((parts["reply_markup"]?.bytes ?? [])))
            #expect(markup == keyboard)
            #expect(parts["photo"]?.filename == "product.png")
            #expect(parts["photo"]?.contentType == "image/png")
            #expect(parts["photo"]?.bytes == bytes)
        }
    }

    @Test func documentByFileIDIsSentAsJSON() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("sendDocument", .ok(Self.messageJSON))
            try await bot.send(SendDocument(chatID: .username("@shop_channel"), document: .fileID("BQACAgIAAxkBAAIBs2")))
            let request = try #require(stub.requests.first)
            #expect(request.contentType == "application/json")
            #expect(request.json["document"] as? String == "BQACAgIAAxkBAAIBs2")
            #expect(request.json["chat_id"] as? String == "@shop_channel")
        }
    }

    @Test func fileIsFoundWithGetFileThenDownloaded() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("getFile", .ok(#"{"file_id":"BQAC","file_unique_id":"AgAD","file_size":11,"file_path":"documents/file_7.txt"}"#))
            stub.setFile("documents/file_7.txt", bytes: Array("KEY-1\nKEY-2".utf8))
            let file = try await bot.send(GetFile(fileID: "BQAC"))
            let bytes = try await bot.download(file)
            #expect(String(buffer: bytes) == "KEY-1\nKEY-2")
        }
    }

    @Test func editAnswersWithTheMessageOrTrue() async throws {
        try await withTelegramStub { stub, bot, _ in
            stub.enqueue("editMessageText", .ok(Self.messageJSON), .ok("true"))
            let edited = try await bot.send(EditMessageText(chatID: 42, messageID: 5, text: "hi"))
            #expect(edited == .message(try JSONDecoder().decode(Message.self, from: Data(Self.messageJSON.utf8))))
            let inline = try await bot.send(EditMessageText(inlineMessageID: "AAA", text: "hi"))
            #expect(inline == .true)
        }
    }

    @Test func networkFailureIsRetriedAndReportedWithoutTheToken() async throws {
        let logs = InMemoryLogHandler()
        let logger = Logger(label: "test", factory: { _ in logs })
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            try await checkNetworkFailure(httpClient: httpClient, logs: logs, logger: logger)
        } catch {
            try await httpClient.shutdown()
            throw error
        }
        try await httpClient.shutdown()
    }

    private func checkNetworkFailure(httpClient: HTTPClient, logs: InMemoryLogHandler, logger: Logger) async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let transport = AsyncHTTPClientTransport(httpClient: httpClient, baseURL: "http://127.0.0.1:1", token: TestToken.valid)
        let clock = TestClock()
        // AsyncHTTPClient keeps reconnecting until the request's deadline, so a short one keeps the test quick.
        let bot = BotClient(
            transport: transport, retryPolicy: RetryPolicy(maxAttempts: 3), requestTimeout: .milliseconds(200), clock: clock, logger: logger)

        let error = try await #require(throws: BotAPIError.self) { try await bot.send(GetMe()) }
        #expect(error.code == .network)
        #expect(error.method == "getMe")
        #expect(clock.sleeps.count == 2)
        #expect(!"\(error)".contains(TestToken.valid.value))
        let logged = logs.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(logs.entries.count == 2, "each retry is logged")
        #expect(!logged.contains(TestToken.valid.value))
        #expect(!logged.contains("AAHdqTcv"), "not even part of the token")
    }
}
