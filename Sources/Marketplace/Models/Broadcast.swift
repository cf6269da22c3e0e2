import FluentKit
import Foundation

/// A message an admin sends to many customers, sent in the background. Its recipients are fixed
/// when it is confirmed (``BroadcastDelivery``), so a restart resumes with the same list.
public final class Broadcast: Model, @unchecked Sendable {
    public static let schema = "broadcasts"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "admin_id") public var adminID: Int64
    /// HTML as Telegram parses it; a photo's caption when there is a photo.
    @Field(key: "text") public var text: String
    @OptionalField(key: "photo_file_id") public var photoFileID: String?
    @OptionalField(key: "button_text") public var buttonText: String?
    @OptionalField(key: "button_url") public var buttonURL: String?
    /// A ``BroadcastAudience`` kind's raw value.
    @Field(key: "audience") public var audience: String
    @OptionalField(key: "product_id") public var productID: Int?
    /// Sent with `allow_paid_broadcast`, past the free limit, paid in Stars.
    @Field(key: "is_paid") public var isPaid: Bool
    /// Stored as its raw value; a value this version doesn't know fails the read.
    @Field(key: "status") public var status: BroadcastStatus
    @OptionalField(key: "progress_chat_id") public var progressChatID: Int64?
    @OptionalField(key: "progress_message_id") public var progressMessageID: Int64?
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}

/// One recipient of a broadcast and what became of their copy. Unique per broadcast and
/// customer; it leaves `pending` once, so nobody is sent a broadcast twice.
public final class BroadcastDelivery: Model, @unchecked Sendable {
    public static let schema = "broadcast_deliveries"

    @ID(custom: .id, generatedBy: .database) public var id: Int?
    @Field(key: "broadcast_id") public var broadcastID: Int
    @Field(key: "telegram_id") public var telegramID: Int64
    /// Stored as its raw value; a value this version doesn't know fails the read.
    @Field(key: "state") public var state: BroadcastDeliveryState
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}
}
