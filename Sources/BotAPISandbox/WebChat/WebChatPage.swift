/// The web chat's page and style sheet, served from the binary (``WebChatRoutes``): plain HTML
/// and CSS, nothing fetched from anywhere else.
enum WebChatPage {
    static let html = ##"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Quantum Panel sandbox chat</title>
        <link rel="stylesheet" href="/webchat.css">
        <script src="/webchat.js" defer></script>
        </head>
        <body>
        <aside id="sidebar">
          <h1>Quantum Panel <small>sandbox</small></h1>
          <label for="who">You are</label>
          <select id="who"></select>
          <form id="new-customer">
            <label for="new-name">New customer</label>
            <input id="new-name" placeholder="First name" maxlength="64" autocomplete="off">
            <select id="new-language" aria-label="Language">
              <option value="en">English</option><option value="ru">Русский</option><option value="uk">Українська</option>
              <option value="de">Deutsch</option><option value="es">Español</option><option value="fr">Français</option>
            </select>
            <button type="submit">Add</button>
          </form>
          <button id="toggle-calls" type="button">Bot API calls</button>
        </aside>
        <main id="chat">
          <header><span id="chat-title">Chat</span><span id="blocked" hidden>you blocked the bot</span></header>
          <div id="messages" aria-live="polite"></div>
          <div id="reply-keyboard"></div>
          <div id="suggestions" hidden></div>
          <form id="composer">
            <button id="attach" type="button" title="Send a photo or a document">📎</button>
            <input id="file" type="file" hidden>
            <input id="text" placeholder="Message" autocomplete="off" maxlength="4096">
            <button id="send" type="submit">Send</button>
          </form>
        </main>
        <section id="calls-panel">
          <h2>Bot API calls</h2>
          <table id="calls"><thead><tr><th>time</th><th>method</th><th>status</th><th>took</th></tr></thead><tbody></tbody></table>
        </section>
        <div id="toast" hidden></div>
        <dialog id="alert"><p id="alert-text"></p><button id="alert-ok" type="button">OK</button></dialog>
        <dialog id="picker"><p>Choose users to share</p><div id="picker-list"></div><button id="picker-share" type="button">Share</button></dialog>
        </body>
        </html>
        """##

    static let css = ##"""
        * { box-sizing: border-box; }
        body { margin: 0; height: 100vh; display: flex; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f1419; background: #dfe7ee; }
        #sidebar { width: 240px; padding: 16px; background: #fff; border-right: 1px solid #d3dbe3; display: flex; flex-direction: column; gap: 8px; }
        #sidebar h1 { font-size: 17px; margin: 0 0 8px; }
        #sidebar small { color: #6b7a89; font-weight: normal; }
        #sidebar label { font-size: 12px; color: #6b7a89; text-transform: uppercase; letter-spacing: .04em; }
        #sidebar select, #sidebar input, #sidebar button { width: 100%; padding: 6px 8px; font: inherit; }
        #new-customer { display: flex; flex-direction: column; gap: 6px; margin-top: 12px; }
        #toggle-calls { margin-top: auto; }
        #chat { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #c9d8e4 linear-gradient(160deg, #cfe0c7, #b9d0e0); }
        #chat header { padding: 12px 16px; background: #fff; border-bottom: 1px solid #d3dbe3; font-weight: 600; display: flex; gap: 12px; }
        #blocked { color: #c0392b; font-weight: normal; }
        #messages { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 6px; }
        .message { max-width: min(480px, 85%); padding: 6px 10px 4px; border-radius: 12px; background: #fff; box-shadow: 0 1px 1px rgba(0,0,0,.12); overflow-wrap: anywhere; }
        .message.user { align-self: flex-end; background: #e2ffc7; }
        .message.bot { align-self: flex-start; }
        .message .text { white-space: pre-wrap; }
        .message .meta { font-size: 11px; color: #7b8a97; text-align: right; }
        .message .photo { display: block; max-width: 100%; border-radius: 8px; margin-bottom: 4px; }
        .message .document { display: block; margin-bottom: 4px; }
        .message .service { color: #4a6b3a; font-style: italic; }
        .message code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f0f3f6; padding: 0 3px; border-radius: 4px; }
        .message pre { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f0f3f6; padding: 6px 8px; border-radius: 6px; white-space: pre-wrap; margin: 4px 0; }
        .message blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #3390ec; background: #eef5fd; }
        .message a { color: #2a7ac0; }
        .spoiler { background: #8a969f; color: transparent; border-radius: 3px; cursor: pointer; }
        .spoiler.revealed { background: #e6e9ec; color: inherit; }
        .command { color: #2a7ac0; cursor: pointer; }
        .inline-keyboard { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
        .row { display: flex; gap: 4px; }
        .inline-button, .reply-button { flex: 1; padding: 7px 8px; border: 0; border-radius: 8px; background: #e9eef3; color: #1d6fb8; font: inherit; cursor: pointer; }
        .inline-button:hover, .reply-button:hover { background: #dbe4ec; }
        .invoice { border: 1px solid #d8e1e8; border-radius: 8px; padding: 8px; margin-bottom: 4px; }
        .invoice-title { font-weight: 600; }
        .invoice-description { color: #4f5d6a; margin-bottom: 6px; }
        .pay { width: 100%; padding: 8px; border: 0; border-radius: 8px; background: #3390ec; color: #fff; font: inherit; cursor: pointer; }
        #reply-keyboard { display: flex; flex-direction: column; gap: 4px; padding: 0 16px; }
        #reply-keyboard:not(:empty) { padding: 8px 16px; background: #f4f6f8; }
        #reply-keyboard .reply-button { background: #fff; color: #0f1419; }
        #suggestions { background: #fff; border-top: 1px solid #d3dbe3; max-height: 180px; overflow-y: auto; }
        .suggestion { display: block; width: 100%; text-align: left; padding: 6px 16px; border: 0; background: none; font: inherit; cursor: pointer; }
        .suggestion:hover { background: #eef3f7; }
        #composer { display: flex; gap: 8px; padding: 10px 16px; background: #fff; border-top: 1px solid #d3dbe3; }
        #composer input { flex: 1; min-width: 0; padding: 8px 10px; border: 1px solid #cdd6df; border-radius: 18px; font: inherit; }
        #composer button { border: 0; background: none; font: inherit; color: #3390ec; cursor: pointer; }
        #calls-panel { display: none; width: 340px; overflow-y: auto; background: #fff; border-left: 1px solid #d3dbe3; padding: 12px; }
        #calls-panel.open { display: block; }
        #calls-panel h2 { font-size: 15px; margin: 0 0 8px; }
        #calls { width: 100%; border-collapse: collapse; font-size: 12px; }
        #calls td, #calls th { padding: 3px 4px; text-align: left; border-bottom: 1px solid #eef1f4; }
        #calls tr.failed td { color: #c0392b; }
        #toast { position: fixed; left: 50%; bottom: 90px; transform: translateX(-50%); padding: 8px 14px; border-radius: 8px; background: rgba(20, 28, 36, .88); color: #fff; max-width: 80vw; }
        #toast.error { background: rgba(170, 40, 30, .92); }
        dialog { border: 0; border-radius: 12px; padding: 16px; max-width: 360px; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
        #picker-list label { display: block; padding: 4px 0; }
        @media (max-width: 720px) {
          body { flex-direction: column; height: auto; min-height: 100vh; }
          #sidebar { width: 100%; border-right: 0; border-bottom: 1px solid #d3dbe3; }
          #new-customer { flex-direction: row; flex-wrap: wrap; }
          #chat { min-height: 70vh; }
          #calls-panel { width: 100%; border-left: 0; }
        }
        """##
}
