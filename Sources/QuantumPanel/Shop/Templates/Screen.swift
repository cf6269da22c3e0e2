import BotRouting
import TelegramBotAPI

/// One screen of the shop: an HTML text (a caption when there is a photo) and its buttons.
struct Screen: Sendable {
    var text: HTML
    var keyboard: InlineKeyboardMarkup?
    /// Shown above the text; the text becomes its caption.
    var photoFileID: String?
    /// Messages sent after the screen, for what doesn't fit in one (many keys).
    var followUps: [HTML] = []

    /// Telegram's limits: 4096 characters in a message, 1024 in a caption.
    static let messageLimit = 4096
    static let captionLimit = 1024

    var limit: Int { photoFileID == nil ? Self.messageLimit : Self.captionLimit }
}
