import Testing

@testable import TelegramBotAPI

@Suite struct TelegramHTMLTests {
    @Test func tagsBecomeEntitiesOverThePlainText() throws {
        let parsed = try TelegramHTML(
            parsing:
                #"<b>Netflix</b> 4K &amp; <a href="https://t.me/x?a=1&amp;b=2">more</a> <tg-spoiler>KEY</tg-spoiler> <code class="language-swift">x</code>"#
        )
        #expect(parsed.text == "Netflix 4K & more KEY x")
        #expect(parsed.entities.map(\.type) == ["bold", "text_link", "spoiler", "code"])
        #expect(parsed.entities[0].offset == 0 && parsed.entities[0].length == 7)
        #expect(parsed.entities[1].url == "https://t.me/x?a=1&b=2")
        #expect(parsed.entities[3].language == "swift")
    }

    @Test func offsetsCountUTF16UnitsAsTelegramDoes() throws {
        let parsed = try TelegramHTML(parsing: "🔑 <i>key</i> &#x1F600;&lt;")
        #expect(parsed.text == "🔑 key 😀<")
        #expect(parsed.entities.first?.offset == 3)
        #expect(parsed.entities.first?.length == 3)
    }

    @Test(arguments: [
        ("<div>x</div>", #"Bad Request: can't parse entities: Unsupported start tag "div" at byte offset 0"#),
        ("<b>bold", #"Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b""#),
        ("<b><i>x</b></i>", #"Bad Request: can't parse entities: Can't find end tag corresponding to start tag "i""#),
        ("x</b>", "Bad Request: can't parse entities: Unexpected end tag at byte offset 1"),
        ("1 < 2", "Bad Request: can't parse entities: Unclosed start tag at byte offset 2"),
        ("2 > 1", "Bad Request: can't parse entities: Character '>' is reserved and must be escaped with &gt; at byte offset 2"),
        ("Tom & Jerry", "Bad Request: can't parse entities: Character '&' is reserved and must be escaped with &amp; at byte offset 4"),
        ("<a>link</a>", #"Bad Request: can't parse entities: Can't find href attribute of the tag "a" at byte offset 0"#),
        (#"<span class="x">s</span>"#, #"Bad Request: can't parse entities: Tag "span" must have class "tg-spoiler" at byte offset 0"#),
        ("é <script>", #"Bad Request: can't parse entities: Unsupported start tag "script" at byte offset 3"#),
    ])
    func malformedHTMLIsRefusedLikeTelegram(html: String, description: String) {
        #expect(throws: TelegramHTML.ParseError(description: String(description.dropFirst("Bad Request: ".count)))) {
            try TelegramHTML(parsing: html)
        }
    }
}
