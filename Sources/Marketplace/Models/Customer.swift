import FluentKit
import Foundation

/// A Telegram user of the shop. Its balance changes only through ``LedgerService``.
// Fluent models are reference types with property wrappers; an instance stays inside the service that loaded it.
public final class Customer: Model, @unchecked Sendable {
    public static let schema = "customers"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "telegram_id") public var telegramID: Int64
    @OptionalField(key: "username") public var username: String?
    @Field(key: "first_name") public var firstName: String
    @OptionalField(key: "language_code") public var languageCode: String?
    /// The language picked in the bot; nil until the customer picks one.
    @OptionalField(key: "bot_language") public var botLanguage: String?
    /// Minor units of the shop's currency; equals the sum of the customer's ledger, never negative
    /// (CHECK in `CreateCustomers`).
    @Field(key: "balance") public var balance: Int64
    @Field(key: "is_premium") public var isPremium: Bool
    @OptionalField(key: "premium_since") public var premiumSince: Date?
    @Field(key: "is_reseller") public var isReseller: Bool
    @Field(key: "is_banned") public var isBanned: Bool
    /// The bot was blocked by them (a send was refused, or Telegram said so); broadcasts skip
    /// them until they write again.
    @Field(key: "is_blocked") public var isBlocked: Bool
    @OptionalField(key: "last_seen_at") public var lastSeenAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    init(telegramID: Int64, username: String?, firstName: String, languageCode: String?) {
        self.telegramID = telegramID
        self.username = username
        self.firstName = firstName
        self.languageCode = languageCode
        self.balance = 0
        self.isPremium = false
        self.isReseller = false
        self.isBanned = false
        self.isBlocked = false
    }
}
