import ArgumentParser

@main
struct QuantumPanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantum-panel",
        abstract: "A Telegram shop bot for digital products: catalogue, balances, instant key delivery, admin panel.",
        discussion: """
            Settings come from the environment, then a .env file, then defaults; .env.example lists them all.
            Without a subcommand, `run` starts the bot.
            """,
        subcommands: [RunCommand.self, MigrateCommand.self, SeedCommand.self, ProductsCommand.self, KeysCommand.self, CustomersCommand.self, OrdersCommand.self, AdminsCommand.self, SellersCommand.self, ExportCommand.self, SandboxCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
