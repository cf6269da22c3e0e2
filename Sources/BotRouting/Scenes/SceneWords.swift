/// What ``Scenes`` itself says, in the user's language. HTML-safe plain text.
public protocol SceneWords: Sendable {
    /// After /cancel or ✖ Cancel.
    var cancelled: String { get }
    /// A button of a dialog that ended (cancelled, confirmed, or replaced by another), or a
    /// dialog this version can no longer read.
    var dialogEnded: String { get }
    /// Anything but the buttons while the summary waits for Confirm.
    var pressConfirm: HTML { get }
    /// The sender may not be in this dialog (any more).
    var notAllowed: String { get }
    var confirmButton: String { get }
    var cancelButton: String { get }
}

/// The machine's words in English.
public struct EnglishSceneWords: SceneWords {
    public init() {}
    public var cancelled: String { "Cancelled: nothing was changed." }
    public var dialogEnded: String { "That dialog has ended; nothing was changed." }
    public var pressConfirm: HTML { "Press ✅ Confirm to go ahead, or ✖ Cancel." }
    public var notAllowed: String { "You may not do this; nothing was changed." }
    public var confirmButton: String { "✅ Confirm" }
    public var cancelButton: String { "✖ Cancel" }
}
