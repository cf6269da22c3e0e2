import ArgumentParser
import NIOCore
import NIOPosix

@main
struct QuantumPanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quantum-panel",
        abstract: "A Telegram shop bot for digital products: catalogue, balances, instant key delivery, admin panel.",
        discussion: """
            Settings come from the environment, then a .env file, then defaults; .env.example lists them all.
            Without a subcommand, `run` starts the bot.
            """,
        subcommands: [
            RunCommand.self, MigrateCommand.self, SeedCommand.self, ProductsCommand.self, KeysCommand.self, CustomersCommand.self, OrdersCommand.self,
            AdminsCommand.self, SellersCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, SandboxCommand.self,
            PaymentsCommand.self, PromoCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Runs Swift's tasks on NIO's event loops, so that an answer read from a socket goes on in
    /// the handler without a hop to another thread: about a tenth less CPU a tap (BENCHMARKS.md).
    /// It has to happen before the command starts any task of its own.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}
