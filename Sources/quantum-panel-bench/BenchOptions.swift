import ArgumentParser

/// What every scenario that drives the shop takes.
struct BenchOptions: ParsableArguments {
    @Option(help: "Customers at once.") var customers = 200
    @Option(
        help:
            "The bot to drive: swift (this build's quantum-panel) or aiogram (the reference, installed by scripts/install-aiogram-reference; flow only)."
    )
    var bot: BotUnderTest.Kind = .swift
    @Option(help: "A PostgreSQL URL; a SQLite file without it.") var postgres: String?
    @Option(help: "A Redis URL for the bot's cache.") var redis: String?
    @Flag(help: "One JSON object instead of text.") var json = false
    @Option(help: "Write the bot's /metrics, read at the end of the run, to this file (this build's bot only).") var metrics: String?

    func validate() throws {
        guard customers >= 1 else { throw ValidationError("--customers must be at least 1.") }
        if bot == .aiogram, metrics != nil { throw ValidationError("--metrics reads this build's bot; the aiogram reference has none.") }
        if bot == .aiogram, postgres != nil || redis != nil {
            throw ValidationError("The aiogram reference runs on SQLite without Redis only.")
        }
    }

    var database: String { postgres == nil ? "sqlite" : "postgresql" }
}
