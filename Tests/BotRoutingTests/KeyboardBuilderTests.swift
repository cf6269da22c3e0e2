import BotRouting
import TelegramBotAPI
import Testing

@Suite struct KeyboardBuilderTests {
    struct PickCallback: CallbackData {
        static let prefix = "pick"
        var id: Int
    }

    static func labels(_ markup: InlineKeyboardMarkup) -> [[String]] {
        markup.inlineKeyboard.map { $0.map(\.text) }
    }

    @Test func adjustLaysOutRowsWithTheLastSizeRepeating() throws {
        var keyboard = InlineKeyboardBuilder()
        for id in 1...5 { try keyboard.button("P\(id)", data: PickCallback(id: id)) }
        keyboard.adjust(2)
        keyboard.row(InlineKeyboardBuilder.cancelButton())
        #expect(Self.labels(keyboard.markup) == [["P1", "P2"], ["P3", "P4"], ["P5"], ["✖ Cancel"]])
        #expect(keyboard.markup.inlineKeyboard[0][1].callbackData == "pick:2")

        var mixed = InlineKeyboardBuilder()
        for id in 1...7 { try mixed.button("\(id)", data: PickCallback(id: id)) }
        mixed.adjust(1, 3)
        #expect(Self.labels(mixed.markup) == [["1"], ["2", "3", "4"], ["5", "6", "7"]])
    }

    @Test func paginationShowsOnlyButtonsThatLeadSomewhere() throws {
        let data = { (page: Int) throws(CallbackDataError) in try PickCallback(id: page).pack() }
        #expect(try InlineKeyboardBuilder.paginationRow(page: 1, pageCount: 3, data: data).map(\.text) == ["1/3", "Next ›"])
        #expect(try InlineKeyboardBuilder.paginationRow(page: 2, pageCount: 3, data: data).map(\.text) == ["‹ Back", "2/3", "Next ›"])
        #expect(try InlineKeyboardBuilder.paginationRow(page: 3, pageCount: 3, data: data).map(\.callbackData) == ["pick:2", "pick:3"])
        #expect(try InlineKeyboardBuilder.paginationRow(page: 1, pageCount: 1, data: data).isEmpty)
    }

    @Test func replyKeyboardIsResizedAndCanBeOneTime() {
        var keyboard = ReplyKeyboardBuilder()
        for label in ["Catalogue", "Balance", "Support"] { keyboard.button(label) }
        keyboard.adjust(2)
        guard case .replyKeyboard(let markup) = keyboard.markup(oneTime: true) else {
            Issue.record("expected a reply keyboard")
            return
        }
        #expect(markup.keyboard.map { $0.map(\.text) } == [["Catalogue", "Balance"], ["Support"]])
        #expect(markup.resizeKeyboard == true)
        #expect(markup.oneTimeKeyboard == true)
    }
}
