import Foundation
import Marketplace

extension DatabaseLocation {
    /// Opens the database the settings name, with the bot's own tables beside the shop's,
    /// creating a SQLite file's folder when missing.
    public func open(poolSize: Int) throws -> MarketplaceDatabase {
        switch self {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            return try MarketplaceDatabase(location: .sqliteFile(path), poolSize: poolSize, additionalMigrations: BotStorage.migrations)
        case .postgres(let url):
            return try MarketplaceDatabase(location: .postgres(url: url), poolSize: poolSize, additionalMigrations: BotStorage.migrations)
        }
    }
}

extension DatabaseLocation {
    /// The lock a running bot holds on a SQLite shop (none for PostgreSQL, which many replicas
    /// share), so that a restore can't replace the file under it, nor a second bot start on it.
    public func lockWhileRunning() throws -> ShopFileLock? {
        guard case .sqlite(let path) = self else { return nil }
        return try ShopFileLock(shopPath: path)
    }
}
