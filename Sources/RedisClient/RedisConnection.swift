import Logging
import NIOCore
import NIOPosix

/// One TCP connection to Redis, logged in and on the configured database, that pipelines commands.
public final class RedisConnection: Sendable {
    private let channel: any Channel
    private let commandTimeout: Duration

    private init(channel: any Channel, commandTimeout: Duration) {
        self.channel = channel
        self.commandTimeout = commandTimeout
    }

    /// Connects, then sends AUTH and SELECT as the configuration asks.
    public static func connect(
        to configuration: RedisConfiguration, on group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> RedisConnection {
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(
                    .nanoseconds(
                        Int64(configuration.commandTimeout.components.seconds) * 1_000_000_000 + configuration.commandTimeout.components.attoseconds
                            / 1_000_000_000)
                )
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RESPDecoder()))
                        try channel.pipeline.syncOperations.addHandler(RedisCommandHandler())
                    }
                }
                .connect(host: configuration.host, port: configuration.port)
                .get()
        } catch {
            throw RedisError.unavailable("can't connect to \(configuration.host):\(configuration.port): \(error)")
        }
        let connection = RedisConnection(channel: channel, commandTimeout: configuration.commandTimeout)
        do {
            if let password = configuration.password {
                let login: [RedisArgument] = configuration.username.map { ["AUTH", .string($0), .string(password)] } ?? ["AUTH", .string(password)]
                try await connection.expectOK(login)
            }
            if configuration.database != 0 {
                try await connection.expectOK(["SELECT", .string(String(configuration.database))])
            }
        } catch {
            await connection.close()
            throw error
        }
        return connection
    }

    public var isActive: Bool { channel.isActive }

    /// Sends a command and returns Redis's reply; an error reply is returned, not thrown.
    /// - Throws: ``RedisError/timeout`` or ``RedisError/unavailable(_:)``; either way the
    ///   connection is closed, since later replies could no longer be matched to their commands.
    public func send(_ arguments: [RedisArgument]) async throws -> RESPValue {
        let promise = channel.eventLoop.makePromise(of: RESPValue.self)
        let channel = channel
        let (seconds, attoseconds) = commandTimeout.components
        let deadline = channel.eventLoop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {
            promise.fail(RedisError.timeout)
            channel.close(promise: nil)
        }
        channel.writeAndFlush(RedisRequest(arguments: arguments, promise: promise), promise: nil)
        defer { deadline.cancel() }
        return try await promise.futureResult.get()
    }

    private func expectOK(_ arguments: [RedisArgument]) async throws {
        let reply = try await send(arguments)
        if case .error(let message) = reply { throw RedisError.reply(message) }
    }

    public func close() async {
        try? await channel.close()
    }
}
