import TelegramBotAPI

/// A step's question: HTML (the scene escapes what it inserts) and the buttons that answer it.
/// ``Scenes`` adds ✖ Cancel and ties the buttons to the dialog, so a button left on an older
/// dialog's message can't answer this one.
public struct ScenePrompt: Sendable {
    /// A button that answers the step with ``answer`` (``SceneInput/button(_:)``).
    public struct Option: Sendable, Equatable {
        public var title: String
        /// At most 40 bytes; `confirm` and `cancel` are the machine's.
        public var answer: String

        public init(_ title: String, answer: String) {
            self.title = title
            self.answer = answer
        }
    }

    public var text: String
    public var options: [Option]
    /// Options per row; the last size repeats, as ``InlineKeyboardBuilder/adjust(_:)``.
    public var layout: [Int]

    public init(_ text: String, options: [Option] = [], layout: [Int] = [1]) {
        self.text = text
        self.options = options
        self.layout = layout
    }
}

/// What Confirm will do: a line per change (``change(_:from:to:)``) and a question.
public struct SceneSummary: Sendable, Equatable {
    /// HTML lines.
    public var lines: [String]
    /// Asked after the lines (HTML): "Delete <b>Netflix</b>?".
    public var question: String?
    /// Sent as a message of its own rather than in place of the question: below something the
    /// scene sent first (a preview).
    public var isNewMessage: Bool

    public init(_ lines: [String] = [], question: String? = nil, isNewMessage: Bool = false) {
        self.lines = lines
        self.question = question
        self.isNewMessage = isNewMessage
    }

    /// `field: before → <b>after</b>`; the parts are HTML.
    public static func change(_ field: String, from before: String, to after: String) -> String {
        "\(field): \(before) → <b>\(after)</b>"
    }

    /// The lines, then the question after a blank line: ``Scenes``' default layout.
    public static let plainText: @Sendable (SceneSummary, HandlerContext) -> String = { summary, _ in
        ([summary.lines.joined(separator: "\n")].filter { !$0.isEmpty } + [summary.question].compactMap { $0 }).joined(separator: "\n\n")
    }
}
