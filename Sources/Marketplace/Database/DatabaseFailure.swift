import AsyncKit
import Foundation
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// What a database error means for the bot: an outage to wait out, a setting only the operator
/// can fix, or an error of the query itself; and what the server said, in words.
///
/// `PSQLError`'s own description is a fixed sentence ("Generic description to prevent accidental
/// leakage of sensitive data"), so ``describe(_:)`` reads its server fields and underlying error
/// instead; neither ever holds the password.
public enum DatabaseFailure: Sendable, Equatable {
    /// The database can't be reached now and may be soon: refused or lost connections, a server
    /// shutting down or starting, a SQLite file another process holds locked.
    case unreachable(String)
    /// Trying again can't help: a wrong password or user, a database that doesn't exist.
    case misconfigured(String)

    /// What `error` means, or nil for an error of the query (a constraint, a syntax error).
    public init?(_ error: any Error) {
        switch error {
        case let error as PSQLError:
            guard let failure = Self.classify(error) else { return nil }
            self = failure
        case let error as SQLiteError where error.reason == .busy || error.reason == .locked:
            self = .unreachable("the SQLite file is locked by another process (\(error.message))")
        case is DatabaseConnectionLost:
            self = .unreachable("\(error)")
        case is ConnectionPoolTimeoutError:
            self = .unreachable("no database connection could be had within the pool's timeout")
        case is IOError, is ChannelError, is NIOConnectionError:
            self = .unreachable(Self.describe(error))
        default:
            return nil
        }
    }

    public var reason: String {
        switch self {
        case .unreachable(let reason), .misconfigured(let reason): reason
        }
    }

    public var isUnreachable: Bool {
        if case .unreachable = self { return true }
        return false
    }

    private static func classify(_ error: PSQLError) -> DatabaseFailure? {
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            // 08: connection exceptions; 57P01–03: the server shutting down, crashed or starting;
            // 53300: too many connections (others have not let go yet).
            if state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state) { return .unreachable(describe(error)) }
            // 28: authentication; 3D000: no such database.
            if state.hasPrefix("28") || state == "3D000" { return .misconfigured(describe(error)) }
            return nil
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .sslUnsupported, .failedToAddSSLHandler,
            .receivedUnencryptedDataAfterSSLRequest:
            return .unreachable(describe(error))
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .misconfigured(describe(error))
        default:
            return nil
        }
    }

    /// What went wrong, as the server or the network said it: "password authentication failed
    /// for user "shop" (28P01)", "connection refused". Never the generic sentence of `PSQLError`.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                return "\(message) (\(error.serverInfo?[.sqlState] ?? "no SQLSTATE"))"
            }
            let what =
                switch error.code {
                case .connectionError: "could not connect"
                case .serverClosedConnection: "the server closed the connection"
                case .clientClosedConnection: "the connection was closed"
                case .uncleanShutdown: "the connection ended uncleanly"
                case .sslUnsupported: "the server does not support TLS, which the URL requires"
                case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest: "TLS could not be set up"
                case .unsupportedAuthMechanism: "the server asks for an authentication method this bot does not support"
                case .authMechanismRequiresPassword: "the server asks for a password and the URL has none"
                case .saslError: "SCRAM authentication failed"
                default: "PostgreSQL error \(error.code)"
                }
            return error.underlying.map { "\(what): \(describe($0))" } ?? what
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case let error as NIOConnectionError:
            return error.connectionErrors.first.map { describe($0.error) } ?? "could not connect to \(error.host):\(error.port)"
        case ChannelError.connectTimeout:
            return "connection timed out"
        default:
            return "\(error)"
        }
    }
}
