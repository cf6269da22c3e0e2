import FluentKit
import FluentSQL
import Foundation

/// One entry of the audit log, as the panel lists it.
public struct AuditLine: Sendable, Equatable {
    public var id: Int
    public var date: Date
    public var adminID: Int64
    public var action: String
    public var subject: String
    public var details: String
    public var before: String?
    public var after: String?
}

/// Reads the audit log, newest first.
public struct AuditService: Sendable {
    let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// - Parameter person: only entries this Telegram user made, or that are about them as a
    ///   customer or as an admin.
    public func entries(involving person: Int64? = nil, page: Int, pageSize: Int = 8) async throws -> Page<AuditLine> {
        let query = AuditEntry.query(on: database)
        if let person {
            query.group(.or) { $0.filter(\.$adminID == person).filter(\.$subject == "customer \(person)").filter(\.$subject == "admin \(person)") }
        }
        return try await query.newestFirst(page: page, size: pageSize) {
            AuditLine(
                id: $0.id!, date: $0.createdAt ?? Date(timeIntervalSince1970: 0), adminID: $0.adminID, action: $0.action, subject: $0.subject,
                details: $0.details, before: $0.before, after: $0.after)
        }
    }
}
