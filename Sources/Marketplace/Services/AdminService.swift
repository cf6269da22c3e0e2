import FluentKit

/// Who runs the shop. The root admin is always an admin and can't be removed.
public struct AdminService: Sendable {
    let database: any Database
    let cache: any Cache
    let ttl: Duration
    public let rootAdminID: Int64

    /// - Parameter cache: admin checks are cached for `ttls.admin`; adding or removing an admin
    ///   clears that admin's entry at once.
    public init(database: any Database, rootAdminID: Int64, cache: any Cache = DisabledCache(), ttls: CacheTTLs = .standard) {
        self.database = database
        self.rootAdminID = rootAdminID
        self.cache = cache
        self.ttl = ttls.admin
    }

    public func isAdmin(_ telegramID: Int64) async throws -> Bool {
        if telegramID == rootAdminID { return true }
        let database = database
        return try await cache.value(for: CacheKey.admin(telegramID), ttl: ttl) {
            try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() > 0
        }
    }

    /// Makes `telegramID` an admin; adding an admin again changes nothing.
    /// - Throws: ``AdminError/notAnAdmin(telegramID:)`` when `actorID` isn't an admin.
    public func add(_ telegramID: Int64, username: String?, by actorID: Int64) async throws {
        guard try await isAdmin(actorID) else { throw AdminError.notAnAdmin(telegramID: actorID) }
        guard telegramID > 0 else { throw AdminError.invalidInput("a Telegram user id is a positive number") }
        guard telegramID != rootAdminID, try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() == 0 else { return }
        let admin = Admin(telegramID: telegramID, username: username, addedBy: actorID)
        do {
            try await admin.create(on: database)
        } catch {
            // Added at the same moment by someone else: the outcome is the same.
            guard try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() > 0 else { throw error }
            return
        }
        // A "not an admin" answer cached before must not outlive the change.
        try await cache.delete(CacheKey.admin(telegramID))
        try await AuditLog.record(admin: actorID, action: "admin.add", subject: "\(telegramID)", details: username ?? "", on: database)
    }

    /// - Throws: ``AdminError/rootIsPermanent`` for the root admin.
    public func remove(_ telegramID: Int64, by actorID: Int64) async throws {
        guard try await isAdmin(actorID) else { throw AdminError.notAnAdmin(telegramID: actorID) }
        guard telegramID != rootAdminID else { throw AdminError.rootIsPermanent }
        try await Admin.query(on: database).filter(\.$telegramID == telegramID).delete()
        try await cache.delete(CacheKey.admin(telegramID))
        try await AuditLog.record(admin: actorID, action: "admin.remove", subject: "\(telegramID)", details: "", on: database)
    }

    /// Every admin's Telegram id, the root first.
    public func list() async throws -> [Int64] {
        let others = try await Admin.query(on: database).sort(\.$id).all().map(\.telegramID)
        return [rootAdminID] + others.filter { $0 != rootAdminID }
    }
}

/// Writes the audit trail of admin changes.
public enum AuditLog {
    /// The actor recorded for changes made with `quantum-panel` on the command line.
    public static let commandLine: Int64 = 0

    static func record(admin: Int64, action: String, subject: String, details: String = "", before: String? = nil, after: String? = nil, on database: any Database) async throws {
        let entry = AuditEntry()
        entry.adminID = admin
        entry.action = action
        entry.subject = subject
        entry.details = details
        entry.before = before
        entry.after = after
        try await entry.create(on: database)
    }
}
