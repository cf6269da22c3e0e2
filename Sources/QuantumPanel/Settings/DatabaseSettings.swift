/// Where the shop's data lives and how the bot uses it.
public struct DatabaseSettings: Sendable {
    public var location: DatabaseLocation
    /// PostgreSQL connections kept open; SQLite uses one.
    public var poolSize: Int
    /// Whether `run` brings the schema up to date at start (`quantum-panel migrate` does it by hand).
    public var autoMigrate: Bool
    /// How long start-up waits for an unreachable database; nil waits for ever.
    public var wait: Duration?

    public static let urlVariable = SettingsVariable("DATABASE_URL", secret: true)
    public static let poolSizeVariable = SettingsVariable("DATABASE_POOL_SIZE")
    public static let autoMigrateVariable = SettingsVariable("AUTO_MIGRATE")
    public static let waitVariable = SettingsVariable("DATABASE_WAIT")
    public static let variables = [urlVariable, poolSizeVariable, autoMigrateVariable, waitVariable]

    init?(reading reader: SettingsReader) {
        let location = Self.location(reader)
        let poolSize = reader.integer(Self.poolSizeVariable, in: 1...100, default: 5, expected: "a number of connections from 1 to 100")
        let autoMigrate = reader.flag(Self.autoMigrateVariable, default: true)
        let wait = Self.wait(reader)
        guard let location, let poolSize, let autoMigrate, let wait else { return nil }
        self.location = location
        self.poolSize = poolSize
        self.autoMigrate = autoMigrate
        self.wait = wait
    }

    private static func location(_ reader: SettingsReader) -> DatabaseLocation? {
        guard let text = reader.value(urlVariable) else { return .defaultSQLite }
        guard let location = DatabaseLocation(url: text) else {
            // The URL may hold a password: describe it, don't quote it.
            reader.report(
                "\(urlVariable) is not a database URL: expected postgres://user:password@host:5432/dbname (postgresql:// and postgresql+asyncpg:// work too) or sqlite:///path/to/file.sqlite."
            )
            return nil
        }
        return location
    }

    /// Seconds, or `forever` (the default). The outer optional is nil on a problem.
    private static func wait(_ reader: SettingsReader) -> Duration?? {
        guard let text = reader.value(waitVariable), text.lowercased() != "forever" else { return .some(nil) }
        guard let seconds = Int(text), seconds >= 0 else {
            reader.report(
                "\(waitVariable) must be how many seconds start-up waits for the database (0 for none) or forever, got \(reader.quoted(text)).")
            return nil
        }
        return .some(.seconds(seconds))
    }
}
