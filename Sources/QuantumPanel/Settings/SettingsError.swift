/// Configuration the bot can't start with: one line per problem, each naming its variable.
///
/// The only error that stops start-up; the command line prints ``problems`` and exits with code 2.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each line names the variable, what is wrong and what is expected. Secrets are never quoted.
    public let problems: [String]

    public init(problems: [String]) {
        precondition(!problems.isEmpty, "a SettingsError names at least one problem")
        self.problems = problems
    }

    public var description: String {
        problems.joined(separator: "\n")
    }
}
