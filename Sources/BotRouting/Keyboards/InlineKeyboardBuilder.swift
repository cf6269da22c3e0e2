import TelegramBotAPI

/// Builds an inline keyboard: add buttons, then lay them out in rows.
///
/// ```swift
/// var keyboard = InlineKeyboardBuilder()
/// for price in prices { try keyboard.button(price.label, data: BuyCallback(priceID: price.id)) }
/// keyboard.adjust(2)                                   // two a row, the rest in the last row
/// keyboard.row(InlineKeyboardBuilder.cancelButton())
/// try await context.answer("Pick a duration", replyMarkup: .inlineKeyboard(keyboard.markup))
/// ```
public struct InlineKeyboardBuilder: Sendable {
    private var rows: [[InlineKeyboardButton]] = []
    /// Buttons added since the last `row` or `adjust`, waiting to be laid out.
    private var pending: [InlineKeyboardButton] = []

    public init() {}

    /// A button carrying typed callback data.
    /// - Throws: ``CallbackDataError/tooLong(bytes:)`` when the data would not fit.
    public mutating func button(_ text: String, data: some CallbackData) throws(CallbackDataError) {
        pending.append(InlineKeyboardButton(text: text, callbackData: try data.pack()))
    }

    /// A button that opens a link.
    public mutating func button(_ text: String, url: String) {
        pending.append(InlineKeyboardButton(text: text, url: url))
    }

    /// Adds one button as built elsewhere.
    public mutating func add(_ button: InlineKeyboardButton) {
        pending.append(button)
    }

    /// Lays out the pending buttons in rows of the given sizes, the last size repeating:
    /// `adjust(2)` makes rows of two; `adjust(1, 3)` one button, then rows of three.
    public mutating func adjust(_ sizes: Int...) {
        adjust(sizes)
    }

    /// ``adjust(_:)-(Int...)`` with the sizes as an array.
    public mutating func adjust(_ sizes: [Int]) {
        rows += RowLayout.rows(pending, sizes: sizes)
        pending.removeAll()
    }

    /// Adds a row of its own, after the pending buttons (laid out one a row).
    public mutating func row(_ buttons: InlineKeyboardButton...) {
        adjust(1)
        rows.append(buttons)
    }

    /// The keyboard; pending buttons go one a row.
    public var markup: InlineKeyboardMarkup {
        var copy = self
        copy.adjust(1)
        return InlineKeyboardMarkup(inlineKeyboard: copy.rows.filter { !$0.isEmpty })
    }

    /// Back and Next buttons around `page/pageCount`, for lists longer than a screen; only those
    /// that lead somewhere. `data` makes the callback data for a page number.
    public static func paginationRow(
        page: Int, pageCount: Int, previous: String = "‹ Back", next: String = "Next ›", data: (Int) throws(CallbackDataError) -> String
    ) throws(CallbackDataError) -> [InlineKeyboardButton] {
        guard pageCount > 1 else { return [] }
        var row: [InlineKeyboardButton] = []
        if page > 1 { row.append(InlineKeyboardButton(text: previous, callbackData: try data(page - 1))) }
        row.append(InlineKeyboardButton(text: "\(page)/\(pageCount)", callbackData: try data(page)))
        if page < pageCount { row.append(InlineKeyboardButton(text: next, callbackData: try data(page + 1))) }
        return row
    }

    /// The button that leaves any conversation flow (see ``CancelFlow``).
    public static func cancelButton(_ text: String = "✖ Cancel") -> InlineKeyboardButton {
        InlineKeyboardButton(text: text, callbackData: CancelFlow.callbackData)
    }
}
