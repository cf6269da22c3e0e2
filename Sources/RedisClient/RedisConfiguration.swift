/// Where Redis is and how to log in, from a `redis://[user:password@]host[:port][/db]` URL.
public struct RedisConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var database: Int
    /// How long one command may take before the connection is given up.
    public var commandTimeout: Duration
    /// The first wait after a failed connection attempt; it doubles with each failure, up to 30 seconds.
    public var reconnectDelay: Duration

    public init(
        host: String, port: Int = 6379, username: String? = nil, password: String? = nil, database: Int = 0, commandTimeout: Duration = .seconds(2),
        reconnectDelay: Duration = .seconds(1)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.commandTimeout = commandTimeout
        self.reconnectDelay = reconnectDelay
    }

    /// - Throws: ``RedisError`` naming what is wrong; `rediss://` (TLS) is refused, as TLS isn't
    ///   implemented: use a local Redis or a TLS tunnel.
    public init(url: String) throws(RedisError) {
        guard let schemeEnd = url.firstRange(of: "://") else { throw .invalidURL("REDIS_URL must look like redis://host:6379/0") }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme != "rediss" else { throw .invalidURL("rediss:// (TLS) is not supported; use redis:// to a local Redis or through a TLS tunnel") }
        guard scheme == "redis" else { throw .invalidURL("REDIS_URL must start with redis://") }
        var rest = Substring(url[schemeEnd.upperBound...])
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                username = credentials[..<colon].isEmpty ? nil : String(credentials[..<colon])
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding
            } else {
                password = String(credentials).removingPercentEncoding
            }
        }
        let hostPort = rest.prefix { $0 != "/" && $0 != "?" }
        let path = rest.dropFirst(hostPort.count).prefix { $0 != "?" }
        let parts = hostPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty else { throw .invalidURL("REDIS_URL has no host") }
        var port = 6379
        if parts.count == 2 {
            guard let number = Int(parts[1]), (1...65535).contains(number) else { throw .invalidURL("REDIS_URL has a bad port") }
            port = number
        }
        var database = 0
        let dbText = path.dropFirst()
        if !dbText.isEmpty {
            guard let number = Int(dbText), number >= 0 else { throw .invalidURL("the database after / must be a number") }
            database = number
        }
        self.init(host: String(host), port: port, username: username, password: password, database: database)
    }
}

extension String {
    /// Decodes `%XX` escapes; nil when one is malformed.
    var removingPercentEncoding: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
