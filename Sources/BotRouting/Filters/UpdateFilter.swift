import TelegramBotAPI

/// A condition on an update, as a value: filters compose with `&&`, `||` and `!`.
///
/// ```swift
/// router.message(.command("start") && .chatType(.private)) { message, context in … }
/// router.message(.state(AddProduct.price) && .text(matching: #"^\d+([.,]\d{1,2})?$"#)) { … }
/// ```
public struct UpdateFilter: Sendable {
    private let check: @Sendable (HandlerContext) async -> Bool

    /// A filter from any predicate on the handler context.
    public init(_ check: @escaping @Sendable (HandlerContext) async -> Bool) {
        self.check = check
    }

    public func matches(_ context: HandlerContext) async -> Bool {
        await check(context)
    }

    /// Any predicate, for what the named filters don't cover.
    public static func predicate(_ check: @escaping @Sendable (HandlerContext) async -> Bool) -> UpdateFilter {
        UpdateFilter(check)
    }

    /// Always passes.
    public static let any = UpdateFilter { _ in true }

    public static func && (lhs: UpdateFilter, rhs: UpdateFilter) -> UpdateFilter {
        UpdateFilter { context in
            guard await lhs.matches(context) else { return false }
            return await rhs.matches(context)
        }
    }

    public static func || (lhs: UpdateFilter, rhs: UpdateFilter) -> UpdateFilter {
        UpdateFilter { context in
            if await lhs.matches(context) { return true }
            return await rhs.matches(context)
        }
    }

    public static prefix func ! (filter: UpdateFilter) -> UpdateFilter {
        UpdateFilter { await !filter.matches($0) }
    }
}

extension UpdateFilter {
    /// The message (or the message behind a button) the filter looks at.
    static func message(of context: HandlerContext) -> Message? {
        context.update.message ?? context.update.editedMessage ?? context.update.channelPost ?? context.update.editedChannelPost
    }

    /// A `/command` (any of `names`, case-insensitive), also `/command@thisbot`, with or without an argument.
    public static func command(_ names: String...) -> UpdateFilter {
        let wanted = Set(names.map { $0.lowercased() })
        return UpdateFilter { context in
            guard let command = message(of: context).flatMap(BotCommandText.init) else { return false }
            if let mention = command.mention, mention.lowercased() != context.botUsername?.lowercased() { return false }
            return wanted.contains(command.name)
        }
    }

    /// Message text equal to one of `texts` (reply-keyboard buttons send their label).
    public static func text(equals texts: String...) -> UpdateFilter {
        let wanted = Set(texts)
        return UpdateFilter { message(of: $0)?.text.map(wanted.contains) ?? false }
    }

    /// Message text matching a regular expression anywhere (use `^…$` for the whole text).
    public static func text(matching pattern: String) -> UpdateFilter {
        UpdateFilter { context in
            guard let text = message(of: context)?.text, let regex = try? Regex(pattern) else { return false }
            return text.contains(regex)
        }
    }

    /// Any message with text.
    public static let hasText = UpdateFilter { message(of: $0)?.text != nil }

    /// Messages carrying a kind of content.
    public static func contentType(_ types: ContentType...) -> UpdateFilter {
        UpdateFilter { context in
            guard let message = message(of: context) else { return false }
            return types.contains { $0.isPresent(in: message) }
        }
    }

    /// Updates from a kind of chat.
    public static func chatType(_ types: ChatType...) -> UpdateFilter {
        let wanted = Set(types.map(\.rawValue))
        return UpdateFilter { context in
            guard let type = context.update.chat?.type else { return false }
            return wanted.contains(type)
        }
    }

    /// A button press whose data unpacks as `type`; forged or foreign data doesn't match.
    public static func callbackData<Data: CallbackData>(_ type: Data.Type) -> UpdateFilter {
        UpdateFilter { Data.match($0.update.callbackQuery?.data) != nil }
    }

    /// The conversation is in one of `states`.
    public static func state<S: FSMState>(_ states: S...) -> UpdateFilter {
        let wanted = Set(states.map(\.qualifiedName))
        return UpdateFilter { context in
            guard let current = try? await context.fsm.currentState() else { return false }
            return wanted.contains(current)
        }
    }

    /// The conversation is in any state of the group `S`.
    public static func state<S: FSMState>(in group: S.Type) -> UpdateFilter {
        UpdateFilter { context in
            (try? await context.fsm.currentState())?.hasPrefix(S.group + ":") ?? false
        }
    }

    /// The conversation is in no flow.
    public static let noState = UpdateFilter { context in
        (try? await context.fsm.currentState()) == nil
    }
}

/// Kinds of message content, for ``UpdateFilter/contentType(_:)``.
public enum ContentType: Sendable {
    case text, photo, document, invoice, successfulPayment, refundedPayment, contact

    func isPresent(in message: Message) -> Bool {
        switch self {
        case .text: message.text != nil
        case .photo: message.photo?.isEmpty == false
        case .document: message.document != nil
        case .invoice: message.invoice != nil
        case .successfulPayment: message.successfulPayment != nil
        case .refundedPayment: message.refundedPayment != nil
        case .contact: message.contact != nil
        }
    }
}

/// Kinds of chat, as Telegram names them.
public enum ChatType: String, Sendable {
    case `private`, group, supergroup, channel
}
