import ArgumentParser
import Foundation
import Marketplace

struct AdminsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admins",
        abstract: "List, add or remove admins. The command line acts as the root admin; the root admin can't be removed.",
        subcommands: [List.self, Add.self, Remove.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every admin, the root first.")
        @OptionGroup var options: ProductsCommand.Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let lines = try await shop.admins.staff().map { member in
                    let name = [member.firstName, member.username.map { "@" + $0 }].compactMap { $0 }.joined(separator: " ")
                    return "\(member.telegramID)\(name.isEmpty ? "" : " " + name)\(member.isRoot ? " (root)" : "")"
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make someone an admin, by Telegram id, or by @username once they have started the bot.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var who: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let customer = try await shop.users.find(typed: who)
                guard let id = CustomerRules.userID(who) ?? customer?.telegramID else {
                    throw ShopTask.Refusal("no one with \(who) has started the bot: give their Telegram id instead")
                }
                try await shop.admins.add(id, username: customer?.username, by: AuditLog.commandLine)
                print("\(id) is an admin now.")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take the panel away from an admin; it goes at their next update.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var who: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let named = try await shop.users.find(typed: who)?.telegramID
                guard let id = CustomerRules.userID(who) ?? named else { throw ShopTask.Refusal("no one is named \(who)") }
                try await shop.admins.remove(id, by: AuditLog.commandLine)
                print("\(id) is no longer an admin.")
            }
        }
    }
}
