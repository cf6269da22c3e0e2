import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TelegramBotAPI

/// Posts each pending update to the webhook, one at a time and in order, as Telegram does:
/// `X-Telegram-Bot-Api-Secret-Token` when a secret was set, and again after a wait until the bot
/// answers 2xx.
struct WebhookDelivery {
    let state: SandboxState
    let httpClient: HTTPClient
    let firstRetryDelay: Duration

    func run() async {
        var delay = firstRetryDelay
        while !Task.isCancelled {
            guard let (update, url, secret) = await state.nextWebhookDelivery() else { return }
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            if let secret { request.headers.add(name: "X-Telegram-Bot-Api-Secret-Token", value: secret) }
            request.body = .bytes(ByteBuffer(bytes: (try? JSONEncoder().encode(update)) ?? Data()))
            let failure: String?
            do {
                let response = try await httpClient.execute(request, timeout: .seconds(10))
                _ = try? await response.body.collect(upTo: 1 << 20)
                failure =
                    (200..<300).contains(response.status.code)
                    ? nil : "Wrong response from the webhook: \(response.status.code) \(response.status.reasonPhrase)"
            } catch {
                failure = Task.isCancelled ? nil : "Connection failed: \(error)"
            }
            guard !Task.isCancelled else { return }
            if let failure {
                await state.webhookFailed(failure)
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            } else {
                await state.webhookDelivered(update.updateID)
                delay = firstRetryDelay
            }
        }
    }
}
