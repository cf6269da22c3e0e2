import Foundation
import TelegramBotAPI

extension SandboxState {
    func setWebhook(_ parameters: MethodParameters) throws(SandboxError) -> Bool {
        let url = parameters.string("url") ?? ""
        if url.isEmpty {
            return deleteWebhook(parameters)
        }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
            throw .badRequest("Bad Request: bad webhook: Failed to resolve host: Name or service not known")
        }
        let secret = parameters.string("secret_token")
        if let secret,
            secret.isEmpty || secret.count > 256 || !secret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        {
            throw .badRequest("Bad Request: secret token contains unallowed characters")
        }
        if parameters.bool("drop_pending_updates") == true { pendingUpdates.removeAll() }
        webhook = WebhookSettings(url: url, secretToken: secret, allowedUpdates: try parameters.decode([String].self, "allowed_updates"))
        // A long poll still waiting ends with a conflict, as on Telegram.
        pollGeneration += 1
        notifyChange(of: .bot)
        return true
    }

    func deleteWebhook(_ parameters: MethodParameters) -> Bool {
        if parameters.bool("drop_pending_updates") == true { pendingUpdates.removeAll() }
        webhook = nil
        notifyChange(of: .bot)
        return true
    }

    func getWebhookInfo() -> WebhookInfo {
        var info = WebhookInfo(url: webhook?.url ?? "", hasCustomCertificate: false, pendingUpdateCount: Int64(pendingUpdates.count))
        info.lastErrorDate = webhook?.lastErrorDate
        info.lastErrorMessage = webhook?.lastErrorMessage
        info.allowedUpdates = webhook?.allowedUpdates
        return info
    }

    /// The next update to post to the webhook, waiting until there is a webhook and an update.
    func nextWebhookDelivery() async -> (update: Update, url: String, secret: String?)? {
        while !Task.isCancelled, !isClosed {
            if let webhook {
                pendingUpdates.removeAll { !Self.isAllowed($0, webhook.allowedUpdates) }
                if let update = pendingUpdates.first {
                    return (update, webhook.url, webhook.secretToken)
                }
            }
            await waitForChange(of: .bot, until: .now + .seconds(60))
        }
        return nil
    }

    /// The webhook answered 2xx: the update is confirmed, as Telegram drops it.
    func webhookDelivered(_ updateID: Int64) {
        pendingUpdates.removeAll { $0.updateID == updateID }
        notifyChange(of: .bot)
    }

    /// The webhook failed; getWebhookInfo reports it, as Telegram does.
    func webhookFailed(_ message: String) {
        webhook?.lastErrorDate = unixTime
        webhook?.lastErrorMessage = message
    }
}
