import Configuration
import Foundation
import SystemPackage

extension Settings {
    /// Reads and checks the settings: the environment first, then `environmentFile`, then defaults.
    ///
    /// - Parameters:
    ///   - environment: the process environment; tests pass their own.
    ///   - environmentFile: a `.env` file of `NAME=value` lines; a missing file is fine.
    ///   - fallbacks: values used when neither sets a variable, for commands that don't talk to
    ///     Telegram and so need no token.
    /// - Throws: ``SettingsError`` listing every problem found, not just the first.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        environmentFile: String = ".env",
        fallbacks: [SettingsVariable: String] = [:]
    ) async throws(SettingsError) -> Settings {
        let secrets = SecretsSpecifier<String, String>.specific(Set(variables.filter(\.isSecret).map(\.name)))
        let fileProvider: EnvironmentVariablesProvider
        do {
            fileProvider = try await EnvironmentVariablesProvider(
                environmentFilePath: FilePath(environmentFile), allowMissing: true, secretsSpecifier: secrets)
        } catch {
            throw SettingsError(problems: ["\(environmentFile) could not be read: \(error)"])
        }
        let reader = SettingsReader(
            ConfigReader(providers: [
                EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: secrets),
                fileProvider,
                EnvironmentVariablesProvider(
                    environmentVariables: Dictionary(uniqueKeysWithValues: fallbacks.map { ($0.name, $1) }), secretsSpecifier: secrets),
            ]))
        guard let settings = Settings(reading: reader) else { throw SettingsError(problems: reader.problems) }
        return settings
    }
}
