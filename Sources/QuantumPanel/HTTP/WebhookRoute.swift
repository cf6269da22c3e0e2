import BotRouting
import HTTPTypes
import Hummingbird
import Logging
import Marketplace
import NIOCore
import TelegramBotAPI

/// `POST <path of WEBHOOK_URL>`: Telegram's calls in webhook mode.
///
/// - A missing or wrong `X-Telegram-Bot-Api-Secret-Token`: 401, nothing read or handled.
/// - A body that isn't an update: 200 and a log line, since Telegram would send it again forever.
/// - An update: kept in the inbox and queued (200), or refused while the bot is full or not
///   running (503, and Telegram sends it again later); 500 when the inbox can't keep it.
struct WebhookRoute: Sendable {
    static let secretHeader = HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!
    /// Telegram's updates are a few kilobytes; a body this large is not one of them.
    static let maximumBody = 1 << 20

    let path: String
    let secret: String
    let intake: WebhookIntake
    let logger: Logger

    func add(to router: Hummingbird.Router<BasicRequestContext>) {
        router.post(RouterPath(path)) { request, _ in
            await answer(request)
        }
    }

    func answer(_ request: Request) async -> Response {
        guard let given = request.headers[Self.secretHeader], Self.constantTimeEqual(Array(given.utf8), Array(secret.utf8)) else {
            logger.warning("Webhook call refused: wrong or missing secret token")
            return Response(status: .unauthorized)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumBody)
        } catch {
            logger.warning(
                "Webhook call with a body too large to be an update; answered 200 so it is not sent again", metadata: ["error": "\(error)"])
            return Response(status: .ok)
        }
        switch DecodedUpdate(webhookBody: body.readableBytesView) {
        case .undecodable(let updateID, let reason):
            logger.error(
                "Webhook body is not an update; answered 200 so it is not sent again",
                metadata: ["update.id": "\(updateID.map(String.init) ?? "unknown")", "reason": "\(reason)"])
            return Response(status: .ok)
        case .update(let update):
            do {
                switch try await intake.deliver(update) {
                case .accepted, .alreadyReceived:
                    return Response(status: .ok)
                case .busy:
                    return Response(status: .serviceUnavailable, headers: [.retryAfter: "1"])
                case .notRunning, .unavailable:
                    return Response(status: .serviceUnavailable, headers: [.retryAfter: "5"])
                }
            } catch {
                logger.error(
                    "Could not keep a webhook update; Telegram will send it again",
                    metadata: ["update.id": "\(update.updateID)", "error": "\(DatabaseFailure.describe(error))"])
                return Response(status: .internalServerError)
            }
        }
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing about
    /// how much of a guess was right.
    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
