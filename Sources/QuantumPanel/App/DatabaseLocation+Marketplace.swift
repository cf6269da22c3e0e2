import Foundation
import Marketplace

extension DatabaseLocation {
    /// Opens the database the settings name, creating a SQLite file's folder when missing.
    public func open(poolSize: Int) throws -> MarketplaceDatabase {
        switch self {
        case .sqlite(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            return try MarketplaceDatabase(location: .sqliteFile(path), poolSize: poolSize)
        case .postgres(let url):
            return try MarketplaceDatabase(location: .postgres(url: url), poolSize: poolSize)
        }
    }
}
