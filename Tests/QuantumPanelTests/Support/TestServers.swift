import Foundation
import Testing

/// The PostgreSQL and Redis servers `scripts/test` starts, found through the environment.
///
/// Without the variable a server test is disabled locally, but under `CI=true` it fails,
/// naming the variable, so a CI run can never pass by skipping them.
enum TestServers {
    static let postgresVariable = "TEST_POSTGRES_URL"
    static let redisVariable = "TEST_REDIS_URL"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether a test needing `variable` should run: always on CI, elsewhere only when it is set.
    static func shouldRun(_ variable: String) -> Bool {
        isCI || ProcessInfo.processInfo.environment[variable] != nil
    }

    /// The server URL in `variable`; throws (so the test fails) when it is unset.
    static func url(_ variable: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let text = try #require(
            ProcessInfo.processInfo.environment[variable], "\(variable) is not set: run the tests with ./scripts/test", sourceLocation: sourceLocation
        )
        return try #require(URL(string: text), "\(variable) is not a URL", sourceLocation: sourceLocation)
    }
}
