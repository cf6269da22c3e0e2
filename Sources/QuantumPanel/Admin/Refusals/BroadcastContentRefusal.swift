import BotRouting

/// Why a message to broadcast would not be sent as it is: checked as Telegram will check it.
enum BroadcastContentRefusal: ReadableRefusal, Equatable {
    /// Neither text nor a photo, or only white space.
    case noContent
    /// Telegram's HTML parser would refuse it, for this reason.
    case invalidHTML(reason: String)
    case tooLong(length: Int, limit: Int)

    func words(in language: Language) -> HTML {
        let strings = language.broadcastStrings
        return switch self {
        case .noContent: strings.askContent
        case .invalidHTML(let reason): strings.htmlRefused(reason)
        case .tooLong(let length, let limit): strings.tooLong(length, limit)
        }
    }
}
