import TelegramBotAPI
import Testing

@Suite struct BotTokenTests {
    @Test(arguments: [
        ("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", true),
        ("1:abcdefghijklmnopqrstuvwxyzABCDEFGHI", true),
        ("123456789:short", false),
        (":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", false),
        ("12a45:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", false),
        ("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/+x", false),
        ("123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x", false),
        ("", false),
    ])
    func shapeIsChecked(token: String, isWellFormed: Bool) {
        #expect(BotToken(token).isWellFormed == isWellFormed)
    }

    @Test func tokenNeverPrintsItself() {
        let token = BotToken("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_-x")
        #expect("\(token)" == "***")
        #expect(String(reflecting: token) == "BotToken(***)")
        #expect(token.redact("GET /bot\(token.value)/getMe failed") == "GET /bot***/getMe failed")
    }
}
