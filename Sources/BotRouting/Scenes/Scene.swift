import TelegramBotAPI

/// One dialog as one type, in the spirit of aiogram 3's scenes: its own steps, its own draft of
/// what was typed so far, and what it does at Confirm. ``Scenes`` runs it: it stores where the
/// dialog stands (so it survives a restart), shows each step's question with ✖ Cancel, asks again
/// with the reason when input is refused, shows the summary with ✅ Confirm, and handles /cancel,
/// buttons of ended dialogs and updates handled again after a crash, the same for every scene.
///
/// ```swift
/// struct RenameProduct: Scene {
///     static let id = "rename_product"
///     enum Step: String, Codable, Sendable { case name }
///     struct Draft: Codable, Sendable { var productID: Int; var oldName: String; var newName = "" }
///
///     func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {
///         ScenePrompt("New name for <b>\(draft.oldName)</b>?")
///     }
///     func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {
///         guard let name = input.text, !name.isEmpty else { return .refuse("Send the name as text.") }
///         var draft = draft
///         draft.newName = name
///         return .summarize(draft)
///     }
///     func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary {
///         SceneSummary([SceneSummary.change("Name", from: draft.oldName, to: draft.newName)], question: "Rename it?")
///     }
///     func confirm(_ draft: Draft, _ context: HandlerContext) async throws { … }
///     func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws { … }
/// }
/// try await scenes.start(RenameProduct(), at: .name, with: draft, context)
/// ```
public protocol Scene: Sendable {
    /// A step that waits for one input. Stored while the dialog runs: keep its encoding stable
    /// once shipped (a step that no longer decodes ends the dialog, and the user is told).
    associatedtype Step: Codable & Sendable
    /// What the dialog has gathered so far; stored with the step.
    associatedtype Draft: Codable & Sendable

    /// Names the scene in stored state; unique among a bot's scenes, stable once shipped.
    static var id: String { get }

    /// Whether the sender may be in this dialog; asked again at every step, so a permission taken
    /// away ends a dialog at its next update. Nothing is changed when it says no.
    func allows(_ context: HandlerContext) async throws -> Bool

    /// The question of `step`, with the buttons that answer it.
    func prompt(for step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt

    /// What the answer to `step` does: another step, a refusal (the question asked again with the
    /// reason), the summary, or the end when the scene has shown its result itself.
    func receive(_ input: SceneInput, at step: Step, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self>

    /// What Confirm will do, shown before it.
    func summary(of draft: Draft, _ context: HandlerContext) async throws -> SceneSummary

    /// Does what the dialog asked, and shows the result. The dialog has already ended.
    func confirm(_ draft: Draft, _ context: HandlerContext) async throws

    /// Shows where the dialog was started from, with `note` ("Cancelled, nothing was changed").
    func leave(_ draft: Draft, _ context: HandlerContext, note: HTML) async throws

    /// After `step`'s question was shown (asked, or asked again): what else it needs, such as a
    /// reply keyboard, which Telegram shows only with a message of its own.
    func didAsk(_ step: Step, _ draft: Draft, _ context: HandlerContext) async throws
}

extension Scene {
    public func allows(_ context: HandlerContext) async throws -> Bool { true }
    public func didAsk(_ step: Step, _ draft: Draft, _ context: HandlerContext) async throws {}
}

/// A scene with nothing to ask, only a summary to confirm (a deletion), started with
/// ``Scenes/confirm(_:_:_:)``: `typealias Step = Never`, and no question to write.
extension Scene where Step == Never {
    public func prompt(for step: Never, _ draft: Draft, _ context: HandlerContext) async throws -> ScenePrompt {}
    public func receive(_ input: SceneInput, at step: Never, _ draft: Draft, _ context: HandlerContext) async throws -> SceneMove<Self> {}
}

/// An answer to a step: a message (text, a photo, a document, a shared user…) or one of the
/// step's buttons.
public enum SceneInput: Sendable {
    case message(Message)
    /// The ``ScenePrompt/Option/answer`` of the pressed button.
    case button(String)

    /// The message's text, if the input is a text message.
    public var text: String? {
        if case .message(let message) = self { message.text } else { nil }
    }

    /// The button's answer, if the input is a button.
    public var button: String? {
        if case .button(let answer) = self { answer } else { nil }
    }
}

/// Where a step's answer takes the dialog.
public enum SceneMove<S: Scene>: Sendable {
    /// On to `step`, with what the draft now holds.
    case ask(S.Step, S.Draft)
    /// Back to an earlier `step`, saying why (what was chosen leads nowhere).
    case back(S.Step, S.Draft, reason: HTML)
    /// The input is refused: the same question again, with the reason; nothing is stored.
    case refuse(HTML)
    /// The summary, and ✅ Confirm.
    case summarize(S.Draft)
    /// The dialog is over; the scene has shown what came of it (a search's result, say).
    case end
}
