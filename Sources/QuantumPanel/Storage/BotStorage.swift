import FluentKit

/// The tables the bot keeps for itself beside the shop's: its plumbing, not the shop's data.
public enum BotStorage {
    /// Every migration of the bot's own tables, in order. Never edit one that has shipped.
    public static let migrations: [any Migration] = [CreateUpdateInbox(), AddInboxOwner()]
}
