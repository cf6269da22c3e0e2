import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import TelegramBotAPI

/// A local HTTP server on 127.0.0.1 that answers Bot API calls the way Telegram does, from a script.
///
/// Each method has a queue of answers; when it runs dry the method's default answer is used, and
/// without one Telegram's own 404. Every request is recorded in the shared ``EventLog``.
final class TelegramStub: Sendable {
    struct Answer: Sendable {
        var status: Int
        var body: String

        static func ok(_ resultJSON: String) -> Answer {
            Answer(status: 200, body: #"{"ok":true,"result":\#(resultJSON)}"#)
        }

        static func error(_ code: Int, _ description: String, parameters: String? = nil) -> Answer {
            let extra = parameters.map { #","parameters":\#($0)"# } ?? ""
            return Answer(status: code, body: #"{"ok":false,"error_code":\#(code),"description":"\#(description)"\#(extra)}"#)
        }
    }

    struct RecordedRequest: Sendable {
        var method: String
        var tokenSegment: String
        var contentType: String
        var body: [UInt8]

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    private struct State {
        var queues: [String: [Answer]] = [:]
        var defaults: [String: Answer] = [:]
        var requests: [RecordedRequest] = []
        var files: [String: [UInt8]] = [:]
    }

    private let state = Mutex(State())
    let events: EventLog

    init(events: EventLog) {
        self.events = events
    }

    /// Answers the next call of `method` with `answers`, in order.
    func enqueue(_ method: String, _ answers: Answer...) {
        state.withLock { $0.queues[method, default: []].append(contentsOf: answers) }
    }

    /// Answers every call of `method` that finds its queue empty.
    func setDefault(_ method: String, _ answer: Answer) {
        state.withLock { $0.defaults[method] = answer }
    }

    /// Serves `bytes` at `/file/bot<token>/<path>`.
    func setFile(_ path: String, bytes: [UInt8]) {
        state.withLock { $0.files[path] = bytes }
    }

    var requests: [RecordedRequest] {
        state.withLock { $0.requests }
    }

    func requests(of method: String) -> [RecordedRequest] {
        requests.filter { $0.method == method }
    }

    fileprivate func answer(_ request: RecordedRequest) -> Answer {
        events.record("request \(request.method)")
        return state.withLock { state in
            state.requests.append(request)
            if var queue = state.queues[request.method], !queue.isEmpty {
                let answer = queue.removeFirst()
                state.queues[request.method] = queue
                return answer
            }
            return state.defaults[request.method] ?? .error(404, "Not Found")
        }
    }

    fileprivate func file(at path: String) -> [UInt8]? {
        state.withLock { $0.files[path] }
    }
}

/// What happened, in order, across the stub and the test clock.
final class EventLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    var all: [String] {
        entries.withLock { $0 }
    }
}

/// Starts a ``TelegramStub`` on 127.0.0.1 and a real ``BotClient`` talking to it, runs `body`,
/// and shuts both down, whether `body` returns or throws.
func withTelegramStub<Value: Sendable>(
    token: BotToken = TestToken.valid,
    retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 3),
    logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @Sendable (TelegramStub, BotClient, TestClock) async throws -> Value
) async throws -> Value {
    let events = EventLog()
    let stub = TelegramStub(events: events)
    let clock = TestClock(events: events)
    let router = Router()
    router.post(":bot/:method") { request, context -> Response in
        let contentType = request.headers[.contentType] ?? ""
        let body = try await request.body.collect(upTo: 64 << 20)
        let recorded = TelegramStub.RecordedRequest(
            method: try context.parameters.require("method"), tokenSegment: try context.parameters.require("bot"),
            contentType: contentType, body: Array(buffer: body)
        )
        let answer = stub.answer(recorded)
        return Response(
            status: .init(code: answer.status), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: answer.body))
        )
    }
    router.get("file/:bot/**") { request, context -> Response in
        let path = context.parameters.getCatchAll().joined(separator: "/")
        guard let bytes = stub.file(at: path) else { return Response(status: .notFound) }
        return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
        logger: Logger(label: "stub", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        let transport = AsyncHTTPClientTransport(httpClient: httpClient, baseURL: "http://127.0.0.1:\(port)", token: token)
        let client = BotClient(transport: transport, retryPolicy: retryPolicy, clock: clock, logger: logger)
        do {
            let value = try await body(stub, client, clock)
            group.cancelAll()
            try? await httpClient.shutdown()
            return value
        } catch {
            group.cancelAll()
            try? await httpClient.shutdown()
            throw error
        }
    }
}

enum TestToken {
    static let valid = BotToken("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x")
}
