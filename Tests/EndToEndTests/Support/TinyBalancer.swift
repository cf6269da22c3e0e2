import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1
import Synchronization

/// A load balancer for webhook replicas, as small as a test needs: each POST goes to the next
/// backend in turn, or to every backend when `duplicating` (an update delivered twice).
final class TinyBalancer: Sendable {
    let backends: [String]
    let port: Int
    let duplicating = Atomic(false)
    private let turn = Mutex(0)
    private let down = Mutex<Set<Int>>([])
    /// Which backends each update went to, in order of arrival.
    let routed = Mutex<[(updateID: Int64, backends: [Int])]>([])

    init(backends: [String], port: Int) {
        self.backends = backends
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Runs the balancer for `body`, then stops it gracefully.
    func withRunning<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("**") { request, _ in try await self.forward(request) }
        return try await withLoopbackServer(router, port: port, body)
    }

    private func forward(_ request: Request) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let targets: [Int]
        if duplicating.load(ordering: .relaxed) {
            targets = Array(backends.indices)
        } else {
            targets = [nextBackend()]
        }
        if let updateID = Self.updateID(in: body) { routed.withLock { $0.append((updateID, targets)) } }
        var statuses: [UInt] = []
        for target in targets {
            do {
                statuses.append(try await send(request, body: body, to: target))
            } catch  where targets.count == 1 {
                // A backend that can't be reached is down from now on, and the next one takes
                // the call, as a balancer's health check would have it.
                down.withLock { _ = $0.insert(target) }
                statuses.append(try await send(request, body: body, to: nextBackend()))
            }
        }
        // Telegram needs one 2xx; a backend's refusal is passed on only when every backend refused.
        let status = statuses.first { (200..<300).contains($0) } ?? statuses.first ?? 502
        return Response(status: .init(code: Int(status)))
    }

    /// The next backend in turn that isn't down.
    private func nextBackend() -> Int {
        let down = down.withLock { $0 }
        return turn.withLock { turn in
            repeat { turn = (turn + 1) % backends.count } while down.contains(turn) && down.count < backends.count
            return turn
        }
    }

    private func send(_ request: Request, body: ByteBuffer, to target: Int) async throws -> UInt {
        var outgoing = HTTPClientRequest(url: backends[target] + request.uri.path)
        outgoing.method = .POST
        for field in request.headers where field.name == .contentType || field.name.canonicalName == "x-telegram-bot-api-secret-token" {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        outgoing.body = .bytes(body)
        // Short: the HTTP client tries to connect again and again until the deadline.
        let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(3))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }

    private static func updateID(in body: ByteBuffer) -> Int64? {
        struct Identified: Decodable {
            let update_id: Int64
        }
        return try? JSONDecoder().decode(Identified.self, from: Data(String(buffer: body).utf8)).update_id
    }
}
