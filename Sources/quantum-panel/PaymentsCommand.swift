import ArgumentParser
import Foundation
import Logging
import Marketplace
import QuantumPanel

struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Top-ups through payment providers (Telegram Stars, Crypto Pay): list them, show one, or reconcile with the providers now.",
        subcommands: [List.self, Show.self, Reconcile.self]
    )

    static func line(_ topUp: TopUpRecord) -> String {
        [
            "#\(topUp.id)", "\(topUp.provider.rawValue) invoice \(topUp.invoiceID ?? "none")", "customer \(topUp.telegramID)",
            topUp.amount.formatted + (topUp.price.map { " for \($0) Stars" } ?? ""),
            topUp.state.rawValue, ExportService.date(topUp.createdAt),
        ].joined(separator: " · ")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest top-ups, newest first.")
        @OptionGroup var options: ProductsCommand.Options
        @Option(help: "Only this customer's (a Telegram id).") var customer: Int64?
        @Option(help: "Only those in this state: created, paid, credited, expired, cancelled or refunded.") var state: TopUpState?
        @Option(help: "How many, at most.") var limit = 50

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let topUps = try await shop.topUps.recent(limit: max(1, limit), telegramID: customer, state: state)
                print(topUps.isEmpty ? "No top-ups." : topUps.map(PaymentsCommand.line).joined(separator: "\n"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One top-up, with its Pay link and when it was credited.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The top-up's number (`payments list` shows it).") var topUp: Int

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                guard let found = try await shop.topUps.topUp(id: topUp) else { throw ShopTask.Refusal("no top-up #\(topUp)") }
                print(PaymentsCommand.line(found))
                print(
                    "  pay link: \(found.payURL ?? "none"), expires \(ExportService.date(found.expiresAt)), credited \(ExportService.date(found.creditedAt))"
                )
            }
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask the providers about every payment now: credit the paid ones not credited yet, expire the overdue ones.",
            discussion: """
                Telegram is asked for the bot's Stars transactions, and Crypto Pay (when on) about every top-up still waiting. The bot \
                does the same every 5 minutes; each paid invoice is credited once, whoever sees it first.
                """)
        @OptionGroup var options: ProductsCommand.Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, settings in
                let outcome = try await QuantumPanelApp.reconcileTopUps(shop: shop, settings: settings, logger: Logger(label: "quantum-panel"))
                print("Credited \(outcome.credited) top-ups; \(outcome.expired) expired unpaid.")
            }
        }
    }
}

extension TopUpState: ExpressibleByArgument {}
