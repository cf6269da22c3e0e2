import AsyncHTTPClient
import BotAPISandbox
import Foundation
import NIOCore
import TelegramBotAPI
import Testing

/// Stopping the sandbox while bots are connected to it, as every test and benchmark does.
@Suite(.timeLimit(.minutes(2))) struct SandboxShutdownTests {
    /// Cancelling the server while connections were still being accepted used to trap the whole
    /// test process in NIO ("Deinited NIOAsyncWriter without calling finish()"); the sandbox now
    /// stops gracefully, and a long poll in progress is answered at once rather than held open
    /// (were it held for its 50 s, the suite's time limit would end the test).
    @Test func stoppingWhileConnectionsArriveEndsCleanlyAndReleasesLongPolls() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(2), read: .seconds(60))))
        for _ in 0..<25 {
            let poll = try await BotAPISandbox.withRunning { sandbox in
                let bot = BotClient(transport: AsyncHTTPClientTransport(httpClient: client, baseURL: sandbox.baseURL, token: sandbox.token))
                // A long poll in flight, and new connections still arriving, as the sandbox stops.
                let poll = Task { try? await bot.send(GetUpdates(timeout: 50)) }
                for _ in 0..<12 {
                    Task { _ = try? await bot.send(GetMe()) }
                }
                while await !sandbox.state.isPolling { await Task.yield() }
                return poll
            }
            #expect(await poll.value == [], "the long poll is answered with nothing, not cut off")
        }
        try await client.shutdown()
    }
}
