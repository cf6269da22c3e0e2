import BotRouting
import Marketplace
import TelegramBotAPI

/// The shop's dialogs, the admin panel's and the customers', run by one ``Scenes``: shown as
/// the panel's screens, summaries in the panel's layout, and a dialog that ended without its
/// scene lands on the panel (an admin) or the menu (a customer).
enum ShopScenes {
    /// State groups of dialogs earlier versions stored; one still open ends, and the user is told.
    static let retiredGroups: Set<String> = ["shop", "admin"]

    static func make(
        shop: Shop, showPanel: @escaping @Sendable (HandlerContext, String) async throws -> Void,
        showMenu: @escaping @Sendable (HandlerContext, String) async throws -> Void
    ) -> Scenes {
        let admins = shop.admins
        return Scenes(
            words: { PanelSceneWords(templates: $0.adminTemplates) },
            passThrough: AdminHandlers.shopCommands,
            retiredGroups: retiredGroups,
            show: { context, text, keyboard in try await context.show(Screen(text: text, keyboard: keyboard)) },
            summaryText: { summary, context in
                let templates = context.adminTemplates
                var text = templates.shop.header(templates.strings.confirmTitle)
                if !summary.lines.isEmpty { text += "\n" + ShopTemplates.frame(summary.lines) }
                if let question = summary.question { text += "\n\n" + question }
                return text
            },
            ended: { context, note in
                guard let id = context.update.sender?.id, try await admins.isAdmin(id) else { return try await showMenu(context, note) }
                try await showPanel(context, note)
            }
        )
    }
}
