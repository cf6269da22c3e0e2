import BotRouting

/// Why a file of keys the admin sent can't be read.
enum KeyFileRefusal: ReadableRefusal, Equatable {
    /// Not one of the kinds ``KeyFile`` reads (text, CSV).
    case wrongType(fileName: String)
    /// Larger than a bot may download.
    case tooLarge(limitMegabytes: Int)
    /// Its bytes aren't text.
    case notText

    func words(in language: Language) -> HTML {
        let strings = language.adminStrings
        return switch self {
        case .wrongType(let name): strings.fileType(name)
        case .tooLarge(let limit): strings.fileTooLarge(limit)
        case .notText: strings.fileNotText
        }
    }
}
