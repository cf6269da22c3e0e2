import BotRouting
import Foundation
import Logging
import Marketplace
import Metrics
import ServiceLifecycle
import TelegramBotAPI

/// Sends the broadcasts admins confirm, in the background, within Telegram's limits: one copy
/// per recipient, `perSecond` messages a second (a paid broadcast up to 1000), every 429 waited
/// out for its `retry_after` before anything else is sent. The admin's progress message is
/// edited every `progressInterval`, with Pause and Stop.
///
/// Each recipient is claimed in the database before their send and settled after it, so a
/// restart resumes with those not sent yet; one claimed when the bot was killed is not sent
/// again (whether it arrived is unknown), so nobody gets two.
public struct Broadcaster: Service {
    let shop: Shop
    let bot: BotClient
    let perSecond: Int
    let progressInterval: Duration
    let logger: Logger
    /// How often an idle broadcaster looks for a newly confirmed broadcast.
    var idleInterval: Duration = .seconds(1)
    static let paidPerSecond = 1000

    /// - Parameter bot: its retries are turned off: a send that failed for an unknown reason
    ///   may have arrived, and is not sent twice.
    public init(shop: Shop, bot: BotClient, perSecond: Int, progressInterval: Duration = .seconds(3), logger: Logger) {
        self.shop = shop
        self.bot = bot.withRetryPolicy(.never)
        self.perSecond = perSecond
        self.progressInterval = progressInterval
        self.logger = logger
    }

    public func run() async throws {
        let interrupted = try await shop.broadcasts.settleInterrupted()
        if interrupted > 0 {
            logger.warning("Broadcast recipients left mid-send by a stop are not sent again", metadata: ["count": "\(interrupted)"])
        }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do {
                if let broadcast = try await shop.broadcasts.sending().first {
                    try await send(broadcast)
                    continue
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("A broadcast round failed; trying again", metadata: ["error": "\(DatabaseFailure.describe(error))"])
            }
            try? await Task.sleep(for: idleInterval)
        }
    }

    /// Sends `broadcast` until it is done, paused or stopped, or the bot shuts down.
    func send(_ broadcast: BroadcastSnapshot) async throws {
        try await shop.broadcasts.markStarted(broadcast.id)
        var pacer = Pacer(perSecond: broadcast.isPaid ? Self.paidPerSecond : perSecond)
        var lastProgress = ContinuousClock.now
        var sentSinceCheck = 0
        while !Task.isShuttingDownGracefully {
            let batch = try await shop.broadcasts.pendingRecipients(broadcast.id, limit: 100)
            guard !batch.isEmpty else {
                try await shop.broadcasts.finish(broadcast.id)
                try await showProgress(broadcast.id)
                logger.info("Broadcast finished", metadata: ["broadcast.id": "\(broadcast.id)"])
                return
            }
            for telegramID in batch {
                // Pause and Stop take effect within a few messages.
                if sentSinceCheck >= 5 {
                    sentSinceCheck = 0
                    guard try await shop.broadcasts.status(broadcast.id) == .sending else { return try await showProgress(broadcast.id) }
                }
                guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
                await pacer.wait()
                guard try await shop.broadcasts.claim(telegramID, of: broadcast.id) else { continue }
                let state = await deliver(broadcast, to: telegramID, pacer: &pacer)
                try await shop.broadcasts.settle(telegramID, of: broadcast.id, as: state)
                Counter(label: "broadcast_messages_total", dimensions: [("result", "\(state)")]).increment()
                sentSinceCheck += 1
                if ContinuousClock.now - lastProgress >= progressInterval {
                    lastProgress = .now
                    try await showProgress(broadcast.id)
                }
            }
        }
    }

    /// One copy to one recipient. A 429 is waited out for its `retry_after`, then the same copy
    /// is tried again; anything else is its outcome.
    private func deliver(_ broadcast: BroadcastSnapshot, to telegramID: Int64, pacer: inout Pacer) async -> BroadcastDeliveryState {
        while true {
            do {
                try await Self.sendCopy(broadcast.message, to: telegramID, isPaid: broadcast.isPaid, bot: bot)
                return .sent
            } catch let error as BotAPIError where error.code == .tooManyRequests {
                let wait = error.retryAfter ?? .seconds(1)
                logger.notice(
                    "Flood control: waiting before the next broadcast message",
                    metadata: ["broadcast.id": "\(broadcast.id)", "retry.after": "\(wait)"])
                BotAPIMetrics.waited(wait, reason: "flood")
                try? await Task.sleep(for: wait)
                pacer.restart()
            } catch let error as BotAPIError where error.code == .botBlocked || error.code == .forbidden {
                return .blocked
            } catch {
                logger.info("A broadcast message was not delivered", metadata: ["broadcast.id": "\(broadcast.id)", "error": "\(error)"])
                return .failed
            }
        }
    }

    /// One copy of `message`, as every recipient gets it (and the admin, as the preview).
    static func sendCopy(_ message: BroadcastMessage, to telegramID: Int64, isPaid: Bool, bot: BotClient) async throws {
        let keyboard = message.buttonText.flatMap { text in
            message.buttonURL.map { ReplyMarkup.inlineKeyboard(InlineKeyboardMarkup(inlineKeyboard: [[InlineKeyboardButton(text: text, url: $0)]])) }
        }
        let paid: Bool? = isPaid ? true : nil
        if let photo = message.photoFileID {
            try await bot.send(
                SendPhoto(
                    chatID: .id(telegramID), photo: .fileID(photo), caption: message.text, parseMode: "HTML", allowPaidBroadcast: paid,
                    replyMarkup: keyboard))
        } else {
            try await bot.send(
                SendMessage(chatID: .id(telegramID), text: message.text, parseMode: "HTML", allowPaidBroadcast: paid, replyMarkup: keyboard))
        }
    }

    /// Edits the admin's progress message to where the broadcast stands.
    func showProgress(_ id: Int) async throws {
        let broadcast = try await shop.broadcasts.broadcast(id)
        guard let chatID = broadcast.progressChatID, let messageID = broadcast.progressMessageID else { return }
        let admin = try? await shop.users.find(telegramID: broadcast.adminID)
        let templates = AdminTemplates(language: Language(customer: admin, telegramCode: admin?.languageCode))
        let screen = try templates.broadcastProgress(
            broadcast, try await shop.broadcasts.counts(id), perSecond: broadcast.isPaid ? Self.paidPerSecond : perSecond)
        do {
            // The progress edits are not sends into a chat, and stay out of the broadcast's budget.
            try await bot.send(
                EditMessageText(
                    chatID: .id(chatID), messageID: messageID, text: screen.text.rendered, parseMode: "HTML", replyMarkup: screen.keyboard))
        } catch let error as BotAPIError where error.code == .messageNotModified {
            // Nothing moved since the last edit.
        } catch {
            logger.info("The broadcast's progress message could not be edited", metadata: ["error": "\(error)"])
        }
    }
}

/// Spaces sends evenly at a rate, with no burst: Telegram counts in one-second windows.
struct Pacer {
    let interval: Duration
    private var next = ContinuousClock.now

    init(perSecond: Int) {
        interval = .seconds(1) / max(1, perSecond)
    }

    mutating func wait() async {
        let now = ContinuousClock.now
        if next > now { try? await Task.sleep(until: next, clock: .continuous) }
        next = max(next, now) + interval
    }

    /// After a flood wait, start counting again from now.
    mutating func restart() {
        next = .now
    }
}
