import Logging

/// Wraps a handler and drops what is below `minimum`, whatever level the wrapped one takes: the
/// database's logger, since Fluent logs every statement at debug. Messages starting with one of
/// `dropping` are dropped too: the connection pool's line per failed connection, when the
/// outage those failures make is logged once elsewhere.
struct MinimumLevelLogHandler: LogHandler {
    private var wrapped: any LogHandler
    let minimum: Logger.Level
    let dropping: [String]

    init(wrapping handler: any LogHandler, minimum: Logger.Level, dropping: [String] = []) {
        wrapped = handler
        self.minimum = minimum
        self.dropping = dropping
    }

    /// What the logger checks before it builds a record, so one below `minimum` costs nothing.
    var logLevel: Logger.Level {
        get { max(wrapped.logLevel, minimum) }
        set { wrapped.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.level >= minimum else { return }
        if !dropping.isEmpty {
            let message = event.message.description
            guard !dropping.contains(where: message.hasPrefix) else { return }
        }
        wrapped.log(event: event)
    }
}
