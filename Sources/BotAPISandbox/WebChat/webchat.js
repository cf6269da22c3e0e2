// The sandbox's web chat: a Telegram-like chat with the bot, driven through the control API.
// Everything the bot sends is put in the page as text nodes or checked attributes, never as HTML.
"use strict";

const state = { users: [], userID: null, events: null, view: null, drawn: new Map(), commands: [], pendingPresses: new Set() };
const $ = (selector) => document.querySelector(selector);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function call(method, path, body) {
  const options = { method };
  if (body instanceof FormData) options.body = body;
  else if (body !== undefined) { options.body = JSON.stringify(body); options.headers = { "Content-Type": "application/json" }; }
  const response = await fetch(path, options);
  const answer = await response.json();
  if (!answer.ok) throw new Error(answer.description || "the sandbox refused");
  return answer.result;
}

function report(error) { toast(String(error.message || error), true); }

// MARK: who you are

async function loadUsers(selectID) {
  state.users = await call("GET", "/sandbox/users");
  const select = $("#who");
  select.replaceChildren();
  for (const user of state.users) {
    const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
    const option = element("option", null, user.username ? `${name} (@${user.username})` : name);
    option.value = String(user.id);
    select.append(option);
  }
  const remembered = Number(localStorage.getItem("webchat.user"));
  const wanted = selectID || (state.users.some((user) => user.id === remembered) ? remembered : state.users[0] && state.users[0].id);
  if (wanted) { select.value = String(wanted); switchTo(Number(wanted)); }
}

function switchTo(userID) {
  state.userID = userID;
  state.view = null;
  state.drawn = new Map();
  state.pendingPresses.clear();
  localStorage.setItem("webchat.user", String(userID));
  const user = state.users.find((candidate) => candidate.id === userID);
  $("#chat-title").textContent = user ? `Chat of ${user.first_name}` : "Chat";
  $("#messages").replaceChildren();
  if (state.events) state.events.close();
  state.events = new EventSource(`/sandbox/users/${userID}/events`);
  state.events.addEventListener("chat", (event) => {
    if (userID !== state.userID) return;
    render(JSON.parse(event.data));
    loadCalls();
  });
}

async function createCustomer(event) {
  event.preventDefault();
  const name = $("#new-name").value.trim();
  if (!name) return;
  try {
    const user = await call("POST", "/sandbox/users", { first_name: name, language_code: $("#new-language").value });
    $("#new-name").value = "";
    await loadUsers(user.id);
  } catch (error) { report(error); }
}

// MARK: the chat

function render(view) {
  // The chat's event stream brings every view, the user's own messages too; a view older than
  // the one drawn (a client that also fetches /chat can get one late) is never drawn over it.
  if (state.view && view.revision < state.view.revision) return;
  const list = $("#messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  state.view = view;
  // Only a message that changed is drawn again: the others keep their nodes (a revealed
  // spoiler, a loaded photo, a button about to be clicked).
  const drawn = new Map();
  const nodes = view.messages.map((message) => {
    const json = JSON.stringify(message);
    const kept = state.drawn.get(message.message_id);
    const entry = kept && kept.json === json ? kept : { json, node: renderMessage(message) };
    drawn.set(message.message_id, entry);
    return entry.node;
  });
  state.drawn = drawn;
  list.replaceChildren(...nodes);
  renderReplyKeyboard(view.reply_keyboard);
  $("#blocked").hidden = !view.is_blocked;
  showAnswers();
  if (atBottom || list.dataset.userID !== String(state.userID)) list.scrollTop = list.scrollHeight;
  list.dataset.userID = String(state.userID);
}

// The bot's answer to a press of this page's, once: a toast, an alert or a link. The answer may
// come before or after the press's own request returns, so both ends look.
function showAnswers() {
  const answers = (state.view && state.view.callback_answers) || {};
  for (const id of [...state.pendingPresses]) {
    const answer = answers[id];
    if (!answer) continue;
    state.pendingPresses.delete(id);
    // What the last answered press got, on the page for whoever drives it (a test waits on it).
    document.body.dataset.answeredPresses = String(Number(document.body.dataset.answeredPresses || 0) + 1);
    document.body.dataset.lastAnswer = answer.text || "";
    if (answer.show_alert && answer.text) showAlert(answer.text);
    else if (answer.text) toast(answer.text, false);
    if (answer.url) window.open(answer.url, "_blank", "noopener");
  }
}

function renderMessage(message) {
  const fromBot = message.from && message.from.is_bot;
  const bubble = element("div", `message ${fromBot ? "bot" : "user"}`);
  bubble.dataset.messageId = String(message.message_id);
  if (message.photo && message.photo.length) {
    const largest = message.photo[message.photo.length - 1];
    const image = element("img", "photo");
    image.alt = "photo";
    image.src = `/sandbox/files/${encodeURIComponent(largest.file_id)}`;
    bubble.append(image);
  }
  if (message.document) {
    const link = element("a", "document", `📄 ${message.document.file_name || "document"}`);
    link.href = `/sandbox/files/${encodeURIComponent(message.document.file_id)}`;
    link.download = message.document.file_name || "document";
    bubble.append(link);
  }
  if (message.invoice) bubble.append(renderInvoice(message));
  if (message.successful_payment) {
    const payment = message.successful_payment;
    bubble.append(element("div", "service", `✅ Paid ${formatAmount(payment.total_amount, payment.currency)}`));
  }
  if (message.refunded_payment) {
    const refund = message.refunded_payment;
    bubble.append(element("div", "service", `↩️ Refunded ${formatAmount(refund.total_amount, refund.currency)}`));
  }
  const text = message.text !== undefined ? message.text : message.caption;
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  if (text !== undefined) {
    const body = element("div", "text");
    body.append(...renderEntities(text, entities || []));
    bubble.append(body);
  }
  if (message.users_shared) bubble.append(element("div", "service", `👤 Shared ${message.users_shared.users.length} user(s)`));
  const meta = element("div", "meta", `${message.edit_date ? "edited " : ""}${formatTime(message.edit_date || message.date)}`);
  bubble.append(meta);
  const keyboard = message.reply_markup && message.reply_markup.inline_keyboard;
  if (keyboard) bubble.append(renderInlineKeyboard(keyboard, message.message_id));
  return bubble;
}

// Telegram's entities, nested as a client nests them; offsets and lengths count UTF-16 code
// units, as JavaScript strings do.
function renderEntities(text, entities) {
  const sorted = entities.slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  function build(start, end, inside) {
    const nodes = [];
    let position = start;
    let index = 0;
    while (index < inside.length) {
      const entity = inside[index];
      const entityEnd = entity.offset + entity.length;
      const children = [];
      let next = index + 1;
      while (next < inside.length && inside[next].offset < entityEnd) { children.push(inside[next]); next += 1; }
      if (entity.offset > position) nodes.push(document.createTextNode(text.slice(position, entity.offset)));
      const node = entityNode(entity, text.slice(entity.offset, entityEnd));
      node.append(...build(entity.offset, Math.min(entityEnd, end), children));
      nodes.push(node);
      position = Math.max(position, entityEnd);
      index = next;
    }
    if (position < end) nodes.push(document.createTextNode(text.slice(position, end)));
    return nodes;
  }
  return build(0, text.length, sorted);
}

function entityNode(entity, content) {
  switch (entity.type) {
    case "bold": return element("b");
    case "italic": return element("i");
    case "underline": return element("u");
    case "strikethrough": return element("s");
    case "spoiler": {
      const spoiler = element("span", "spoiler");
      spoiler.addEventListener("click", () => spoiler.classList.add("revealed"));
      return spoiler;
    }
    case "code": return element("code");
    case "pre": return element("pre");
    case "blockquote": return element("blockquote");
    case "expandable_blockquote": return element("blockquote", "expandable");
    case "text_link": return link(entity.url);
    case "url": return link(/^[a-z][a-z0-9+.-]*:/i.test(content) ? content : `https://${content}`);
    case "bot_command": {
      const command = element("span", "command");
      command.addEventListener("click", () => sendText(content));
      return command;
    }
    default: return element("span", `entity-${entity.type.replace(/[^a-z_]/g, "")}`);
  }
}

// Only web and Telegram links: a javascript: URL from the bot must never run.
function link(url) {
  const anchor = element("a");
  if (/^(https?|tg):/i.test(url || "")) { anchor.href = url; anchor.target = "_blank"; anchor.rel = "noopener noreferrer"; }
  return anchor;
}

function renderInlineKeyboard(rows, messageID) {
  const keyboard = element("div", "inline-keyboard");
  for (const row of rows) {
    const line = element("div", "row");
    for (const button of row) {
      const node = element("button", "inline-button", button.text);
      if (button.url) node.addEventListener("click", () => { const target = link(button.url); if (target.href) window.open(target.href, "_blank", "noopener"); });
      else if (button.callback_data !== undefined) node.addEventListener("click", () => press(button.callback_data, messageID));
      else node.disabled = true;
      line.append(node);
    }
    keyboard.append(line);
  }
  return keyboard;
}

function renderInvoice(message) {
  const invoice = message.invoice;
  const card = element("div", "invoice");
  card.append(element("div", "invoice-title", invoice.title), element("div", "invoice-description", invoice.description));
  const pay = element("button", "pay", `Pay ${formatAmount(invoice.total_amount, invoice.currency)}`);
  pay.addEventListener("click", async () => {
    pay.disabled = true;
    try {
      const outcome = await call("POST", `/sandbox/users/${state.userID}/pay`, { message_id: message.message_id });
      toast(outcome.outcome === "paid" ? "Paid in test Stars" : `Payment ${outcome.outcome.replace("_", " ")}${outcome.error_message ? `: ${outcome.error_message}` : ""}`, outcome.outcome !== "paid");
    } catch (error) { report(error); } finally { pay.disabled = false; }
  });
  card.append(pay);
  return card;
}

function renderReplyKeyboard(markup) {
  const area = $("#reply-keyboard");
  area.replaceChildren();
  if (!markup) return;
  for (const row of markup.keyboard) {
    const line = element("div", "row");
    for (const button of row) {
      const node = element("button", "reply-button", button.text);
      if (button.request_users) node.addEventListener("click", () => pickUsers(button.request_users));
      else node.addEventListener("click", () => sendText(button.text));
      line.append(node);
    }
    area.append(line);
  }
}

// A request_users button: the user picks among the sandbox's other users.
function pickUsers(request) {
  const dialog = $("#picker");
  const list = $("#picker-list");
  list.replaceChildren();
  for (const user of state.users.filter((candidate) => candidate.id !== state.userID && !candidate.is_bot)) {
    const label = element("label");
    const box = element("input");
    box.type = request.max_quantity > 1 ? "checkbox" : "radio";
    box.name = "picked";
    box.value = String(user.id);
    label.append(box, document.createTextNode(` ${user.first_name}${user.username ? ` (@${user.username})` : ""}`));
    list.append(label);
  }
  $("#picker-share").onclick = async () => {
    const picked = [...list.querySelectorAll("input:checked")].map((box) => Number(box.value));
    dialog.close();
    if (!picked.length) return;
    try { await call("POST", `/sandbox/users/${state.userID}/share`, { request_id: request.request_id, user_ids: picked }); } catch (error) { report(error); }
  };
  dialog.showModal();
}

// MARK: what you do

async function sendText(text) {
  if (!text || !state.userID) return;
  try { await call("POST", `/sandbox/users/${state.userID}/text`, { text }); } catch (error) { report(error); }
}

async function press(data, messageID) {
  try {
    const answer = await call("POST", `/sandbox/users/${state.userID}/press`, { callback_data: data, message_id: messageID });
    state.pendingPresses.add(answer.callback_query_id);
    showAnswers();
  } catch (error) { report(error); }
}

async function upload(file) {
  const form = new FormData();
  const isPhoto = /^image\/(jpeg|png|gif|webp)$/.test(file.type);
  form.append(isPhoto ? "photo" : "document", file, file.name);
  try { await call("POST", `/sandbox/users/${state.userID}/${isPhoto ? "photo" : "document"}`, form); } catch (error) { report(error); }
}

async function suggestCommands() {
  const text = $("#text").value;
  // The bot sets its commands once it runs: read them when first wanted.
  if (text === "/" && state.commands.length === 0) {
    try { state.commands = await call("GET", "/sandbox/commands"); } catch (error) { state.commands = []; }
  }
  const box = $("#suggestions");
  box.replaceChildren();
  if (!text.startsWith("/") || text.includes(" ")) { box.hidden = true; return; }
  const matches = state.commands.filter((command) => `/${command.command}`.startsWith(text));
  for (const command of matches) {
    const item = element("button", "suggestion");
    item.type = "button";
    item.append(element("b", null, `/${command.command}`), document.createTextNode(` ${command.description}`));
    item.addEventListener("click", () => { $("#text").value = ""; box.hidden = true; sendText(`/${command.command}`); });
    box.append(item);
  }
  box.hidden = matches.length === 0;
}

// MARK: the Bot API calls panel

async function loadCalls() {
  try {
    const calls = await call("GET", "/sandbox/calls?limit=40");
    const rows = calls.reverse().map((recorded) => {
      const row = element("tr", recorded.status === 200 ? "" : "failed");
      row.append(element("td", null, formatTime(recorded.receivedAt)), element("td", null, recorded.method), element("td", null, String(recorded.status)), element("td", null, `${(recorded.duration * 1000).toFixed(1)} ms`));
      row.title = recorded.parameters;
      return row;
    });
    $("#calls tbody").replaceChildren(...rows);
  } catch (error) { /* the panel waits for the next change */ }
}

// MARK: small things

function formatTime(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function formatAmount(amount, currency) {
  return currency === "XTR" ? `⭐ ${amount}` : `${(amount / 100).toFixed(2)} ${currency}`;
}

function toast(text, isError) {
  const node = $("#toast");
  node.textContent = text;
  node.className = isError ? "error" : "";
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { node.hidden = true; }, 3000);
}

function showAlert(text) {
  $("#alert-text").textContent = text;
  $("#alert").showModal();
}

window.addEventListener("DOMContentLoaded", async () => {
  $("#who").addEventListener("change", (event) => switchTo(Number(event.target.value)));
  $("#new-customer").addEventListener("submit", createCustomer);
  $("#composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("#text").value.trim();
    $("#text").value = "";
    $("#suggestions").hidden = true;
    sendText(text);
  });
  $("#text").addEventListener("input", suggestCommands);
  $("#attach").addEventListener("click", () => $("#file").click());
  $("#file").addEventListener("change", (event) => { for (const file of event.target.files) upload(file); event.target.value = ""; });
  $("#alert-ok").addEventListener("click", () => $("#alert").close());
  $("#toggle-calls").addEventListener("click", () => { $("#calls-panel").classList.toggle("open"); });
  try { await loadUsers(); } catch (error) { report(error); }
});
