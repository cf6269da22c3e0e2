import Logging

/// Wraps a handler and drops what is below `minimum`, whatever level the wrapped one takes: the
/// database's logger, since Fluent logs every statement at debug.
struct MinimumLevelLogHandler: LogHandler {
    private var wrapped: any LogHandler
    let minimum: Logger.Level

    init(wrapping handler: any LogHandler, minimum: Logger.Level) {
        wrapped = handler
        self.minimum = minimum
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
        wrapped.log(event: event)
    }
}
