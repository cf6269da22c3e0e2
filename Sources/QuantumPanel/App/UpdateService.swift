import BotRouting
import Foundation
import Logging
import Marketplace
import ServiceLifecycle
import TelegramBotAPI

/// Takes updates (polling, or the webhook's) and hands them to the shop's dispatcher, once the
/// prelude is done, until graceful shutdown: then no new update is taken, those in flight finish,
/// and the polling offset is confirmed.
///
/// With PostgreSQL other processes may share the shop: this one's updates carry its owner id, and
/// its liveness lock tells the others whether they may take them over. A process whose liveness
/// session ended (the database restarted, or an operator ended it) has stopped handling its
/// updates, which the others may now take over, and carries on as a new owner.
struct UpdateService: Service {
    let settings: Settings
    let gate: PreludeGate
    let bot: BotClient
    let shopBot: ShopBot
    let storage: any StateStorage
    /// The inbox for one liveness session's owner (nil with SQLite).
    let makeInbox: @Sendable (_ owner: String?) throws -> any UpdateInbox
    /// Says when the database is down, so updates wait for it instead of failing.
    let outages: DependencyMonitor
    let intake: WebhookIntake?
    let readiness: Readiness
    /// Whether a leader election says when this process polls; otherwise it says so itself.
    let isElected: Bool
    let logger: Logger

    func run() async throws {
        guard let me = await gate.wait() else { return }
        if !isElected { readiness.setUpdates(settings.telegram.mode.name) }
        var webhookSet = false
        while true {
            let liveness = try settings.database.location.postgresURL.map { try ProcessLiveness(url: $0, owner: UUID().uuidString, logger: logger) }
            let dispatcher = shopBot.makeDispatcher(
                bot: bot, botUsername: me.username, storage: storage, inbox: try makeInbox(liveness?.owner),
                outages: liveness.map { LivenessBoundOutages(database: outages, liveness: $0) } ?? outages,
                answerRetryWindow: settings.telegram.answerRetryWindow, logger: logger
            )
            if let webhook = settings.telegram.mode.webhook, !webhookSet {
                // Once the dispatcher all but runs: until it does, Telegram's first calls are
                // answered 503 and sent again.
                try await bot.send(
                    SetWebhook(url: webhook.url, maxConnections: 40, allowedUpdates: [], dropPendingUpdates: false, secretToken: webhook.secret))
                webhookSet = true
            }
            let take: @Sendable () async throws -> Void = { [intake] in
                if let intake { try await dispatcher.runWebhook(intake) } else { try await dispatcher.runPolling() }
            }
            do {
                try await withGracefulShutdownHandler {
                    if let liveness { try await liveness.whileAlive(take) } else { try await take() }
                } onGracefulShutdown: { [readiness] in
                    readiness.setUpdates("stopping")
                }
                return
            } catch let lost as ProcessLiveness.Lost {
                logger.warning("\(lost.description)", metadata: ["owner": "\(lost.owner)"])
            }
        }
    }
}
