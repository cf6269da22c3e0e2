extension Update {
    /// What an update is about, for routing.
    public enum Kind: Hashable, Sendable {
        case message(Message)
        case editedMessage(Message)
        case channelPost(Message)
        case editedChannelPost(Message)
        case callbackQuery(CallbackQuery)
        case preCheckoutQuery(PreCheckoutQuery)
        case myChatMember(ChatMemberUpdated)
        case chatMember(ChatMemberUpdated)
        /// A kind this version of the bot does not know; the update is still acknowledged.
        case unknown

        /// The field name Telegram uses for this kind, as `allowed_updates` lists it.
        public var name: String {
            switch self {
            case .message: "message"
            case .editedMessage: "edited_message"
            case .channelPost: "channel_post"
            case .editedChannelPost: "edited_channel_post"
            case .callbackQuery: "callback_query"
            case .preCheckoutQuery: "pre_checkout_query"
            case .myChatMember: "my_chat_member"
            case .chatMember: "chat_member"
            case .unknown: "unknown"
            }
        }
    }

    /// The one kind of content this update carries.
    public var kind: Kind {
        if let message { return .message(message) }
        if let editedMessage { return .editedMessage(editedMessage) }
        if let channelPost { return .channelPost(channelPost) }
        if let editedChannelPost { return .editedChannelPost(editedChannelPost) }
        if let callbackQuery { return .callbackQuery(callbackQuery) }
        if let preCheckoutQuery { return .preCheckoutQuery(preCheckoutQuery) }
        if let myChatMember { return .myChatMember(myChatMember) }
        if let chatMember { return .chatMember(chatMember) }
        return .unknown
    }

    /// The user the update comes from, when there is one.
    public var sender: User? {
        switch kind {
        case .message(let message), .editedMessage(let message), .channelPost(let message), .editedChannelPost(let message):
            message.from
        case .callbackQuery(let query): query.from
        case .preCheckoutQuery(let query): query.from
        case .myChatMember(let change), .chatMember(let change): change.from
        case .unknown: nil
        }
    }

    /// The chat the update belongs to, when there is one.
    public var chat: Chat? {
        switch kind {
        case .message(let message), .editedMessage(let message), .channelPost(let message), .editedChannelPost(let message):
            message.chat
        case .callbackQuery(let query): query.message?.chat
        case .preCheckoutQuery: nil
        case .myChatMember(let change), .chatMember(let change): change.chat
        case .unknown: nil
        }
    }
}
