import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Posts the stand-in's webhook calls, one at a time, with `crypto-pay-api-signature`; a call the
/// bot doesn't answer 2xx is sent again after a wait, as Crypto Pay retries, up to 30 times.
struct CryptoPayWebhookDelivery {
    let standIn: CryptoPayStandIn
    let httpClient: HTTPClient
    let firstRetryDelay: Duration

    func run() async {
        while let delivery = await standIn.nextDelivery() {
            var delay = firstRetryDelay
            for _ in 0..<30 {
                guard !Task.isCancelled else { return }
                if await post(delivery) {
                    await standIn.webhookAnswered()
                    break
                }
                try? await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    private func post(_ delivery: CryptoPayStandIn.Delivery) async -> Bool {
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "crypto-pay-api-signature", value: delivery.signature)
        request.body = .bytes(ByteBuffer(data: delivery.body))
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(10))
            _ = try? await response.body.collect(upTo: 1 << 20)
            // 401 is the bot refusing a forged signature: sending it again changes nothing.
            return (200..<300).contains(response.status.code) || response.status.code == 401
        } catch {
            return false
        }
    }
}
