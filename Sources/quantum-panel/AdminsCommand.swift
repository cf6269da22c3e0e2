import ArgumentParser
import Foundation
import Marketplace

struct AdminsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admins",
        abstract: "List, add or remove admins, or set their roles. The command line acts as the root admin; the root admin can't be removed.",
        subcommands: [List.self, Add.self, SetRole.self, Remove.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every admin, the root first.")
        @OptionGroup var options: ProductsCommand.Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let lines = try await shop.admins.staff().map { member in
                    let name = [member.firstName, member.username.map { "@" + $0 }].compactMap { $0 }.joined(separator: " ")
                    return "\(member.telegramID)\(name.isEmpty ? "" : " " + name) (\(member.role?.rawValue ?? "root"))"
                }
                print(lines.joined(separator: "\n"))
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make someone an admin, by Telegram id, or by @username once they have started the bot.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var who: String
        @Option(help: "owner (everything but managing admins), manager, support or content.") var role: AdminRole = .owner

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let customer = try await shop.users.find(typed: who)
                guard let id = CustomerRules.userID(who) ?? customer?.telegramID else {
                    throw ShopTask.Refusal("no one with \(who) has started the bot: give their Telegram id instead")
                }
                try await shop.admins.add(id, username: customer?.username, role: role, by: AuditLog.commandLine)
                print("\(id) is an admin now, with the role \(role.rawValue).")
            }
        }
    }

    struct SetRole: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Give an admin another role; it holds from their next update.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "Telegram id or @username.") var who: String
        @Argument(help: "owner, manager, support or content.") var role: AdminRole

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let named = try await shop.users.find(typed: who)?.telegramID
                guard let id = CustomerRules.userID(who) ?? named else { throw ShopTask.Refusal("no one is named \(who)") }
                try await shop.admins.setRole(role, of: id, by: AuditLog.commandLine)
                print("\(id) is \(role.rawValue) now.")
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

extension AdminRole: ExpressibleByArgument {}
