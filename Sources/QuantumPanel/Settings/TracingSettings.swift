/// Spans exported over OTLP/HTTP (`TRACING=otlp`); the settings hold none when tracing is off.
public struct TracingSettings: Sendable, Equatable {
    /// The collector's traces URL, such as `http://localhost:4318/v1/traces`.
    public var endpoint: String
    /// The share of updates traced, from 0 to 1 (a fraction, not money).
    public var sampleRatio: Double

    public static let modeVariable = SettingsVariable("TRACING")
    public static let endpointVariable = SettingsVariable("TRACING_ENDPOINT")
    public static let sampleRatioVariable = SettingsVariable("TRACING_SAMPLE_RATIO")
    public static let variables = [modeVariable, endpointVariable, sampleRatioVariable]

    public init(endpoint: String, sampleRatio: Double) {
        self.endpoint = endpoint
        self.sampleRatio = sampleRatio
    }

    /// `.value(nil)` when tracing is off.
    static func read(_ reader: SettingsReader) -> SettingsReader.Read<TracingSettings?> {
        let endpoint = reader.url(
            endpointVariable, schemes: ["http", "https"], expected: "an OTLP/HTTP traces URL such as http://localhost:4318/v1/traces")
        var ratio: Double? = 1
        if let text = reader.value(sampleRatioVariable) {
            ratio = Double(text).flatMap { (0...1).contains($0) ? $0 : nil }
            if ratio == nil {
                reader.report("\(sampleRatioVariable) must be a number from 0 to 1 (the share of updates traced), got \(reader.quoted(text)).")
            }
        }
        switch reader.value(modeVariable)?.lowercased() {
        case nil, "off":
            return .value(nil)
        case "otlp":
            guard let ratio, let endpoint = endpoint.value else { return .problem }
            return .value(TracingSettings(endpoint: endpoint ?? "http://localhost:4318/v1/traces", sampleRatio: ratio))
        case let other?:
            reader.report("\(modeVariable) must be off or otlp, got \(reader.quoted(other)).")
            return .problem
        }
    }
}
