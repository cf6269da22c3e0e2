/// Why a backup or a restore did nothing.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// There is no SQLite file at the path the settings name.
    case noShop(path: String)
    /// A backup never overwrites a file.
    case destinationExists(path: String)
    /// The file to restore from is missing.
    case noBackup(path: String)
    /// The file is not a SQLite database, or has none of the shop's tables.
    case notAShop(path: String, reason: String)
    /// SQLite's integrity check found damage.
    case damaged(path: String, report: String)
    /// PostgreSQL has its own tools, which copy a live database consistently.
    case postgres(command: String)

    public var description: String {
        switch self {
        case .noShop(let path): "there is no shop at \(path) (\(DatabaseSettings.urlVariable) names it)"
        case .destinationExists(let path): "\(path) already exists; a backup never overwrites a file, so name a new one"
        case .noBackup(let path): "there is no file at \(path)"
        case .notAShop(let path, let reason): "\(path) is not a Quantum Panel shop: \(reason)"
        case .damaged(let path, let report): "\(path) is damaged (SQLite's integrity check: \(report))"
        case .postgres(let command): "the shop is in PostgreSQL, whose own tools do this consistently while the bot runs: \(command)"
        }
    }
}
