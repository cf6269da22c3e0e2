import FluentKit
import Foundation

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

    /// Only "not an admin" is trusted from the cache, which every customer's message asks; a
    /// cached "admin" is checked against the database, so an admin removed by another process
    /// (the command line, with the bot's cache in its own memory) loses the panel at once.
    public func isAdmin(_ telegramID: Int64) async throws -> Bool {
        if telegramID == rootAdminID { return true }
        let database = database
        let lookUp = { try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() > 0 }
        guard try await cache.value(for: CacheKey.admin(telegramID), ttl: ttl, load: lookUp) else { return false }
        return try await lookUp()
    }

    /// Whether `actorID` is the root admin or the command line, who may do everything, and alone
    /// manage admins and their roles.
    public func isRoot(_ actorID: Int64) -> Bool {
        actorID == rootAdminID || actorID == AuditLog.commandLine
    }

    /// What `telegramID` may do, read from the database on every call, so a changed role takes
    /// effect at the admin's next update; nil for someone who is not an admin.
    public func permissions(of telegramID: Int64) async throws -> Set<AdminPermission>? {
        if isRoot(telegramID) { return Set(AdminPermission.allCases) }
        return try await Admin.query(on: database).filter(\.$telegramID == telegramID).first()?.role.permissions
    }

    /// An admin's role; nil for the root admin and for someone who is not an admin.
    public func role(of telegramID: Int64) async throws -> AdminRole? {
        try await Admin.query(on: database).filter(\.$telegramID == telegramID).first()?.role
    }

    /// Makes `telegramID` an admin with `role`.
    /// - Throws: ``AdminError/notRoot(telegramID:)`` unless `actorID` is the root admin (or the
    ///   command line); ``AdminError/alreadyAnAdmin(telegramID:)``.
    public func add(_ telegramID: Int64, username: String?, role: AdminRole = .owner, by actorID: Int64) async throws {
        guard isRoot(actorID) else { throw AdminError.notRoot(telegramID: actorID) }
        guard telegramID > 0 else { throw AdminError.invalidUserID }
        guard telegramID != rootAdminID, try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() == 0 else {
            throw AdminError.alreadyAnAdmin(telegramID: telegramID)
        }
        let admin = Admin(telegramID: telegramID, username: username, role: role, addedBy: actorID)
        do {
            try await admin.create(on: database)
        } catch {
            // Added at the same moment by someone else: the unique id refused this one.
            guard try await Admin.query(on: database).filter(\.$telegramID == telegramID).count() > 0 else { throw error }
            throw AdminError.alreadyAnAdmin(telegramID: telegramID)
        }
        // A "not an admin" answer cached before must not outlive the change.
        try await cache.delete(CacheKey.admin(telegramID))
        let details = ([username.map { "@" + $0 }].compactMap { $0 } + ["role \(role.rawValue)"]).joined(separator: ", ")
        try await AuditLog.record(admin: actorID, action: "admin.add", subject: "admin \(telegramID)", details: details, on: database)
    }

    /// Gives an admin another role; it holds from their next update.
    /// - Throws: ``AdminError/rootHasNoRole`` for the root admin, ``AdminError/notRoot(telegramID:)``,
    ///   ``AdminError/noSuchAdmin(telegramID:)``, ``AdminError/sameRole(_:)``.
    public func setRole(_ role: AdminRole, of telegramID: Int64, by actorID: Int64) async throws {
        guard telegramID != rootAdminID else { throw AdminError.rootHasNoRole }
        guard isRoot(actorID) else { throw AdminError.notRoot(telegramID: actorID) }
        let before = try await database.atomically { db -> AdminRole? in
            guard let admin = try await Admin.query(on: db).filter(\.$telegramID == telegramID).first() else { return nil }
            let before = admin.role
            admin.role = role
            try await admin.save(on: db)
            return before
        }
        guard let before else { throw AdminError.noSuchAdmin(telegramID: telegramID) }
        guard before != role else { throw AdminError.sameRole(role) }
        try await AuditLog.record(
            admin: actorID, action: "admin.role", subject: "admin \(telegramID)", before: before.rawValue, after: role.rawValue, on: database)
    }

    /// - Throws: ``AdminError/rootIsPermanent`` for the root admin, ``AdminError/notRoot(telegramID:)``,
    ///   ``AdminError/noSuchAdmin(telegramID:)``.
    public func remove(_ telegramID: Int64, by actorID: Int64) async throws {
        guard telegramID != rootAdminID else { throw AdminError.rootIsPermanent }
        guard isRoot(actorID) else { throw AdminError.notRoot(telegramID: actorID) }
        let removed = try await database.atomically { db in
            let count = try await Admin.query(on: db).filter(\.$telegramID == telegramID).count()
            try await Admin.query(on: db).filter(\.$telegramID == telegramID).delete()
            return count > 0
        }
        guard removed else { throw AdminError.noSuchAdmin(telegramID: telegramID) }
        // The next update of the removed admin is checked against the database.
        try await cache.delete(CacheKey.admin(telegramID))
        try await AuditLog.record(admin: actorID, action: "admin.remove", subject: "admin \(telegramID)", details: "", on: database)
    }

    /// Every admin's Telegram id, the root first.
    public func list() async throws -> [Int64] {
        try await staff().map(\.telegramID)
    }

    /// Every admin, the root first, with what the shop knows of them.
    public func staff() async throws -> [StaffMember] {
        let admins = try await Admin.query(on: database).sort(\.$id).all().filter { $0.telegramID != rootAdminID }
        let ids = [rootAdminID] + admins.map(\.telegramID)
        let customers = try await Customer.query(on: database).filter(\.$telegramID ~~ ids).all()
        let names = Dictionary(customers.map { ($0.telegramID, $0) }, uniquingKeysWith: { first, _ in first })
        let root = StaffMember(
            telegramID: rootAdminID, username: names[rootAdminID]?.username, firstName: names[rootAdminID]?.firstName, role: nil, addedBy: nil,
            addedAt: nil)
        return [root]
            + admins.map {
                StaffMember(
                    telegramID: $0.telegramID, username: names[$0.telegramID]?.username ?? $0.username, firstName: names[$0.telegramID]?.firstName,
                    role: $0.role,
                    addedBy: $0.addedBy, addedAt: $0.createdAt
                )
            }
    }
}

extension AdminService: PermissionCheck {
    public func require(_ permission: AdminPermission, _ actorID: Int64) async throws {
        guard let granted = try await permissions(of: actorID) else { throw AdminError.notAnAdmin(telegramID: actorID) }
        guard granted.contains(permission) else { throw AdminError.notPermitted(permission, telegramID: actorID) }
    }
}

/// An admin as the staff list shows one.
public struct StaffMember: Sendable, Equatable {
    public var telegramID: Int64
    public var username: String?
    /// Known once they have written to the bot.
    public var firstName: String?
    /// Nil for the root admin, who may do everything.
    public var role: AdminRole?
    public var isRoot: Bool { role == nil }
    public var addedBy: Int64?
    public var addedAt: Date?
}

/// Writes the audit trail of admin changes.
public enum AuditLog {
    /// The actor recorded for changes made with `quantum-panel` on the command line.
    public static let commandLine: Int64 = 0

    static func record(
        admin: Int64, action: String, subject: String, details: String = "", before: String? = nil, after: String? = nil, on database: any Database
    ) async throws {
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
