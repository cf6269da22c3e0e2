import FluentKit

/// A trusted seller as customers see one.
public struct SellerSnapshot: Sendable, Equatable, Codable {
    public var id: Int
    public var username: String
    public var telegramID: Int64?
    public var displayName: String
    public var note: String?
    public var sortOrder: Int
}

/// The trusted sellers list: add, edit, remove, and order.
public struct SellerService: Sendable {
    let database: any Database
    let cache: any Cache
    let ttl: Duration

    /// - Parameter cache: the list is cached; every change clears it at once.
    public init(database: any Database, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard) {
        self.database = database
        self.cache = cache
        self.ttl = ttls.sellers
    }

    /// Adds a seller; the username (with or without `@`) must be a Telegram username and new to the list.
    public func add(username: String, displayName: String, telegramID: Int64? = nil, note: String? = nil, by adminID: Int64) async throws -> SellerSnapshot {
        let name = try Self.username(username)
        let display = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(display.count) else { throw CatalogError.invalidInput("a display name has 1 to 64 characters") }
        guard try await TrustedSeller.query(on: database).filter(\.$username == name).count() == 0 else {
            throw CatalogError.invalidInput("@\(name) is already on the list")
        }
        let last = try await TrustedSeller.query(on: database).max(\.$sortOrder) ?? 0
        let seller = TrustedSeller()
        seller.username = name
        seller.displayName = display
        seller.telegramID = telegramID
        seller.note = note
        seller.sortOrder = last + 1
        try await seller.create(on: database)
        try await AuditLog.record(admin: adminID, action: "seller.add", subject: "@\(name)", details: display, on: database)
        try await cache.delete(CacheKey.sellers)
        return Self.snapshot(seller)
    }

    public func remove(_ sellerID: Int, by adminID: Int64) async throws {
        guard let seller = try await TrustedSeller.find(sellerID, on: database) else { throw CatalogError.notFound("seller \(sellerID)") }
        try await seller.delete(on: database)
        try await AuditLog.record(admin: adminID, action: "seller.remove", subject: "@\(seller.username)", details: "", on: database)
        try await cache.delete(CacheKey.sellers)
    }

    public func edit(_ sellerID: Int, displayName: String? = nil, note: String?? = nil, by adminID: Int64) async throws -> SellerSnapshot {
        guard let seller = try await TrustedSeller.find(sellerID, on: database) else { throw CatalogError.notFound("seller \(sellerID)") }
        if let displayName {
            let display = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...64).contains(display.count) else { throw CatalogError.invalidInput("a display name has 1 to 64 characters") }
            seller.displayName = display
        }
        if let note { seller.note = note }
        try await seller.save(on: database)
        try await AuditLog.record(admin: adminID, action: "seller.edit", subject: "@\(seller.username)", details: seller.displayName, on: database)
        try await cache.delete(CacheKey.sellers)
        return Self.snapshot(seller)
    }

    /// Moves a seller one place up (`-1`) or down (`+1`) in the list.
    public func move(_ sellerID: Int, by offset: Int, adminID: Int64) async throws {
        try await database.transaction { db in
            let sellers = try await TrustedSeller.query(on: db).sort(\.$sortOrder).sort(\.$id).all()
            guard let index = sellers.firstIndex(where: { $0.id == sellerID }) else { throw CatalogError.notFound("seller \(sellerID)") }
            let target = index + offset
            guard sellers.indices.contains(target) else { return }
            var ordered = sellers
            ordered.swapAt(index, target)
            for (position, seller) in ordered.enumerated() where seller.sortOrder != position + 1 {
                seller.sortOrder = position + 1
                try await seller.save(on: db)
            }
            try await AuditLog.record(admin: adminID, action: "seller.move", subject: "seller \(sellerID)", details: "\(offset)", on: db)
        }
        try await cache.delete(CacheKey.sellers)
    }

    /// The list in the order customers see it.
    public func list() async throws -> [SellerSnapshot] {
        let database = database
        return try await cache.value(for: CacheKey.sellers, ttl: ttl) {
            try await TrustedSeller.query(on: database).sort(\.$sortOrder).sort(\.$id).all().map(Self.snapshot)
        }
    }

    static func username(_ text: String) throws(CatalogError) -> String {
        let name = text.hasPrefix("@") ? String(text.dropFirst()) : text
        guard (4...32).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw .invalidInput("a Telegram username has 4 to 32 letters, digits or _")
        }
        return name
    }

    static func snapshot(_ seller: TrustedSeller) -> SellerSnapshot {
        SellerSnapshot(id: seller.id!, username: seller.username, telegramID: seller.telegramID, displayName: seller.displayName, note: seller.note, sortOrder: seller.sortOrder)
    }
}
