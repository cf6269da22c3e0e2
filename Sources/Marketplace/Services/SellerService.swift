import FluentKit
import Foundation

/// A trusted seller as customers see one.
public struct SellerSnapshot: Sendable, Equatable, Codable {
    public var id: Int
    public var username: String
    public var telegramID: Int64?
    public var displayName: String
    public var note: String?
    public var sortOrder: Int
}

/// Why a change to the trusted sellers was refused; nothing changed.
public enum SellerError: Error, Equatable, Sendable {
    case usernameInvalid
    case displayNameEmpty
    case displayNameTooLong(length: Int, limit: Int)
    case noteTooLong(length: Int, limit: Int)
    case alreadyListed(username: String)
    case sellerNotFound(sellerID: Int)
}

extension SellerError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .usernameInvalid: "a Telegram username has 5 to 32 letters, digits or _, and starts with a letter"
        case .displayNameEmpty: "the display name is empty"
        case .displayNameTooLong(let length, let limit): "the display name is \(length) characters; at most \(limit)"
        case .noteTooLong(let length, let limit): "the note is \(length) characters; at most \(limit)"
        case .alreadyListed(let name): "@\(name) is already on the list"
        case .sellerNotFound(let id): "no seller \(id)"
        }
    }
}

/// The trusted sellers list: add, edit, remove, and order.
public struct SellerService: Sendable {
    let database: any Database
    let cache: any Cache
    let ttl: Duration
    /// Whether an admin's role allows a change; the shop's ``AdminService``.
    let permissions: any PermissionCheck

    /// - Parameter cache: the list is cached; every change clears it at once.
    public init(
        database: any Database, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard,
        permissions: any PermissionCheck = UncheckedPermissions()
    ) {
        self.database = database
        self.cache = cache
        self.ttl = ttls.sellers
        self.permissions = permissions
    }

    public static let displayNameLimit = 64
    public static let noteLimit = 200

    /// Adds a seller at the end of the list; the username (with or without `@`) must be a
    /// Telegram username and new to the list.
    public func add(
        username: String, displayName: String, telegramID: Int64? = nil, note: String? = nil, by adminID: Int64
    ) async throws -> SellerSnapshot {
        try await permissions.require(.sellers, adminID)
        let name = try Self.username(username)
        let display = try Self.displayName(displayName)
        let note = try note.flatMap(Self.note)
        guard try await TrustedSeller.query(on: database).filter(\.$username == name).count() == 0 else {
            throw SellerError.alreadyListed(username: name)
        }
        let last = try await TrustedSeller.query(on: database).max(\.$sortOrder) ?? 0
        let seller = TrustedSeller()
        seller.username = name
        seller.displayName = display
        seller.telegramID = telegramID
        seller.note = note
        seller.sortOrder = last + 1
        do {
            try await seller.create(on: database)
        } catch {
            // Added at the same moment: the unique username refused this one.
            guard try await TrustedSeller.query(on: database).filter(\.$username == name).count() > 0 else { throw error }
            throw SellerError.alreadyListed(username: name)
        }
        try await AuditLog.record(admin: adminID, action: "seller.add", subject: "@\(name)", details: display, on: database)
        try await cache.delete(CacheKey.sellers)
        return Self.snapshot(seller)
    }

    public func remove(_ sellerID: Int, by adminID: Int64) async throws {
        try await permissions.require(.sellers, adminID)
        guard let seller = try await TrustedSeller.find(sellerID, on: database) else { throw SellerError.sellerNotFound(sellerID: sellerID) }
        try await seller.delete(on: database)
        try await AuditLog.record(admin: adminID, action: "seller.remove", subject: "@\(seller.username)", details: seller.displayName, on: database)
        try await cache.delete(CacheKey.sellers)
    }

    /// Changes what is given; `note: .some(nil)` removes the note.
    public func edit(
        _ sellerID: Int, username: String? = nil, displayName: String? = nil, note: String?? = nil, by adminID: Int64
    ) async throws -> SellerSnapshot {
        try await permissions.require(.sellers, adminID)
        guard let seller = try await TrustedSeller.find(sellerID, on: database) else { throw SellerError.sellerNotFound(sellerID: sellerID) }
        let before = Self.snapshot(seller)
        if let username {
            let name = try Self.username(username)
            guard try await TrustedSeller.query(on: database).filter(\.$username == name).filter(\.$id != sellerID).count() == 0 else {
                throw SellerError.alreadyListed(username: name)
            }
            seller.username = name
        }
        if let displayName { seller.displayName = try Self.displayName(displayName) }
        if let note { seller.note = try note.flatMap(Self.note) }
        try await seller.save(on: database)
        let after = Self.snapshot(seller)
        let (was, now) = Self.difference(before, after)
        try await AuditLog.record(
            admin: adminID, action: "seller.edit", subject: "@\(seller.username)", details: seller.displayName, before: was, after: now, on: database)
        try await cache.delete(CacheKey.sellers)
        return after
    }

    /// The one field an edit changed, before and after.
    private static func difference(_ before: SellerSnapshot, _ after: SellerSnapshot) -> (String?, String?) {
        if before.username != after.username { return ("@" + before.username, "@" + after.username) }
        if before.displayName != after.displayName { return (before.displayName, after.displayName) }
        return (before.note, after.note)
    }

    public func seller(_ sellerID: Int) async throws -> SellerSnapshot {
        guard let seller = try await TrustedSeller.find(sellerID, on: database) else { throw SellerError.sellerNotFound(sellerID: sellerID) }
        return Self.snapshot(seller)
    }

    /// Moves a seller one place up or down the list.
    /// - Returns: its place now (1-based) and how many there are.
    @discardableResult
    public func move(_ sellerID: Int, up: Bool, by adminID: Int64) async throws -> (place: Int, of: Int) {
        try await permissions.require(.sellers, adminID)
        let result = try await database.atomically { db -> (place: Int, of: Int) in
            var sellers = try await TrustedSeller.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
            guard let index = sellers.firstIndex(where: { $0.id == sellerID }) else { throw SellerError.sellerNotFound(sellerID: sellerID) }
            let target = index + (up ? -1 : 1)
            guard sellers.indices.contains(target) else { return (index + 1, sellers.count) }
            sellers.swapAt(index, target)
            for (position, seller) in sellers.enumerated() where seller.sortOrder != position + 1 {
                seller.sortOrder = position + 1
                try await seller.save(on: db)
            }
            try await AuditLog.record(
                admin: adminID, action: "seller.move", subject: "@\(sellers[target].username)", before: "\(index + 1)", after: "\(target + 1)", on: db
            )
            return (target + 1, sellers.count)
        }
        try await cache.delete(CacheKey.sellers)
        return result
    }

    /// The list in the order customers see it.
    public func list() async throws -> [SellerSnapshot] {
        let database = database
        return try await cache.value(for: CacheKey.sellers, ttl: ttl) {
            try await TrustedSeller.query(on: database).sort(\.$sortOrder).sort(\.$id).all().map(Self.snapshot)
        }
    }

    /// A username as Telegram allows one, without the `@`.
    public static func username(_ text: String) throws(SellerError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let name = trimmed.hasPrefix("@") ? String(trimmed.dropFirst()) : trimmed
        guard (5...32).contains(name.count), name.first?.isLetter == true,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            throw .usernameInvalid
        }
        return name
    }

    public static func displayName(_ text: String) throws(SellerError) -> String {
        let display = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !display.isEmpty else { throw .displayNameEmpty }
        guard display.utf16.count <= displayNameLimit else { throw .displayNameTooLong(length: display.utf16.count, limit: displayNameLimit) }
        return display
    }

    /// The note trimmed, nil when empty.
    public static func note(_ text: String) throws(SellerError) -> String? {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.utf16.count <= noteLimit else { throw .noteTooLong(length: note.utf16.count, limit: noteLimit) }
        return note.isEmpty ? nil : note
    }

    static func snapshot(_ seller: TrustedSeller) -> SellerSnapshot {
        SellerSnapshot(
            id: seller.id!, username: seller.username, telegramID: seller.telegramID, displayName: seller.displayName, note: seller.note,
            sortOrder: seller.sortOrder)
    }
}
