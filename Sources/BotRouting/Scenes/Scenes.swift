import Logging
import Synchronization
import TelegramBotAPI

/// Runs the dialogs of ``Scene`` types: register each scene, include ``makeRouter()`` before the
/// handlers that answer outside dialogs, and ``start(_:at:with:_:)`` a scene from a button or a
/// command. What every dialog needs is done here, once:
///
/// - each step's question with its buttons and ✖ Cancel; the summary with ✅ Confirm;
/// - /cancel and ✖ Cancel at any step: the scene's ``Scene/leave(_:_:note:)`` with "nothing was
///   changed";
/// - refused input: the question again, with the reason;
/// - a button of a dialog that ended or was replaced: "That dialog has ended", and the dialog in
///   progress (if any) goes on untouched;
/// - a stored dialog this version can't read (an unknown scene, a step that no longer decodes, a
///   retired state group): the user is told it ended and nothing was changed;
/// - an update handled again after a crash, whose answer the dialog already took, changes nothing;
/// - ``Scene/allows(_:)`` at every step.
///
/// The dialog is stored in the conversation state (the database or Redis in production), so it
/// goes on after a restart from the old message's buttons.
public final class Scenes: Sendable {
    /// Shows a question or a summary: the pressed button's message edited, or a new message.
    public typealias Show = @Sendable (_ context: HandlerContext, _ text: HTML, _ keyboard: InlineKeyboardMarkup) async throws -> Void
    /// Shows where a user lands when a dialog ended without its scene (with the note saying so).
    public typealias Ended = @Sendable (_ context: HandlerContext, _ note: String) async throws -> Void

    private let scenes = Mutex<[String: ErasedScene]>([:])
    private let words: @Sendable (HandlerContext) -> any SceneWords
    private let passThrough: UpdateFilter
    private let retiredGroups: Set<String>
    private let show: Show
    private let summaryText: @Sendable (SceneSummary, HandlerContext) -> HTML
    private let ended: Ended

    /// - Parameters:
    ///   - words: the machine's words in the sender's language.
    ///   - passThrough: messages a dialog lets through to other handlers (`/start`, say).
    ///   - retiredGroups: ``FSMState/group``s of dialogs an earlier version stored; one met ends
    ///     with ``SceneWords/dialogEnded``.
    ///   - show: how a question or a summary is shown.
    ///   - summaryText: how a summary is laid out, in the bot's style.
    ///   - ended: where the user lands after a dialog ended without its scene.
    public init(
        words: @escaping @Sendable (HandlerContext) -> any SceneWords = { _ in EnglishSceneWords() }, passThrough: UpdateFilter = .command("start"),
        retiredGroups: Set<String> = [], show: @escaping Show = Scenes.editOrAnswer,
        summaryText: @escaping @Sendable (SceneSummary, HandlerContext) -> HTML = SceneSummary.plainText, ended: @escaping Ended
    ) {
        self.words = words
        self.passThrough = passThrough
        self.retiredGroups = retiredGroups
        self.show = show
        self.summaryText = summaryText
        self.ended = ended
    }

    /// Makes `scene` answer the dialogs stored under its ``Scene/id``.
    public func register<S: Scene>(_ scene: S) {
        scenes.withLock { scenes in
            precondition(scenes[S.id] == nil, "two scenes named \(S.id)")
            scenes[S.id] = ErasedScene { machine, event, context in try await machine.handle(event, in: scene, context) }
        }
    }

    /// Starts `scene` at `step` (replacing any dialog in progress) and asks its question.
    public func start<S: Scene>(_ scene: S, at step: S.Step, with draft: S.Draft, _ context: HandlerContext) async throws {
        guard try await scene.allows(context) else { return try await refuse(context) }
        let record = SceneRecord<S>(step: step, draft: draft, dialog: Int.random(in: 1...999_999_999), movedBy: context.update.updateID)
        try await store(record, context)
        try await ask(scene, record, reason: nil, context)
    }

    /// Starts `scene` at its summary: a dialog with nothing to ask, only to confirm (a deletion).
    public func confirm<S: Scene>(_ scene: S, _ draft: S.Draft, _ context: HandlerContext) async throws {
        guard try await scene.allows(context) else { return try await refuse(context) }
        let record = SceneRecord<S>(step: nil, draft: draft, dialog: Int.random(in: 1...999_999_999), movedBy: context.update.updateID)
        try await store(record, context)
        try await summarize(scene, record, reason: nil, context)
    }

    /// The dialog of `scene` the user is in: its step (nil at the summary) and draft; nil when
    /// they are in none of that scene.
    public func current<S: Scene>(_ scene: S.Type, _ context: HandlerContext) async throws -> (step: S.Step?, draft: S.Draft)? {
        guard try await context.fsm.currentState() == SceneStorage.statePrefix + S.id,
            let record = try await context.fsm.value(SceneRecord<S>.self, for: SceneStorage.dataName)
        else { return nil }
        return (record.step, record.draft)
    }

    /// Whether the user is in a dialog this machine answers (or has to end).
    public var inDialog: UpdateFilter {
        let retiredGroups = retiredGroups
        return .predicate { context in
            guard let name = try? await context.fsm.currentState() else { return false }
            return name.hasPrefix(SceneStorage.statePrefix) || retiredGroups.contains(String(name.prefix { $0 != ":" }))
        }
    }

    /// Answers every update of a dialog: its input, its buttons, /cancel; and the buttons of
    /// dialogs that ended. Include it before the handlers that answer outside dialogs.
    public func makeRouter() -> Router {
        let router = Router(name: "scenes")
        let inDialog = inDialog
        router.message(.command("cancel") && inDialog) { _, context in try await self.dispatch(.cancel(dialog: nil), context) }
        router.callbackQuery(.predicate { $0.update.callbackQuery?.data == CancelFlow.callbackData } && inDialog) { _, context in
            try await self.dispatch(.cancel(dialog: nil), context)
        }
        router.message(inDialog && !passThrough) { message, context in try await self.dispatch(.message(message), context) }
        router.callbackQuery(SceneCallback.self, inDialog) { press, _, context in
            try await self.dispatch(
                press.answer == SceneCallback.cancel ? .cancel(dialog: press.dialog) : .button(dialog: press.dialog, answer: press.answer), context)
        }
        router.callbackQuery(SceneCallback.self) { _, _, context in try await self.endedWithoutScene(context) }
        return router
    }

    /// Sends an event to the stored dialog's scene, or ends a dialog no scene can read.
    private func dispatch(_ event: SceneEvent, _ context: HandlerContext) async throws {
        let name = try await context.fsm.currentState() ?? ""
        let id = name.hasPrefix(SceneStorage.statePrefix) ? String(name.dropFirst(SceneStorage.statePrefix.count)) : nil
        guard let scene = id.flatMap({ id in scenes.withLock { $0[id] } }) else {
            context.logger.notice("A dialog this version doesn't know ended", metadata: ["state": "\(name)"])
            try await context.fsm.clear()
            return try await endedWithoutScene(context)
        }
        try await scene.handle(self, event, context)
    }

    private func handle<S: Scene>(_ event: SceneEvent, in scene: S, _ context: HandlerContext) async throws {
        guard let record = try await context.fsm.value(SceneRecord<S>.self, for: SceneStorage.dataName) else {
            context.logger.notice("A dialog whose data this version can't read ended", metadata: ["scene": "\(S.id)"])
            try await context.fsm.clear()
            return try await endedWithoutScene(context)
        }
        if case .button(let dialog, _) = event, dialog != record.dialog { return try await endedWithoutScene(context) }
        if case .cancel(let dialog?) = event, dialog != record.dialog { return try await endedWithoutScene(context) }
        guard context.update.updateID > record.movedBy else {
            context.logger.notice(
                "A dialog's answer handled again after a restart; it was already taken", metadata: ["update.id": "\(context.update.updateID)"])
            return try await context.answerCallback(nil)
        }
        guard try await scene.allows(context) else {
            try await context.fsm.clear()
            return try await refuse(context)
        }
        let words = words(context)
        switch (event, record.step) {
        case (.cancel, _):
            try await context.fsm.clear()
            try await context.answerCallback(words.cancelled)
            try await scene.leave(record.draft, context, note: HTML(text: words.cancelled))
        case (.button(_, SceneCallback.confirm), nil):
            try await context.fsm.clear()
            try await context.answerCallback(nil)
            try await scene.confirm(record.draft, context)
        case (_, nil):
            try await context.answerCallback(nil)
            try await summarize(scene, record, reason: words.pressConfirm, context)
        case (.message(let message), let step?):
            try await apply(try await scene.receive(.message(message), at: step, record.draft, context), to: record, of: scene, context)
        case (.button(_, let answer), let step?):
            try await context.answerCallback(nil)
            try await apply(try await scene.receive(.button(answer), at: step, record.draft, context), to: record, of: scene, context)
        }
    }

    private func apply<S: Scene>(_ move: SceneMove<S>, to record: SceneRecord<S>, of scene: S, _ context: HandlerContext) async throws {
        var record = record
        record.movedBy = context.update.updateID
        switch move {
        case .ask(let step, let draft):
            record.step = step
            record.draft = draft
            try await store(record, context)
            try await ask(scene, record, reason: nil, context)
        case .back(let step, let draft, let reason):
            record.step = step
            record.draft = draft
            try await store(record, context)
            try await ask(scene, record, reason: reason, context)
        case .refuse(let reason):
            // Nothing stored: the question stands.
            try await ask(scene, record, reason: reason, context)
        case .summarize(let draft):
            record.step = nil
            record.draft = draft
            try await store(record, context)
            try await summarize(scene, record, reason: nil, context)
        case .end:
            try await context.fsm.clear()
        }
    }

    private func store<S: Scene>(_ record: SceneRecord<S>, _ context: HandlerContext) async throws {
        try await context.fsm.replace(data: [SceneStorage.dataName: record], state: SceneStorage.statePrefix + S.id)
    }

    private func ask<S: Scene>(_ scene: S, _ record: SceneRecord<S>, reason: HTML?, _ context: HandlerContext) async throws {
        guard let step = record.step else { return }
        let prompt = try await scene.prompt(for: step, record.draft, context)
        var keyboard = InlineKeyboardBuilder()
        for option in prompt.options {
            try keyboard.button(option.title, data: SceneCallback(dialog: record.dialog, answer: option.answer))
        }
        keyboard.adjust(prompt.layout)
        keyboard.row(try cancelButton(record.dialog, context))
        try await show(context, Self.noted(prompt.text, reason), keyboard.markup)
        try await scene.didAsk(step, record.draft, context)
    }

    private func summarize<S: Scene>(_ scene: S, _ record: SceneRecord<S>, reason: HTML?, _ context: HandlerContext) async throws {
        let summary = try await scene.summary(of: record.draft, context)
        let text = Self.noted(summaryText(summary, context), reason)
        let confirm = InlineKeyboardButton(
            text: words(context).confirmButton, callbackData: try SceneCallback(dialog: record.dialog, answer: SceneCallback.confirm).pack())
        let keyboard = InlineKeyboardMarkup(inlineKeyboard: [[confirm], [try cancelButton(record.dialog, context)]])
        guard !summary.isNewMessage else { return try await context.reply(text, replyMarkup: .inlineKeyboard(keyboard)) }
        try await show(context, text, keyboard)
    }

    private func cancelButton(_ dialog: Int, _ context: HandlerContext) throws -> InlineKeyboardButton {
        InlineKeyboardButton(text: words(context).cancelButton, callbackData: try SceneCallback(dialog: dialog, answer: SceneCallback.cancel).pack())
    }

    /// A button of a dialog that is over: whether it wrote anything is not known here, so the
    /// note says only that it ended.
    private func endedWithoutScene(_ context: HandlerContext) async throws {
        let note = words(context).dialogEnded
        try await context.answerCallback(note)
        try await ended(context, note)
    }

    private func refuse(_ context: HandlerContext) async throws {
        let note = words(context).notAllowed
        try await context.answerCallback(note, showAlert: true)
        try await ended(context, note)
    }

    private static func noted(_ text: HTML, _ reason: HTML?) -> HTML {
        reason.map { "⚠️ \($0)\n\n\(text)" } ?? text
    }

    /// The default ``Show``: edits the pressed button's message, or sends a new one.
    public static let editOrAnswer: Show = { context, text, keyboard in
        try await context.editMessage(text, replyMarkup: keyboard)
    }
}

/// What reached a dialog.
enum SceneEvent: Sendable {
    case message(Message)
    case button(dialog: Int, answer: String)
    /// /cancel (no dialog) or a dialog's ✖ Cancel.
    case cancel(dialog: Int?)
}

/// A registered scene with its type erased.
struct ErasedScene: Sendable {
    let handle: @Sendable (Scenes, SceneEvent, HandlerContext) async throws -> Void
}
