import AsyncHTTPClient
import BotAPISandbox
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import TelegramBotAPI
import Testing

/// The control API, used the way a browser or curl uses it.
@Suite(.timeLimit(.minutes(1))) struct ControlAPITests {
    struct Answer {
        var status: Int
        var json: [String: Any]
        var result: Any? { json["result"] }
    }

    static func call(_ sandbox: BotAPISandbox, _ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] ?? [:]
        return Answer(status: Int(response.status.code), json: object)
    }

    @Test func aUserChatsWithTheBotThroughTheControlAPI() async throws {
        try await withSandboxBot { sandbox, bot in
            let created = try await Self.call(sandbox, .POST, "/sandbox/users", json: #"{"first_name":"Ana","username":"ana_l"}"#)
            let user = try #require(created.result as? [String: Any])
            let id = try #require(user["id"] as? Int)
            #expect(user["first_name"] as? String == "Ana")

            let sent = try await Self.call(sandbox, .POST, "/sandbox/users/\(id)/text", json: #"{"text":"/start"}"#)
            #expect(sent.status == 200)
            let update = try #require(try await pendingUpdates(bot).first?.message)
            #expect(update.text == "/start")
            #expect(update.entities?.first?.type == "bot_command")

            let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: "Catalogue", callbackData: "catalogue")]])
            try await bot.send(SendMessage(chatID: .id(Int64(id)), text: "Welcome", replyMarkup: .inlineKeyboard(keyboard)))
            let next = try await Self.call(sandbox, .GET, "/sandbox/users/\(id)/next?timeout=5")
            let event = try #require(next.result as? [String: Any])
            #expect(event["event"] as? String == "sent")
            #expect((event["message"] as? [String: Any])?["text"] as? String == "Welcome")

            let pressed = try await Self.call(sandbox, .POST, "/sandbox/users/\(id)/press", json: #"{"label":"Catalogue"}"#)
            let queryID = try #require((pressed.result as? [String: Any])?["callback_query_id"] as? String)
            let updates = try await pendingUpdates(bot)
            #expect(updates.last?.callbackQuery?.id == queryID)
            #expect(updates.last?.callbackQuery?.data == "catalogue")

            let transcript = try #require(try await Self.call(sandbox, .GET, "/sandbox/users/\(id)/transcript").result as? [[String: Any]])
            #expect(transcript.map { $0["text"] as? String } == ["/start", "Welcome"])
            #expect(transcript.map { $0["sender"] as? String } == ["user", "bot"])
            let buttons = transcript[1]["buttons"] as? [[[String: Any]]]
            #expect(buttons?.first?.first?["callback_data"] as? String == "catalogue")

            let calls = try #require(try await Self.call(sandbox, .GET, "/sandbox/calls").result as? [[String: Any]])
            #expect(calls.contains { $0["method"] as? String == "sendMessage" })
        }
    }

    /// The web chat gets views from its event stream and from fetches, in either order: each
    /// view's revision says which is newer.
    @Test func eachChangeToAChatGivesItsViewAHigherRevision() async throws {
        try await withSandboxBot { sandbox, bot in
            let user = try #require(try await Self.call(sandbox, .POST, "/sandbox/users", json: #"{"first_name":"Ana"}"#).result as? [String: Any])
            let id = try #require(user["id"] as? Int)
            func view() async throws -> (revision: Int, texts: [String]) {
                let view = try #require(try await Self.call(sandbox, .GET, "/sandbox/users/\(id)/chat").result as? [String: Any])
                let messages = view["messages"] as? [[String: Any]] ?? []
                return (try #require(view["revision"] as? Int), messages.compactMap { $0["text"] as? String })
            }
            let empty = try await view()
            #expect(empty.texts.isEmpty)
            _ = try await Self.call(sandbox, .POST, "/sandbox/users/\(id)/text", json: #"{"text":"hi"}"#)
            let asked = try await view()
            #expect(asked.texts == ["hi"] && asked.revision > empty.revision)
            try await bot.send(SendMessage(chatID: .id(Int64(id)), text: "Hello"))
            let answered = try await view()
            #expect(answered.texts == ["hi", "Hello"] && answered.revision > asked.revision)
        }
    }

    @Test func badControlRequestsAreRefusedWithAReason() async throws {
        try await withSandboxBot { sandbox, _ in
            let noName = try await Self.call(sandbox, .POST, "/sandbox/users", json: "{}")
            #expect(noName.status == 400)
            #expect(noName.json["description"] as? String == "first_name is required")
            let noUser = try await Self.call(sandbox, .POST, "/sandbox/users/5/text", json: #"{"text":"hi"}"#)
            #expect(noUser.status == 400)
            #expect(noUser.json["description"] as? String == "Bad Request: user not found")
            let nothing = try await Self.call(sandbox, .GET, "/sandbox/users/100000001/next?timeout=0")
            #expect(nothing.status == 408)
        }
    }
}
