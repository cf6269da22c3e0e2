/// The bot's two listeners: the public one (the webhook, nothing else) and the operations one.
public struct HTTPSettings: Sendable {
    /// Where the internet reaches the bot: the webhook. Not opened in polling mode.
    public var host: String
    public var port: Int
    /// Where probes and scrapers inside the network reach it: `/healthz`, `/readyz`, `/metrics`.
    public var opsHost: String
    public var opsPort: Int

    public static let hostVariable = SettingsVariable("HTTP_HOST")
    public static let portVariable = SettingsVariable("HTTP_PORT")
    public static let opsHostVariable = SettingsVariable("OPS_HOST")
    public static let opsPortVariable = SettingsVariable("OPS_PORT")
    public static let variables = [hostVariable, portVariable, opsHostVariable, opsPortVariable]

    init?(reading reader: SettingsReader) {
        let host = reader.value(Self.hostVariable) ?? "0.0.0.0"
        let port = reader.port(Self.portVariable, default: 8080)
        let opsHost = reader.value(Self.opsHostVariable) ?? "0.0.0.0"
        let opsPort = reader.port(Self.opsPortVariable, default: 9090)
        guard let port, let opsPort else { return nil }
        self.host = host
        self.port = port
        self.opsHost = opsHost
        self.opsPort = opsPort
    }
}
