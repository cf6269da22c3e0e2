import AsyncHTTPClient
import BotAPISandbox
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization
import TelegramBotAPI
import Testing

/// Each way the sandbox says no, with Telegram's own status and description.
@Suite(.timeLimit(.minutes(1))) struct SandboxRulesTests {
    struct Telepathy: BotMethod {
        typealias Response = Bool
        static let name = "sendTelepathy"
    }

    static let longHTML = "<b>" + String(repeating: "a", count: 4096) + "</b>"

    @Test func wrongTokenIsUnauthorized() async throws {
        try await withSandboxBot(token: BotToken("999:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) { _, bot in
            await expectRefusal(401, "Unauthorized") { try await bot.send(GetMe()) }
        }
    }

    @Test func aMethodTheBotAPIDoesNotHaveIsNotFound() async throws {
        try await withSandboxBot { _, bot in
            await expectRefusal(404, "Not Found") { try await bot.send(Telepathy()) }
        }
    }

    @Test func aRealMethodTheSandboxDoesNotEmulateIsABadRequestThatSaysSo() async throws {
        try await BotAPISandbox.withRunning { sandbox in
            let answer = try await SandboxEncodingTests.raw(sandbox, "sendPoll", query: "?chat_id=1&question=Why")
            #expect(answer["error_code"] as? Int == 400, "never 404, which client libraries read as a wrong token")
            #expect(answer["description"] as? String == "Bad Request: sendPoll is a Bot API method the sandbox does not emulate")
        }
    }

    @Test(arguments: [
        "getMyCommands", "deleteMyCommands", "getStarTransactions", "setMyDescription?description=Keys", "getMyDescription",
        "setMyShortDescription?short_description=Keys", "getMyShortDescription", "setMyName?name=Shop", "getMyName",
        "setChatMenuButton", "getChatMenuButton", "logOut", "close",
    ])
    func methodsClientsCallAtStartOrCleanUpAnswer(call: String) async throws {
        try await BotAPISandbox.withRunning { sandbox in
            let parts = call.split(separator: "?", maxSplits: 1).map(String.init)
            let answer = try await SandboxEncodingTests.raw(sandbox, parts[0], query: parts.count > 1 ? "?" + parts[1] : "")
            #expect(answer["ok"] as? Bool == true, "\(answer)")
        }
    }

    @Test func commandsAndChatsReadBackAsSet() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana", username: "ana")
            try await bot.send(SetMyCommands(commands: [BotCommand(command: "start", description: "Open the shop")]))
            #expect(try await bot.send(GetMyCommands()).map(\.command) == ["start"])
            try await bot.send(DeleteMyCommands())
            #expect(try await bot.send(GetMyCommands()).isEmpty)
            let chat = try await SandboxEncodingTests.raw(sandbox, "getChat", query: "?chat_id=\(ana.chatID)")
            #expect((chat["result"] as? [String: Any])?["username"] as? String == "ana")
        }
    }

    @Test func getMeDescribesTheBot() async throws {
        try await withSandboxBot { sandbox, bot in
            let me = try await bot.send(GetMe())
            #expect(me.isBot)
            #expect(me.id == 1_000_000_001)
            #expect(me.username == sandbox.configuration.botUsername)
        }
    }

    @Test func textLimitsAreCheckedAfterEntitiesAreParsed() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let chat = ChatID.id(ana.chatID)
            await expectRefusal(400, "Bad Request: message text is empty") { try await bot.send(SendMessage(chatID: chat, text: "")) }
            await expectRefusal(400, "Bad Request: message text is empty") {
                try await bot.send(SendMessage(chatID: chat, text: "<b> </b>", parseMode: "HTML"))
            }
            await expectRefusal(400, "Bad Request: message is too long") {
                try await bot.send(SendMessage(chatID: chat, text: String(repeating: "a", count: 4097)))
            }
            let long = try await bot.send(SendMessage(chatID: chat, text: Self.longHTML, parseMode: "HTML"))
            #expect(long.text?.count == 4096)
            await expectRefusal(400, #"Bad Request: can't parse entities: Unsupported start tag "br" at byte offset 5"#) {
                try await bot.send(SendMessage(chatID: chat, text: "Hello<br>", parseMode: "HTML"))
            }
            await expectRefusal(400, "Bad Request: chat not found") { try await bot.send(SendMessage(chatID: 777, text: "hi")) }
        }
    }

    @Test func captionIsAtMost1024Characters() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let photo = InputFile.upload(FileUpload(filename: "p.jpg", contentType: "image/jpeg", bytes: [1, 2, 3]))
            await expectRefusal(400, "Bad Request: message caption is too long") {
                try await bot.send(SendPhoto(chatID: .id(ana.chatID), photo: photo, caption: String(repeating: "c", count: 1025)))
            }
            let sent = try await bot.send(SendPhoto(chatID: .id(ana.chatID), photo: photo, caption: String(repeating: "c", count: 1024)))
            #expect(sent.caption?.count == 1024)
        }
    }

    @Test(arguments: [String(repeating: "x", count: 65), ""])
    func callbackDataOutside1To64BytesIsRefused(data: String) async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Buy", callbackData: data)]])
            await expectRefusal(400, "Bad Request: BUTTON_DATA_INVALID") {
                try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Pick", replyMarkup: .inlineKeyboard(keyboard)))
            }
        }
    }

    @Test func editsAndDeletionsFollowTelegramsRules() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let chat = ChatID.id(ana.chatID)
            let sent = try await bot.send(SendMessage(chatID: chat, text: "Balance: $5"))
            await expectRefusal(
                400,
                "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
            ) {
                try await bot.send(EditMessageText(chatID: chat, messageID: sent.messageID, text: "Balance: $5"))
            }
            guard case .message(let edited) = try await bot.send(EditMessageText(chatID: chat, messageID: sent.messageID, text: "Balance: $7")) else {
                Issue.record("an edit in a chat returns the message")
                return
            }
            #expect(edited.text == "Balance: $7")
            #expect(edited.editDate != nil)
            #expect(await ana.transcript().map(\.text) == ["Balance: $7"])
            #expect(await ana.transcript().first?.isEdited == true)
            await expectRefusal(400, "Bad Request: message to edit not found") {
                try await bot.send(EditMessageText(chatID: chat, messageID: 999, text: "x"))
            }
            #expect(try await bot.send(DeleteMessage(chatID: chat, messageID: sent.messageID)))
            await expectRefusal(400, "Bad Request: message to delete not found") {
                try await bot.send(DeleteMessage(chatID: chat, messageID: sent.messageID))
            }
            #expect(await ana.transcript().isEmpty)
        }
    }

    @Test func callbackQueryCanBeAnsweredOnceAndOnlyInTime() async throws {
        let clock = Mutex(Date(timeIntervalSince1970: 1_764_000_000))
        let configuration = SandboxConfiguration(now: { clock.withLock { $0 } })
        try await withSandboxBot(configuration: configuration) { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Buy", callbackData: "buy:1")]])
            try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Pick", replyMarkup: .inlineKeyboard(keyboard)))
            let tooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid"

            let first = try await ana.press("Buy")
            #expect(try await bot.send(AnswerCallbackQuery(callbackQueryID: first, text: "Added")))
            #expect(await ana.answer(toCallback: first)?.text == "Added")
            await expectRefusal(400, tooOld) { try await bot.send(AnswerCallbackQuery(callbackQueryID: first)) }

            let late = try await ana.press(callbackData: "buy:1")
            clock.withLock { $0 += 16 }
            await expectRefusal(400, tooOld) { try await bot.send(AnswerCallbackQuery(callbackQueryID: late)) }
            await expectRefusal(400, tooOld) { try await bot.send(AnswerCallbackQuery(callbackQueryID: "forged")) }
        }
    }

    @Test func blockedUserRefusesMessagesAndTheBotIsTold() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            await ana.block()
            await expectRefusal(403, "Forbidden: bot was blocked by the user") {
                try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Sale!"))
            }
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Sale!")) }
            #expect(error.code == .botBlocked)
            let updates = try await pendingUpdates(bot)
            #expect(updates.compactMap(\.myChatMember?.newChatMember.status) == ["kicked"])
            await ana.unblock()
            try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "Welcome back"))
        }
    }

    @Test func getUpdatesConfirmsByOffsetAndFiltersByKind() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            for text in ["one", "two", "three"] { try await ana.send(text) }
            let all = try await pendingUpdates(bot)
            #expect(all.map { $0.message?.text } == ["one", "two", "three"])
            let limited = try await bot.send(GetUpdates(limit: 2, timeout: 0))
            #expect(limited.count == 2)
            let rest = try await pendingUpdates(bot, offset: all[1].updateID)
            #expect(rest.map { $0.message?.text } == ["two", "three"])
            #expect(try await pendingUpdates(bot, offset: all[2].updateID + 1).isEmpty)

            try await ana.send("four")
            await ana.block()
            let callbacksOnly = try await bot.send(GetUpdates(timeout: 0, allowedUpdates: ["my_chat_member"]))
            #expect(callbacksOnly.map(\.kind.name) == ["my_chat_member"])
        }
    }

    @Test func longPollWaitsForTheNextUpdate() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            async let updates = bot.send(GetUpdates(timeout: 20), decoding: [Update].self, timeout: .seconds(30))
            while await sandbox.state.isPolling == false { await Task.yield() }
            try await ana.send("wake up")
            #expect(try await updates.map { $0.message?.text } == ["wake up"])
        }
    }

    @Test func secondPollerEndsTheFirstWithAConflict() async throws {
        try await withSandboxBot { sandbox, bot in
            let first = Task { try await bot.send(GetUpdates(timeout: 20), decoding: [Update].self, timeout: .seconds(30)) }
            while await sandbox.state.isPolling == false { await Task.yield() }
            let second = Task { try await bot.send(GetUpdates(timeout: 0)) }
            await expectRefusal(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running") {
                _ = try await first.value
            }
            let secondBatch = try await second.value
            #expect(secondBatch.isEmpty)
        }
    }

    @Test func getUpdatesWhileAWebhookIsSetIsAConflict() async throws {
        try await withSandboxBot { _, bot in
            try await bot.send(SetWebhook(url: "http://127.0.0.1:9/hook"))
            await expectRefusal(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first") {
                _ = try await pendingUpdates(bot)
            }
            try await bot.send(DeleteWebhook())
            #expect(try await pendingUpdates(bot).isEmpty)
        }
    }

    @Test func uploadedFilesGetIDsAndCanBeSentAgainAndDownloaded() async throws {
        try await withSandboxBot { sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let bytes = Array("KEY-AAAA-1111\nKEY-BBBB-2222\n".utf8)
            let sent = try await bot.send(
                SendDocument(chatID: .id(ana.chatID), document: .upload(FileUpload(filename: "keys.txt", contentType: "text/plain", bytes: bytes))))
            let document = try #require(sent.document)
            #expect(document.fileName == "keys.txt")
            #expect(document.fileSize == Int64(bytes.count))
            let again = try await bot.send(SendDocument(chatID: .id(ana.chatID), document: .fileID(document.fileID)))
            #expect(again.document?.fileID == document.fileID)
            let file = try await bot.send(GetFile(fileID: document.fileID))
            let downloaded = try await bot.download(file)
            #expect(Array(buffer: downloaded) == bytes)
            await expectRefusal(400, "Bad Request: wrong file identifier/HTTP URL specified") {
                try await bot.send(SendPhoto(chatID: .id(ana.chatID), photo: .fileID("AgACAgIAAxk-unknown")))
            }
            await expectRefusal(400, "Bad Request: invalid file_id") { try await bot.send(GetFile(fileID: "nope")) }

            let photo = try await ana.sendPhoto([0xFF, 0xD8, 0xFF], caption: "proof")
            #expect(photo.photo?.count == 3)
            let largest = try #require(photo.photo?.last)
            let photoBytes = try await bot.download(try await bot.send(GetFile(fileID: largest.fileID)))
            #expect(Array(buffer: photoBytes) == [0xFF, 0xD8, 0xFF])
        }
    }

    @Test func floodControlRefusesBurstsPastTheLimit() async throws {
        // A slow refill, so that the fourth message is past the limit however slow the machine is.
        try await withSandboxBot(configuration: SandboxConfiguration(floodControl: FloodControl(perChatPerSecond: 0.1, perChatBurst: 3))) {
            sandbox, bot in
            let ana = await sandbox.makeUser(firstName: "Ana")
            for index in 1...3 { try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "m\(index)")) }
            let error = try await #require(throws: BotAPIError.self) { try await bot.send(SendMessage(chatID: .id(ana.chatID), text: "m4")) }
            #expect(error.code == .tooManyRequests)
            let wait = try #require(error.retryAfter)
            #expect(wait >= .seconds(1) && wait <= .seconds(10))
            #expect(error.errorDescription == "Too Many Requests: retry after \(wait.components.seconds)")
            let bob = await sandbox.makeUser(firstName: "Bob")
            try await bot.send(SendMessage(chatID: .id(bob.chatID), text: "another chat has its own budget"))
        }
    }

    @Test func faultInjectionFailsTheShareAskedFor() async throws {
        try await withSandboxBot(configuration: SandboxConfiguration(faults: FaultInjection(serverError: 1))) { _, bot in
            await expectRefusal(500, "Internal Server Error") { try await bot.send(GetMe()) }
        }
    }

    @Test func everyCallIsRecordedWithItsTime() async throws {
        try await withSandboxBot { sandbox, bot in
            let before = Date().timeIntervalSince1970
            _ = try await bot.send(GetMe())
            await expectRefusal(400, "Bad Request: chat not found") { try await bot.send(SendMessage(chatID: 5, text: "x")) }
            let calls = await sandbox.calls
            #expect(calls.map(\.method) == ["getMe", "sendMessage"])
            #expect(calls.map(\.status) == [200, 400])
            #expect(calls.allSatisfy { $0.receivedAt >= before && $0.duration >= 0 })
            #expect(calls[1].parameters.contains(#""text":"x""#))
        }
    }
}

/// Parameters arrive the way each Bot API client sends them.
@Suite(.timeLimit(.minutes(1))) struct SandboxEncodingTests {
    static func raw(
        _ sandbox: BotAPISandbox, _ method: String, query: String = "", contentType: String? = nil, body: String? = nil
    ) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: "\(sandbox.baseURL)/bot\(sandbox.token.value)/\(method)\(query)")
        if let body, let contentType {
            request.method = .POST
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = Data(buffer: try await response.body.collect(upTo: 1 << 20))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test func formBodiesAndQueryStringsWorkWithJSONStringMarkup() async throws {
        try await BotAPISandbox.withRunning { sandbox in
            let ana = await sandbox.makeUser(firstName: "Ana")
            let markup = #"{"inline_keyboard":[[{"text":"Buy","callback_data":"buy:1"}]]}"#
            let form =
                "chat_id=\(ana.chatID)&text=Tom+%26+Jerry&reply_markup=" + (markup.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let viaForm = try await Self.raw(sandbox, "sendMessage", contentType: "application/x-www-form-urlencoded", body: form)
            #expect(viaForm["ok"] as? Bool == true)
            let viaQuery = try await Self.raw(sandbox, "sendMessage", query: "?chat_id=\(ana.chatID)&text=hello")
            #expect(viaQuery["ok"] as? Bool == true)
            let viaJSON = try await Self.raw(
                sandbox, "SENDMESSAGE", contentType: "application/json", body: #"{"chat_id":"\#(ana.chatID)","text":"case-insensitive"}"#)
            #expect(viaJSON["ok"] as? Bool == true)
            let transcript = await ana.transcript()
            #expect(transcript.map(\.text) == ["Tom & Jerry", "hello", "case-insensitive"])
            #expect(transcript[0].buttons.first?.first?.callbackData == "buy:1")
            let broken = try await Self.raw(sandbox, "sendMessage", contentType: "application/json", body: "{not json")
            #expect(broken["description"] as? String == "Bad Request: can't parse JSON object")
        }
    }
}
