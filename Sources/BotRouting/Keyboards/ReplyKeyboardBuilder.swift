import TelegramBotAPI

/// Builds a reply keyboard, the buttons under the text field that send their label as text.
public struct ReplyKeyboardBuilder: Sendable {
    private var rows: [[KeyboardButton]] = []
    private var pending: [KeyboardButton] = []

    public init() {}

    public mutating func button(_ text: String) {
        pending.append(KeyboardButton(text: text))
    }

    /// Lays out the pending buttons in rows of the given sizes, the last size repeating.
    public mutating func adjust(_ sizes: Int...) {
        rows += RowLayout.rows(pending, sizes: sizes)
        pending.removeAll()
    }

    /// The keyboard, sized to its buttons; `oneTime` hides it after a press.
    public func markup(oneTime: Bool = false, placeholder: String? = nil) -> ReplyMarkup {
        var copy = self
        copy.adjust(1)
        var keyboard = ReplyKeyboardMarkup(keyboard: copy.rows.filter { !$0.isEmpty })
        keyboard.resizeKeyboard = true
        keyboard.oneTimeKeyboard = oneTime ? true : nil
        keyboard.inputFieldPlaceholder = placeholder
        return .replyKeyboard(keyboard)
    }

    /// Removes a reply keyboard that was shown.
    public static let remove = ReplyMarkup.removeKeyboard(ReplyKeyboardRemove(removeKeyboard: true))
}
