import ArgumentParser
import Foundation
import Marketplace

struct PromoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promo",
        abstract: "Promo codes: create, list, show, pause, resume, limit.",
        subcommands: [Create.self, List.self, Show.self, Pause.self, Resume.self, Limit.self]
    )

    static func line(_ promo: PromoSummary) -> String {
        let off =
            switch promo.terms.discount {
            case .percent(let percent): "\(percent)% off"
            case .amount(let amount): "\(amount.formatted) off"
            }
        return [
            promo.code, off, "used \(promo.uses)\(promo.terms.maxUses.map { " of \($0)" } ?? "")", "revenue \(promo.revenue.formatted)",
            promo.isPaused ? "paused" : nil,
        ].compactMap { $0 }.joined(separator: " · ")
    }

    static func when(_ date: Date?) -> String { date.map { ExportService.date($0) } ?? "-" }

    /// `2026-12-31` (the start of that day, UTC) or a full ISO 8601 time.
    static func date(_ text: String) throws -> Date {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = day.date(from: text) else { throw ValidationError("\(text) is not a date: 2026-12-31 or 2026-12-31T18:00:00Z") }
        return date
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a promo code: a percentage or an amount off a purchase, within limits.",
            discussion: "Codes are 3 to 32 of A-Z, 0-9, - and _, in any case as customers type them.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The code.") var code: String
        @Option(help: "A percentage off, 1 to 100.") var percent: Int?
        @Option(help: "An amount off, in the shop's currency (e.g. 2.50).") var amount: String?
        @Option(help: "How many purchases may use it in all (default: no limit).") var uses: Int?
        @Option(help: "How many purchases one customer may use it for.") var perCustomer = 1
        @Option(help: "From when (2026-12-31 or an ISO 8601 time).") var from: String?
        @Option(help: "Until when (2026-12-31 or an ISO 8601 time).") var until: String?
        @Option(help: "Only for this product (a product id; repeat for more).") var product: [Int] = []
        @Option(help: "The smallest order it applies to, before the discount.") var minOrder: String?
        @Flag(help: "Resellers may use it too.") var resellers = false

        func run() async throws {
            guard (percent == nil) != (amount == nil) else { throw ValidationError("give --percent or --amount, one of them") }
            let startsAt = try from.map(PromoCommand.date)
            let endsAt = try until.map(PromoCommand.date)
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let discount: PromoTerms.Discount =
                    if let percent { .percent(percent) } else { .amount(try Money.parse(amount ?? "", currency: shop.currency)) }
                let terms = PromoTerms(
                    discount: discount, maxUses: uses, perCustomer: perCustomer, startsAt: startsAt, endsAt: endsAt, productIDs: product,
                    minOrder: try minOrder.map { try Money.parse($0, currency: shop.currency) }, forResellers: resellers)
                let promo = try await shop.promos.create(code: code, terms: terms, by: AuditLog.commandLine)
                print("Created \(PromoCommand.line(promo)).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every code, newest first, with its uses and revenue.")
        @OptionGroup var options: ProductsCommand.Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let promos = try await shop.promos.list()
                print(promos.isEmpty ? "No promo codes." : promos.map(PromoCommand.line).joined(separator: "\n"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One code with all its terms.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The code.") var code: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                guard let promo = try await shop.promos.summary(code: code) else { throw ShopTask.Refusal("there is no promo code \(code)") }
                let terms = promo.terms
                print(PromoCommand.line(promo))
                print("  per customer: \(terms.perCustomer), from \(PromoCommand.when(terms.startsAt)), until \(PromoCommand.when(terms.endsAt))")
                print("  products: \(terms.productIDs.isEmpty ? "all" : terms.productIDs.map(String.init).joined(separator: ", "))")
                print("  smallest order: \(terms.minOrder?.formatted ?? "any"), resellers: \(terms.forResellers ? "yes" : "no")")
                print("  discounts given: \(promo.discounts.formatted)")
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a code from being used until it is resumed.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The code.") var code: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                try await shop.promos.setPaused(true, code: code, by: AuditLog.commandLine)
                print("Paused \(code.uppercased()).")
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let a paused code be used again.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The code.") var code: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                try await shop.promos.setPaused(false, code: code, by: AuditLog.commandLine)
                print("Resumed \(code.uppercased()).")
            }
        }
    }

    struct Limit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change how often and until when a code may be used; what isn't given stays as it is.")
        @OptionGroup var options: ProductsCommand.Options
        @Argument(help: "The code.") var code: String
        @Option(help: "Uses in all; 0: no limit.") var uses: Int?
        @Option(help: "Uses per customer.") var perCustomer: Int?
        @Option(help: "Until when (2026-12-31 or an ISO 8601 time); empty: no end.") var until: String?

        func run() async throws {
            guard uses != nil || perCustomer != nil || until != nil else { throw ValidationError("give --uses, --per-customer or --until") }
            let endsAt = try until.map { $0.isEmpty ? nil : try PromoCommand.date($0) }
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                guard let current = try await shop.promos.summary(code: code) else { throw ShopTask.Refusal("there is no promo code \(code)") }
                try await shop.promos.setLimits(
                    code: code, maxUses: uses.map { $0 == 0 ? nil : $0 } ?? current.terms.maxUses,
                    perCustomer: perCustomer ?? current.terms.perCustomer, endsAt: endsAt ?? current.terms.endsAt, by: AuditLog.commandLine)
                print("Changed \(PromoCommand.line(try await shop.promos.summary(code: code) ?? current)).")
            }
        }
    }
}
