import BotRouting
import ServiceLifecycle

/// Hands the webhook's updates to the dispatcher until graceful shutdown, when the intake stops
/// taking new ones (503) and those in flight finish.
struct WebhookService: Service {
    let dispatcher: Dispatcher
    let intake: WebhookIntake

    func run() async throws {
        try await dispatcher.runWebhook(intake)
    }
}
