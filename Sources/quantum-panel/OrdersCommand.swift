import ArgumentParser
import Foundation
import Marketplace

struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders",
        abstract: "Show an order, refund its keys to the customer's balance, or export orders as CSV.",
        subcommands: [Show.self, Refund.self, Export.self]
    )

    static func print(_ order: AdminOrder) {
        var lines = [
            "Order #\(order.orderID) of \(order.customer.telegramID), \(ExportService.date(order.date)): \(order.productName) · \(order.durationLabel) × \(order.quantity), \(order.amount.formatted), \(order.status)"
        ]
        for key in order.keys {
            let refund = key.refund.map { " (refunded \($0.amount.formatted), \($0.disposition == .restock ? "back in stock" : "revoked"))" } ?? ""
            lines.append("  key #\(key.id) \(key.text)\(refund)")
        }
        Swift.print(lines.joined(separator: "\n"))
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An order with its keys and refunds.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The order's number.") var order: Int

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                OrdersCommand.print(try await shop.refunds.order(order))
            }
        }
    }

    struct Refund: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refund keys of an order to the customer's balance, each key once.",
            discussion: "Without --keys every key not refunded yet. --restock puts them back on sale; --revoke never sells them again."
        )
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The order's number.") var order: Int
        @Option(parsing: .upToNextOption, help: "The ids of the keys to refund (`orders show` lists them).") var keys: [Int] = []
        @Flag(help: "Put the keys back in stock (--restock) or never sell them again (--revoke).") var disposition: RefundDisposition

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let outcome = try await shop.refunds.refund(
                    orderID: order, keyIDs: keys.isEmpty ? nil : keys, disposition: disposition, by: AuditLog.commandLine)
                Swift.print(
                    "Refunded \(outcome.amount.formatted) for \(outcome.keys.count) keys of order #\(order); the balance of \(outcome.customerTelegramID) is \(outcome.balanceAfter.formatted)."
                )
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Orders as CSV, of a date range when given (the same as `export orders`).")
        @OptionGroup var range: ExportCommand.Range
        func run() async throws { try await ExportCommand.run(.orders, range) }
    }
}

extension RefundDisposition: EnumerableFlag {}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write orders, customers, the ledger, the audit log or top-ups as CSV, read from the database a page at a time.",
        subcommands: [Orders.self, Customers.self, Ledger.self, Audit.self, TopUps.self]
    )

    struct Range: ParsableArguments {
        @OptionGroup var options: ProductsCommand.Options
        @Option(help: "The first day, such as 2026-11-01 (UTC).") var from: String?
        @Option(help: "The last day, included.") var to: String?
        @Option(name: .shortAndLong, help: "The file to write; standard output without it.") var output: String?

        func dates() throws -> ClosedRange<Date>? {
            guard from != nil || to != nil else { return nil }
            let start = try from.map { try Self.day($0) } ?? Date(timeIntervalSince1970: 0)
            let end = try to.map { try Self.day($0).addingTimeInterval(86_400 - 0.001) } ?? Date.distantFuture
            guard start <= end else { throw ValidationError("--from is after --to") }
            return start...end
        }

        static func day(_ text: String) throws -> Date {
            guard let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) else {
                throw ValidationError("\(text) is not a day such as 2026-11-01")
            }
            return date
        }
    }

    static func run(_ kind: ExportKind, _ range: Range) async throws {
        let dates = try range.dates()
        try await ShopTask.run(environmentFile: range.options.environmentFile) { shop, _ in
            let handle: FileHandle
            if let output = range.output {
                guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                    throw ShopTask.Refusal("\(output) can't be written")
                }
                handle = file
            } else {
                handle = .standardOutput
            }
            let rows = try await shop.exports.export(kind, createdIn: dates) { handle.write(Data($0.utf8)) }
            if let output = range.output {
                try handle.close()
                print("Exported \(rows) rows to \(output).")
            }
        }
    }

    struct Orders: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "orders", abstract: "Orders as CSV, of a date range when given.")
        @OptionGroup var range: Range
        func run() async throws { try await ExportCommand.run(.orders, range) }
    }

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "customers", abstract: "Every customer as CSV.")
        @OptionGroup var range: Range
        func run() async throws { try await ExportCommand.run(.customers, range) }
    }

    struct Ledger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Every balance change as CSV.")
        @OptionGroup var range: Range
        func run() async throws { try await ExportCommand.run(.ledger, range) }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit log as CSV.")
        @OptionGroup var range: Range
        func run() async throws { try await ExportCommand.run(.audit, range) }
    }

    struct TopUps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "top-ups", abstract: "Top-ups through payment providers as CSV.")
        @OptionGroup var range: Range
        func run() async throws { try await ExportCommand.run(.topUps, range) }
    }
}
