import BotRouting
import Foundation
import Testing

/// Message HTML: what is written in a literal is markup, what is put into it shows as typed.
@Suite struct HTMLTests {
    let typed = "<b>Tom & \"Jerry\"</b>"

    @Test func anInterpolatedValueIsEscapedAndMarkupStaysMarkup() {
        let name: HTML = "<b>\(typed)</b>"
        #expect(name.rendered == "<b>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</b>")
        let line: HTML = "Product: \(name) · \(3) keys"
        #expect(line.rendered == "Product: " + name.rendered + " · 3 keys", "HTML is put in as it is, numbers as they read")
        #expect(HTML(text: typed).rendered == "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;")
        #expect(HTML(unsafeRaw: typed).rendered == typed, "only spelled out is a string taken as markup")
        let raw: HTML = "\(unsafeRaw: "<i>x</i>")"
        #expect(raw.rendered == "<i>x</i>")
    }

    @Test func joinedAndConcatenatedHTMLKeepsItsMarkup() {
        let lines: [HTML] = ["<b>a</b>", "\(typed)"]
        #expect(lines.joined(separator: "\n").rendered == "<b>a</b>\n&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;")
        var text: HTML = "<b>title</b>"
        text += "\n" + HTML(text: "1 < 2")
        #expect(text.rendered == "<b>title</b>\n1 &lt; 2")
    }

    @Test func plainTextIsWhatAReaderSees() {
        let html: HTML = "⚠️ <b>\(typed)</b> isn't <code>a number</code>"
        #expect(html.plainText == "⚠️ \(typed) isn't a number")
        #expect(html.visibleLength == html.plainText.utf16.count)
    }

    @Test func itIsStoredAsItsMarkup() throws {
        let html: HTML = "<b>\(typed)</b>"
        let data = try JSONEncoder().encode(html)
        #expect(try JSONDecoder().decode(String.self, from: data) == html.rendered)
        #expect(try JSONDecoder().decode(HTML.self, from: data) == html)
    }
}
