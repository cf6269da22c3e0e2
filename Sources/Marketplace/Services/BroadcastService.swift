import FluentKit
import FluentSQL
import Foundation

/// Who a broadcast goes to. Banned customers and those who blocked the bot never do.
public enum BroadcastAudience: Sendable, Equatable, Codable {
    case everyone, premium, resellers
    /// Customers with an order of this product.
    case buyers(productID: Int)

    var kind: String {
        switch self {
        case .everyone: "everyone"
        case .premium: "premium"
        case .resellers: "resellers"
        case .buyers: "buyers"
        }
    }

    init?(kind: String, productID: Int?) {
        switch kind {
        case "everyone": self = .everyone
        case "premium": self = .premium
        case "resellers": self = .resellers
        case "buyers":
            guard let productID else { return nil }
            self = .buyers(productID: productID)
        default: return nil
        }
    }
}

public enum BroadcastStatus: String, Sendable, Codable {
    case sending, paused, cancelled, finished
}

public enum BroadcastDeliveryState: String, Sendable, Codable, CaseIterable {
    case pending
    /// Handed to Telegram; the answer is being awaited.
    case sending
    case sent, blocked, failed
    /// Was being sent when the bot stopped without a goodbye: whether it arrived is unknown,
    /// and it is not sent again, so nobody gets two.
    case unknown
}

/// What a broadcast says, as confirmed.
public struct BroadcastMessage: Sendable, Equatable, Codable {
    public var text: String
    public var photoFileID: String?
    public var buttonText: String?
    public var buttonURL: String?

    public init(text: String, photoFileID: String? = nil, buttonText: String? = nil, buttonURL: String? = nil) {
        self.text = text
        self.photoFileID = photoFileID
        self.buttonText = buttonText
        self.buttonURL = buttonURL
    }
}

public struct BroadcastSnapshot: Sendable, Equatable {
    public var id: Int
    public var adminID: Int64
    public var message: BroadcastMessage
    public var audience: BroadcastAudience
    public var isPaid: Bool
    public var status: BroadcastStatus
    public var progressChatID: Int64?
    public var progressMessageID: Int64?
    public var startedAt: Date?
    public var finishedAt: Date?
}

/// How many recipients are in each state.
public struct BroadcastCounts: Sendable, Equatable {
    public var byState: [BroadcastDeliveryState: Int]

    public func count(_ state: BroadcastDeliveryState) -> Int { byState[state] ?? 0 }
    public var total: Int { byState.values.reduce(0, +) }
    /// Not sent yet.
    public var left: Int { count(.pending) + count(.sending) }
}

/// Why a broadcast change was refused.
public enum BroadcastError: Error, Equatable, Sendable {
    case broadcastNotFound(broadcastID: Int)
    case noRecipients
    /// Finished or cancelled: it can't be paused, resumed or cancelled any more.
    case alreadyOver(broadcastID: Int)
}

/// Broadcasts: their recipients fixed at creation in one statement, each recipient claimed
/// before a send and settled after it, and the customers who blocked the bot.
public struct BroadcastService: Sendable {
    let database: any Database
    let cache: any Cache
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// - Parameter cache: the cache customer look-ups use; marking a customer blocked clears their entry.
    public init(database: any Database, cache: any Cache = DisabledCache(), permissions: any PermissionCheck = UncheckedPermissions()) {
        self.database = database
        self.cache = cache
        self.permissions = permissions
    }

    /// Who `audience` reaches now: customers neither banned nor blocking the bot.
    public func recipientCount(_ audience: BroadcastAudience) async throws -> Int {
        try await database.sql.raw(
            "SELECT COUNT(*) AS count FROM customers WHERE is_banned = \(bind: false) AND is_blocked = \(bind: false)\(Self.condition(audience))"
        ).first(decodingColumn: "count", as: Int.self) ?? 0
    }

    /// Creates the broadcast with its recipients, ready to send.
    /// - Throws: ``BroadcastError/noRecipients`` when the audience is empty.
    public func create(_ message: BroadcastMessage, to audience: BroadcastAudience, isPaid: Bool, by adminID: Int64) async throws -> BroadcastSnapshot
    {
        try await permissions.require(.broadcasts, adminID)
        let broadcast = try await database.atomically { db -> Broadcast in
            let broadcast = Broadcast()
            broadcast.adminID = adminID
            broadcast.text = message.text
            broadcast.photoFileID = message.photoFileID
            broadcast.buttonText = message.buttonText
            broadcast.buttonURL = message.buttonURL
            broadcast.audience = audience.kind
            if case .buyers(let productID) = audience { broadcast.productID = productID }
            broadcast.isPaid = isPaid
            broadcast.status = BroadcastStatus.sending
            try await broadcast.create(on: db)
            let id = try broadcast.requireID()
            try await db.sql.raw(
                """
                INSERT INTO broadcast_deliveries (broadcast_id, telegram_id, state) SELECT \(bind: id), telegram_id, \(bind: BroadcastDeliveryState.pending.rawValue)
                FROM customers WHERE is_banned = \(bind: false) AND is_blocked = \(bind: false)\(Self.condition(audience)) ORDER BY id
                """
            ).run()
            guard try await BroadcastDelivery.query(on: db).filter(\.$broadcastID == id).count() > 0 else { throw BroadcastError.noRecipients }
            try await AuditLog.record(
                admin: adminID, action: "broadcast.create", subject: "broadcast \(id)", details: "\(audience.kind)\(isPaid ? ", paid" : "")", on: db)
            return broadcast
        }
        return Self.snapshot(broadcast)
    }

    /// What narrows customers to `audience`, after the statement's other conditions; every value
    /// is bound.
    private static func condition(_ audience: BroadcastAudience) -> SQLQueryString {
        switch audience {
        case .everyone: ""
        case .premium: " AND is_premium = TRUE"
        case .resellers: " AND is_reseller = TRUE"
        case .buyers(let productID): " AND id IN (SELECT customer_id FROM orders WHERE product_id = \(bind: productID))"
        }
    }

    public func broadcast(_ id: Int) async throws -> BroadcastSnapshot {
        guard let broadcast = try await Broadcast.find(id, on: database) else { throw BroadcastError.broadcastNotFound(broadcastID: id) }
        return Self.snapshot(broadcast)
    }

    /// The broadcasts being sent, oldest first.
    public func sending() async throws -> [BroadcastSnapshot] {
        try await Broadcast.query(on: database).filter(\.$status == BroadcastStatus.sending).sort(\.$id).all().map(Self.snapshot)
    }

    public func setProgressMessage(_ id: Int, chatID: Int64, messageID: Int64) async throws {
        try await Broadcast.query(on: database).filter(\.$id == id).set(\.$progressChatID, to: chatID).set(\.$progressMessageID, to: messageID)
            .update()
    }

    /// Pauses, resumes (`.sending`) or cancels a broadcast.
    /// - Throws: ``BroadcastError/alreadyOver(broadcastID:)`` once it is finished or cancelled.
    @discardableResult
    public func set(_ status: BroadcastStatus, broadcastID: Int, by adminID: Int64) async throws -> BroadcastSnapshot {
        try await permissions.require(.broadcasts, adminID)
        let changed = try await database.atomically { db -> Broadcast in
            guard let broadcast = try await Broadcast.find(broadcastID, on: db) else {
                throw BroadcastError.broadcastNotFound(broadcastID: broadcastID)
            }
            let before = broadcast.status
            guard before == .sending || before == .paused else {
                throw BroadcastError.alreadyOver(broadcastID: broadcastID)
            }
            guard before != status else { return broadcast }
            broadcast.status = status
            if status == .cancelled { broadcast.finishedAt = Date() }
            try await broadcast.save(on: db)
            try await AuditLog.record(
                admin: adminID, action: "broadcast.\(status.rawValue)", subject: "broadcast \(broadcastID)", before: before.rawValue,
                after: status.rawValue,
                on: db)
            return broadcast
        }
        return Self.snapshot(changed)
    }

    public func status(_ id: Int) async throws -> BroadcastStatus {
        // A broadcast that is gone is over.
        try await Broadcast.find(id, on: database)?.status ?? .cancelled
    }

    /// The next recipients still to be sent, in the order they were listed.
    public func pendingRecipients(_ id: Int, limit: Int) async throws -> [Int64] {
        try await BroadcastDelivery.query(on: database).filter(\.$broadcastID == id).filter(\.$state == BroadcastDeliveryState.pending)
            .sort(\.$id).limit(limit).all().map(\.telegramID)
    }

    /// Marks the recipient as being sent; false when someone else took them first.
    public func claim(_ telegramID: Int64, of id: Int) async throws -> Bool {
        let rows = try await database.sql.raw(
            """
            UPDATE broadcast_deliveries SET state = \(bind: BroadcastDeliveryState.sending.rawValue), updated_at = \(bind: Date())
            WHERE broadcast_id = \(bind: id) AND telegram_id = \(bind: telegramID) AND state = \(bind: BroadcastDeliveryState.pending.rawValue)
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Settles a claimed recipient; one who blocked the bot is marked so later broadcasts skip them.
    public func settle(_ telegramID: Int64, of id: Int, as state: BroadcastDeliveryState) async throws {
        try await BroadcastDelivery.query(on: database).filter(\.$broadcastID == id).filter(\.$telegramID == telegramID)
            .set(\.$state, to: state).update()
        if state == .blocked { try await markBlocked(true, telegramID: telegramID) }
    }

    public func counts(_ id: Int) async throws -> BroadcastCounts {
        struct StateCount: Decodable {
            let state: BroadcastDeliveryState
            let count: Int
        }
        let rows = try await database.sql.raw(
            "SELECT state, COUNT(*) AS count FROM broadcast_deliveries WHERE broadcast_id = \(bind: id) GROUP BY state"
        ).all(decoding: StateCount.self)
        return BroadcastCounts(byState: Dictionary(rows.map { ($0.state, $0.count) }) { first, _ in first })
    }

    public func markStarted(_ id: Int) async throws {
        try await Broadcast.query(on: database).filter(\.$id == id).filter(\.$startedAt == nil).set(\.$startedAt, to: Date()).update()
    }

    public func finish(_ id: Int) async throws {
        try await Broadcast.query(on: database).filter(\.$id == id).filter(\.$status == BroadcastStatus.sending)
            .set(\.$status, to: BroadcastStatus.finished).set(\.$finishedAt, to: Date()).update()
    }

    /// After a stop without a goodbye: recipients left mid-send are not sent again.
    /// - Returns: how many there were.
    @discardableResult
    public func settleInterrupted() async throws -> Int {
        let interrupted = try await BroadcastDelivery.query(on: database).filter(\.$state == BroadcastDeliveryState.sending).count()
        try await BroadcastDelivery.query(on: database).filter(\.$state == BroadcastDeliveryState.sending).set(
            \.$state, to: BroadcastDeliveryState.unknown
        ).update()
        return interrupted
    }

    /// Marks a customer as having blocked (or unblocked) the bot.
    public func markBlocked(_ isBlocked: Bool, telegramID: Int64) async throws {
        try await Customer.query(on: database).filter(\.$telegramID == telegramID).filter(\.$isBlocked != isBlocked).set(\.$isBlocked, to: isBlocked)
            .update()
        try await cache.delete(CacheKey.customer(telegramID))
    }

    static func snapshot(_ broadcast: Broadcast) -> BroadcastSnapshot {
        BroadcastSnapshot(
            id: broadcast.id!, adminID: broadcast.adminID,
            message: BroadcastMessage(
                text: broadcast.text, photoFileID: broadcast.photoFileID, buttonText: broadcast.buttonText, buttonURL: broadcast.buttonURL),
            audience: BroadcastAudience(kind: broadcast.audience, productID: broadcast.productID) ?? .everyone, isPaid: broadcast.isPaid,
            status: broadcast.status, progressChatID: broadcast.progressChatID,
            progressMessageID: broadcast.progressMessageID,
            startedAt: broadcast.startedAt, finishedAt: broadcast.finishedAt
        )
    }
}
