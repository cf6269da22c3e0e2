import ArgumentParser

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the bot: check the settings, connect to the Bot API and serve updates until SIGTERM or SIGINT.",
        discussion: """
            Exits with code 2, listing every problem, when the settings are wrong; with code 1 when
            Telegram refuses the token or can't be reached.
            """
    )

    @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
    var environmentFile = ".env"

    func run() async throws {
        try await BotLauncher.run(settings: try await BotLauncher.loadSettings(environmentFile: environmentFile))
    }
}
