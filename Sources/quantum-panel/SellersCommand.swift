import ArgumentParser
import Foundation
import Marketplace

struct SellersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sellers",
        abstract: "The trusted sellers customers see: list, add, edit, remove, move.",
        subcommands: [List.self, Add.self, Edit.self, Remove.self, Move.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The sellers in the order customers see them.")
        @OptionGroup var options: ProductsCommand.Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let sellers = try await shop.sellers.list()
                print(
                    sellers.isEmpty
                        ? "No trusted sellers."
                        : sellers.map { "#\($0.id) @\($0.username) \($0.displayName)\($0.note.map { ": " + $0 } ?? "")" }.joined(separator: "\n"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a seller at the end of the list.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The seller's @username.") var username: String
        @Option(help: "The name customers see.") var name: String
        @Option(help: "A note customers see.") var note: String?

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let seller = try await shop.sellers.add(username: username, displayName: name, note: note, by: AuditLog.commandLine)
                print("Added seller #\(seller.id) @\(seller.username).")
            }
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a seller's username, name or note (an empty note removes it).")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The seller's id (`sellers list`).") var seller: Int
        @Option var username: String?
        @Option var name: String?
        @Option var note: String?

        func run() async throws {
            guard username != nil || name != nil || note != nil else { throw ValidationError("give --username, --name or --note") }
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let edited = try await shop.sellers.edit(
                    seller, username: username, displayName: name, note: note.map { $0.isEmpty ? nil : $0 }, by: AuditLog.commandLine)
                print("Seller #\(edited.id) is @\(edited.username) \(edited.displayName).")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a seller from the list.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The seller's id.") var seller: Int

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                try await shop.sellers.remove(seller, by: AuditLog.commandLine)
                print("Removed seller #\(seller).")
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a seller one place up or down.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The seller's id.") var seller: Int
        @Argument(help: "up or down.") var direction: Direction

        enum Direction: String, ExpressibleByArgument, CaseIterable { case up, down }

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let (place, count) = try await shop.sellers.move(seller, up: direction == .up, by: AuditLog.commandLine)
                print("Seller #\(seller) is now \(place) of \(count).")
            }
        }
    }
}
