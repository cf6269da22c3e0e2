import ArgumentParser
import Foundation
import Marketplace

struct CustomersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Look up customers and change their balance or status, as the panel does (the audit log names the command line).",
        discussion: "A customer is named by Telegram id or @username. The command line doesn't talk to Telegram: the customer isn't told.",
        subcommands: [List.self, Show.self, Credit.self, Debit.self, Premium.self, Reseller.self, Ban.self]
    )

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
        var isOn: Bool { self == .on }
    }

    /// The customer `name` names, or a refusal saying there is none.
    static func customer(_ name: String, in shop: Shop) async throws -> CustomerSnapshot {
        guard let customer = try await shop.users.find(typed: name) else {
            throw ShopTask.Refusal("no customer \(name): a customer appears once they start the bot")
        }
        return customer
    }

    static func line(_ customer: CustomerSnapshot) -> String {
        var marks: [String] = []
        if customer.isPremium { marks.append("premium") }
        if customer.isReseller { marks.append("reseller") }
        if customer.isBanned { marks.append("banned") }
        let name = customer.firstName + (customer.username.map { " @" + $0 } ?? "")
        return "\(customer.telegramID) \(name): \(customer.balance.formatted)" + (marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]")
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Customers, newest first, a page at a time.")
        @OptionGroup var options: ProductsCommand.Options
        @Option(help: "all, premium, resellers or banned.")
        var filter: String = "all"
        @Option(help: "The page, from 1.")
        var page = 1

        func run() async throws {
            guard let filter = CustomerFilter(rawValue: filter) else { throw ValidationError("--filter is all, premium, resellers or banned") }
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let found = try await shop.users.list(filter, page: page, pageSize: 50)
                print(found.items.isEmpty ? "No customers." : found.items.map(CustomersCommand.line).joined(separator: "\n"))
                print("Page \(found.number) of \(found.pageCount), \(found.totalCount) customers.")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A customer's profile, last balance changes and Stars top-ups.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var customer: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let profile = try await shop.users.profile(try await CustomersCommand.customer(customer, in: shop).telegramID, ledgerLines: 10)
                var lines = [
                    CustomersCommand.line(profile.customer),
                    "first seen \(ExportService.date(profile.firstSeen)), last seen \(ExportService.date(profile.lastSeen))",
                ]
                lines.append("\(profile.orderCount) orders, \(profile.spent.formatted) spent")
                for line in profile.lastLedgerLines {
                    lines.append(
                        "  \(ExportService.date(line.date)) \(line.reason.rawValue) \(line.delta.formatted) → \(line.balanceAfter.formatted)\(line.note.map { ": " + $0 } ?? "")"
                    )
                }
                for payment in profile.starsPayments {
                    lines.append(
                        "  Stars payment #\(payment.id): \(payment.stars) Stars → \(payment.credited.formatted)\(payment.isRefunded ? " (refunded)" : "")"
                    )
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }

    /// What credit and debit take.
    struct Change: ParsableArguments {
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var customer: String
        @Argument(help: "The amount, such as 9.99.") var amount: String
        @Option(help: "The reason, as the customer reads it in their history.") var reason: String
    }

    static func change(_ change: Change, credit: Bool) async throws {
        try await ShopTask.run(environmentFile: change.options.environmentFile) { shop, _ in
            let customer = try await CustomersCommand.customer(change.customer, in: shop)
            let amount: Money
            do { amount = try Money.parse(change.amount, currency: shop.currency) } catch {
                throw ShopTask.Refusal("\(change.amount) isn't an amount: \(error)")
            }
            let balance =
                credit
                ? try await shop.ledger.credit(
                    amount, to: customer.telegramID, reason: .adminCredit, actorID: AuditLog.commandLine, note: change.reason)
                : try await shop.ledger.debit(
                    amount, from: customer.telegramID, reason: .adminDebit, actorID: AuditLog.commandLine, note: change.reason)
            print(
                "\(credit ? "Credited" : "Debited") \(amount.formatted) \(credit ? "to" : "from") \(customer.telegramID); the balance is \(balance.formatted)."
            )
        }
    }

    struct Credit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add to a customer's balance, with a reason.")
        @OptionGroup var change: Change
        func run() async throws { try await CustomersCommand.change(change, credit: true) }
    }

    struct Debit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take from a customer's balance, with a reason; never below zero.")
        @OptionGroup var change: Change
        func run() async throws { try await CustomersCommand.change(change, credit: false) }
    }

    /// What the status commands take.
    struct Status: ParsableArguments {
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var customer: String
        @Argument(help: "on or off.") var state: Switch
    }

    static func set(
        _ status: Status, _ name: String, _ change: @escaping @Sendable (Shop, CustomerSnapshot, Bool) async throws -> CustomerSnapshot
    ) async throws {
        try await ShopTask.run(environmentFile: status.options.environmentFile) { shop, _ in
            let customer = try await CustomersCommand.customer(status.customer, in: shop)
            print(CustomersCommand.line(try await change(shop, customer, status.state.isOn)) + " (\(name) \(status.state.rawValue))")
        }
    }

    struct Premium: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant (on) or revoke (off) premium.")
        @OptionGroup var status: Status
        func run() async throws {
            try await CustomersCommand.set(status, "premium") {
                try await $0.users.setPremium($2, telegramID: $1.telegramID, by: AuditLog.commandLine)
            }
        }
    }

    struct Reseller: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a customer a reseller (on) or not (off).")
        @OptionGroup var status: Status
        func run() async throws {
            try await CustomersCommand.set(status, "reseller") {
                try await $0.users.setReseller($2, telegramID: $1.telegramID, by: AuditLog.commandLine)
            }
        }
    }

    struct Ban: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ban (on) or unban (off) a customer; an admin can't be banned.")
        @OptionGroup var status: Status
        func run() async throws {
            try await CustomersCommand.set(status, "ban") { shop, customer, isOn in
                if isOn, try await shop.admins.isAdmin(customer.telegramID) {
                    throw ShopTask.Refusal("\(customer.telegramID) is an admin: remove them from the admins first")
                }
                return try await shop.users.setBanned(isOn, telegramID: customer.telegramID, by: AuditLog.commandLine)
            }
        }
    }
}
