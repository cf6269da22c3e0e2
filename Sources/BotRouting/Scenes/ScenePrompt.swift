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

    public var text: HTML
    public var options: [Option]
    /// Options per row; the last size repeats, as ``InlineKeyboardBuilder/adjust(_:)``.
    public var layout: [Int]

    public init(_ text: HTML, options: [Option] = [], layout: [Int] = [1]) {
        self.text = text
        self.options = options
        self.layout = layout
    }
}

/// What Confirm will do: a line per change (``change(_:from:to:)``) and a question.
public struct SceneSummary: Sendable, Equatable {
    public var lines: [HTML]
    /// Asked after the lines: "Delete <b>Netflix</b>?".
    public var question: HTML?
    /// Sent as a message of its own rather than in place of the question: below something the
    /// scene sent first (a preview).
    public var isNewMessage: Bool

    public init(_ lines: [HTML] = [], question: HTML? = nil, isNewMessage: Bool = false) {
        self.lines = lines
        self.question = question
        self.isNewMessage = isNewMessage
    }

    /// `field: before → <b>after</b>`.
    public static func change(_ field: String, from before: HTML, to after: HTML) -> HTML {
        "\(field): \(before) → <b>\(after)</b>"
    }

    /// `field: before → <b>after</b>`, the values shown as typed.
    public static func change(_ field: String, from before: String, to after: String) -> HTML {
        "\(field): \(before) → <b>\(after)</b>"
    }

    /// The lines, then the question after a blank line: ``Scenes``' default layout.
    public static let plainText: @Sendable (SceneSummary, HandlerContext) -> HTML = { summary, _ in
        ([summary.lines.joined(separator: "\n")].filter { !$0.isEmpty } + [summary.question].compactMap { $0 }).joined(separator: "\n\n")
    }
}
