import Foundation
import Synchronization
import Testing

extension BotProcessTests {
    /// The README's first command, `quantum-panel sandbox`, tried as a new user tries it: in a
    /// real browser (headless Chromium), both sides of the shop, through the web chat alone.
    @Suite(.timeLimit(.minutes(5)), .enabled(if: WebDriver.isAvailable)) struct WebChatBrowserTests {
        /// A 1×1 PNG, uploaded as the new product's photo.
        static let photo = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

        @Test func aCustomerBuysAKeyAndAnAdminPutsANewProductOnSaleInTheBrowser() async throws {
            try await withTemporaryFolder { folder in
                let port = try freeLoopbackPort()
                let sandbox = try BotProcess(
                    arguments: ["sandbox", "--port", "\(port)", "--database", "sqlite://\(folder)/sandbox.sqlite", "--env-file", folder + "/no.env"],
                    environment: ["LOG_DIR": folder + "/logs", "PATH": "/usr/bin:/bin"], in: folder, name: "sandbox"
                )
                try await LeaderElectionTests.waitForLog(sandbox, "Polling for updates")
                #expect(
                    sandbox.log.hasPrefix("Chat with the bot in your browser: http://127.0.0.1:\(port)/"),
                    "the web chat's address comes first: \(sandbox.log)")
                let browser = try await WebDriver()
                do {
                    try await Self.shop(in: browser, at: "http://127.0.0.1:\(port)/", folder: folder)
                    await browser.quit()
                } catch {
                    await browser.quit()
                    Issue.record("the sandbox's log: \(sandbox.log.suffix(6000))")
                    throw error
                }
                #expect(await sandbox.stop() == 0, "\(sandbox.log)")
            }
        }

        static func shop(in browser: WebDriver, at url: String, folder: String) async throws {
            try await browser.open(url)
            let chat = WebChat(browser: browser)

            // Telegram's entities drawn as a client draws them, nested, and a javascript: link left dead.
            let drawn =
                try await browser.run(
                    """
                    const text = "BI U S P C pre Q L X <i>&";
                    const entities = [
                      { type: "bold", offset: 0, length: 2 }, { type: "italic", offset: 1, length: 1 }, { type: "underline", offset: 3, length: 1 },
                      { type: "strikethrough", offset: 5, length: 1 }, { type: "spoiler", offset: 7, length: 1 }, { type: "code", offset: 9, length: 1 },
                      { type: "pre", offset: 11, length: 3 }, { type: "blockquote", offset: 15, length: 1 },
                      { type: "text_link", offset: 17, length: 1, url: "javascript:alert(1)" }, { type: "text_link", offset: 19, length: 1, url: "https://example.com/" },
                    ];
                    const box = document.createElement("div");
                    box.append(...renderEntities(text, entities));
                    return box.innerHTML;
                    """) as? String
            #expect(
                drawn
                    == #"<b>B<i>I</i></b> <u>U</u> <s>S</s> <span class="spoiler">P</span> <code>C</code> <pre>pre</pre> <blockquote>Q</blockquote> <a>L</a> <a href="https://example.com/" target="_blank" rel="noopener noreferrer">X</a> &lt;i&gt;&amp;"#
            )

            // The bot's commands suggested as you type.
            try await browser.type("/", into: "#text")
            try await browser.waitFor(
                "the command suggestions",
                "return !document.querySelector('#suggestions').hidden && document.querySelector('#suggestions').textContent.includes('/start')")
            try await browser.run("document.querySelector('#text').value = ''")

            // An alert: the admin asks for the sales chart of a shop that has sold nothing yet.
            try await chat.become("Admin")
            try await chat.send("/admin")
            try await chat.waitForBot("Low on stock")
            try await chat.press("📈 Chart")
            try await browser.waitFor(
                "the alert", "const alert = document.querySelector('#alert'); return alert.open && alert.textContent.includes('nothing to draw yet')")
            try await browser.click("#alert-ok", startingWith: "OK")

            // The customer: /start, a product, a price, Buy, and the key on the page.
            try await chat.become("Ana")
            try await chat.send("/start")
            try await chat.waitForBot("Welcome")
            try await chat.press("🛍 Products")
            try await chat.press("Netflix Premium")
            let card = try await browser.waitFor(
                "the product's photo, loaded",
                "const image = [...document.querySelectorAll('.message.bot img.photo')].find(i => i.complete && i.naturalWidth > 0); return image ? image.closest('.message').dataset.messageId : ''"
            )
            try await chat.press("1 month")
            try await chat.press("✅ Buy")
            let key = try await chat.code(startingWith: "DEMO-")
            #expect(key.count > 10)
            // The bot replaced the photo card with a text screen: it sent one and deleted the card.
            try await browser.waitFor(
                "the photo card deleted", "return !document.querySelector('.message[data-message-id=\"' + \(WebDriver.quoted("\(card)")) + '\"]')")
            try await browser.waitFor(
                "the receipt's bold title",
                "return [...document.querySelectorAll('.message.bot .text b')].some(b => b.textContent.includes('Purchase complete'))")
            let screenshots = FileManager.default.currentDirectoryPath + "/.build/screenshots"
            try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true)
            try await browser.screenshot().write(to: URL(fileURLWithPath: screenshots + "/web-chat-purchase.png"))

            // A top-up: an invoice paid in test Stars.
            try await chat.send("/start")
            try await chat.press("💰 Balance")
            try await chat.press("⭐ Top up")
            try await chat.press("⭐ 100 →")
            try await browser.click("button.pay", startingWith: "Pay")
            try await chat.waitForBot("added")

            // A new customer, in Russian.
            try await browser.type("Bea", into: "#new-name")
            try await browser.run("document.querySelector('#new-language').value = 'ru'")
            try await browser.click("#new-customer button", startingWith: "Add")
            try await browser.waitFor("Bea's chat", "return document.querySelector('#chat-title').textContent === 'Chat of Bea'")
            try await chat.send("/start")
            try await chat.waitForBot("Добро пожаловать, Bea")

            // The admin: a product with a photo, a price and a pasted key.
            try await chat.become("Admin")
            try await chat.send("/admin")
            try await chat.waitForBot("Low on stock")
            try await chat.press("🛍 Products")
            try await chat.press("➕ Add product")
            try await chat.waitForBot("Send the product's name.")
            // Markup in what the bot sends back must show as typed, never become the page's HTML.
            try await chat.send("Browser <b>Kit</b> & Co")
            try await chat.waitForBot("Send the description")
            try await chat.send("Bought in a browser")
            try await chat.waitForBot("Send a photo")
            let photoPath = folder + "/photo.png"
            try photo.write(to: URL(fileURLWithPath: photoPath))
            try await browser.type(photoPath, into: "#file")
            try await chat.waitForBot("Premium customers only?")
            try await chat.press("No")
            try await chat.press("✅ Confirm")
            try await chat.waitForBot("Product added")
            try await chat.waitForBot("Browser <b>Kit</b> & Co")
            try await chat.press("➕ Add price")
            try await chat.waitForBot("Send the label")
            try await chat.send("1 month")
            try await chat.waitForBot("How many days")
            try await chat.send("30")
            try await chat.waitForBot("Send the price")
            try await chat.send("7")
            try await chat.press("No reseller price ›")
            try await chat.press("✅ Confirm")
            try await chat.waitForBot("Price added")
            try await chat.press("‹ Back")
            try await chat.press("1 month · $7.00 · 0")
            try await chat.press("🔑 Keys")
            try await chat.press("➕ Add keys")
            try await chat.waitForBot("Paste the keys")
            try await chat.send("BROWSER-KEY-1")
            try await chat.waitForBot("Add 1 new key")
            try await chat.press("✅ Confirm")
            try await chat.waitForBot("Unsold keys: 1")
            // A document: the keys' export, downloaded from the page.
            try await chat.press("📤 Export")
            let exported = try await browser.waitFor(
                "the export's download",
                "const links = document.querySelectorAll('.message.bot a.document'); return links.length ? fetch(links[links.length - 1].href).then(r => r.text()) : ''"
            )
            #expect((exported as? String)?.contains("BROWSER-KEY-1") == true, "\(exported)")

            // The user picker of a reply keyboard: the admin finds Ana by picking her.
            try await chat.send("/admin")
            try await chat.waitForBot("Low on stock")
            try await chat.press("👥 Customers")
            try await chat.waitForBot("All: 3 customers")
            try await chat.press("🔎 Find a customer")
            try await chat.waitForBot("Or pick them")
            try await browser.click(".reply-button", startingWith: "👤 Pick a user")
            try await browser.click("#picker-list label", startingWith: "Ana")
            try await browser.click("#picker-share", startingWith: "Share")
            try await chat.waitForBot("Ana")

            // The customer buys what the admin just added.
            try await chat.become("Ana")
            try await chat.send("/start")
            try await chat.press("🛍 Products")
            try await chat.press("Browser <b>Kit</b> & Co")
            try await chat.press("1 month")
            try await chat.press("✅ Buy")
            #expect(try await chat.code(startingWith: "BROWSER-KEY-") == "BROWSER-KEY-1")

            // The developer's panel lists the bot's calls.
            try await browser.click("#toggle-calls", startingWith: "Bot API calls")
            try await browser.waitFor(
                "the calls panel", "return [...document.querySelectorAll('#calls tbody td')].some(td => td.textContent === 'sendMessage')")

            // A view older than the one drawn (a fetch answered after the event stream's newer one) is ignored.
            let staleIgnored =
                try await browser.run(
                    """
                    const before = document.querySelectorAll('.message').length;
                    render({ revision: 0, messages: [], callback_answers: {}, is_blocked: false });
                    return before > 0 && document.querySelectorAll('.message').length === before;
                    """) as? Bool
            #expect(staleIgnored == true, "a stale view replaced a newer one")

            // A phone-sized window: nothing wider than the screen, the text box still there.
            try await browser.resize(width: 390, height: 844)
            try await browser.waitFor(
                "a page as narrow as a phone",
                "return document.documentElement.scrollWidth <= window.innerWidth + 1 && document.querySelector('#text').getBoundingClientRect().width > 150"
            )
        }
    }
}

/// The web chat's page, as a person uses it.
final class WebChat: Sendable {
    let browser: WebDriver
    private let lastAction = Mutex(ContinuousClock.now)

    init(browser: WebDriver) {
        self.browser = browser
    }

    /// Picks who you are in the "You are" list.
    func become(_ name: String) async throws {
        try await browser.waitFor(
            "\(name) in the list",
            "return [...document.querySelectorAll('#who option')].some(o => o.textContent.startsWith(\(WebDriver.quoted(name))))")
        try await browser.run(
            """
            const select = document.querySelector('#who');
            select.value = [...select.options].find(o => o.textContent.startsWith(arguments[0])).value;
            select.dispatchEvent(new Event('change'));
            """, [name])
        try await browser.waitFor(
            "\(name)'s chat", "return document.querySelector('#chat-title').textContent === 'Chat of ' + \(WebDriver.quoted(name))")
    }

    /// Types `text` and presses Send.
    func send(_ text: String) async throws {
        try await pace()
        let before = try await browser.run("return document.querySelectorAll('.message.user').length") as? Int ?? 0
        try await browser.type(text, into: "#text")
        try await browser.click("#send", startingWith: "Send")
        try await browser.waitFor("\(text) sent", "return document.querySelectorAll('.message.user').length > \(before)")
    }

    /// Presses the newest inline button whose label starts with `label`, and returns once the bot
    /// answered the press.
    func press(_ label: String) async throws {
        try await pace()
        let answered = try await browser.run("return Number(document.body.dataset.answeredPresses || 0)") as? Int ?? 0
        try await browser.click(".inline-button", startingWith: label)
        try await browser.waitFor("the answer to \(label)", "return Number(document.body.dataset.answeredPresses || 0) > \(answered)")
    }

    /// Waits until a person's pace since the last tap or message: the bot's flood control (3 a
    /// second after a burst of 10) ignores a user who goes faster, as this test otherwise would.
    private func pace() async throws {
        let wait = lastAction.withLock { last in
            let next = max(last + .milliseconds(400), ContinuousClock.now)
            defer { last = next }
            return ContinuousClock.now.duration(to: next)
        }
        if wait > .zero { try await Task.sleep(for: wait) }
    }

    /// Returns once the bot's newest message says `text`.
    func waitForBot(_ text: String) async throws {
        try await browser.waitFor(
            "the bot saying \(text)",
            "const all = document.querySelectorAll('.message.bot .text'); return all.length > 0 && all[all.length - 1].textContent.includes(\(WebDriver.quoted(text)))"
        )
    }

    /// The text of the newest code span (a key) starting with `prefix`, once one is shown.
    func code(startingWith prefix: String) async throws -> String {
        try await browser.waitFor(
            "a key starting with \(prefix)",
            "return [...document.querySelectorAll('.message.bot code')].map(c => c.textContent).reverse().find(t => t.startsWith(\(WebDriver.quoted(prefix)))) || ''"
        ) as? String ?? ""
    }
}
