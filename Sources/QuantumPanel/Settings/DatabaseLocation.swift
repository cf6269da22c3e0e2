import Foundation

/// Where the shop's data lives, from `DATABASE_URL`.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file, created when missing.
    case sqlite(path: String)
    /// A PostgreSQL server; the URL is normalized to `postgres://` and may hold a password.
    case postgres(url: String)

    /// The default when `DATABASE_URL` is unset.
    public static let defaultSQLite = DatabaseLocation.sqlite(path: "data/quantum-panel.sqlite")

    /// Reads `postgres://`, `postgresql://`, `postgresql+asyncpg://` (as the Python deployments
    /// wrote it), `sqlite://PATH` and `sqlite+aiosqlite://PATH`; nil for anything else.
    ///
    /// `sqlite:///var/lib/qp/shop.sqlite` is the absolute path /var/lib/qp/shop.sqlite,
    /// `sqlite://data/shop.sqlite` the relative path data/shop.sqlite, and SQLAlchemy's
    /// `sqlite:///./data/bot.db` the relative path ./data/bot.db.
    public init?(url: String) {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = String(url[schemeEnd.upperBound...])
        switch scheme {
        case "sqlite", "sqlite+aiosqlite":
            guard !rest.isEmpty, !rest.hasSuffix("/") else { return nil }
            // SQLAlchemy's `sqlite:///./data/bot.db` means the relative path ./data/bot.db.
            let isSQLAlchemyRelative = rest.hasPrefix("/./") || rest.hasPrefix("/../")
            self = .sqlite(path: isSQLAlchemyRelative ? String(rest.dropFirst()) : rest)
        case "postgres", "postgresql", "postgresql+asyncpg":
            guard let parts = URLParts(afterScheme: rest), !parts.host.isEmpty else { return nil }
            self = .postgres(url: "postgres://" + rest)
        default:
            return nil
        }
    }

    /// The PostgreSQL server's URL; nil for SQLite.
    public var postgresURL: String? {
        if case .postgres(let url) = self { return url }
        return nil
    }

    /// Says where the data is without the password.
    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            let rest = String(url.dropFirst("postgres://".count))
            guard let parts = URLParts(afterScheme: rest) else { return "PostgreSQL" }
            return "PostgreSQL at \(parts.host)\(parts.path)"
        }
    }
}

/// The host and path of `user:password@host:port/path`, enough to check and describe a URL.
struct URLParts {
    /// Splits `url` if its scheme is one of `schemes` and it has a host.
    static func parse(_ url: String, schemes: Set<String>) -> URLParts? {
        guard let schemeEnd = url.firstRange(of: "://"), schemes.contains(url[..<schemeEnd.lowerBound].lowercased()),
            let parts = URLParts(afterScheme: String(url[schemeEnd.upperBound...])), !parts.host.isEmpty
        else { return nil }
        return parts
    }

    var host: String
    var path: String

    init?(afterScheme rest: String) {
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host: Substring
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return nil }
            host = hostAndPort[...close]
        } else {
            host = hostAndPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        }
        if let colon = hostAndPort.dropFirst(host.count).first, colon == ":" {
            let port = hostAndPort.dropFirst(host.count + 1)
            guard let number = Int(port), (1...65535).contains(number) else { return nil }
        }
        guard !host.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
        self.host = String(host)
        self.path = String(rest[authorityEnd...].prefix(while: { $0 != "?" }))
    }
}

extension DatabaseLocation {
    /// Where the bot connects and as whom, for a line saying why it can't: the host, the port,
    /// the database and the user, never the password.
    public var connectionSummary: String {
        switch self {
        case .sqlite(let path): return "SQLite at \(path)"
        case .postgres(let url):
            guard let parts = URLComponents(string: url), let host = parts.host else { return "\(self)" }
            let database = parts.path.split(separator: "/").first.map(String.init) ?? parts.user ?? "postgres"
            return "PostgreSQL at \(host):\(parts.port ?? 5432), database \(database), user \(parts.user ?? "(none)")"
        }
    }
}
