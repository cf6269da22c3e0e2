import ArgumentParser
import Foundation
import Marketplace

struct ProductsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "List, export or import the catalogue of the database named by DATABASE_URL.",
        discussion: """
            export and import use JSON (products with their prices, amounts as text such as "9.99"), \
            for moving a catalogue between shops; keys move with `keys export|import`.
            """,
        subcommands: [List.self, Export.self, Import.self]
    )

    struct Options: ParsableArguments {
        @Option(name: .customLong("env-file"), help: "The .env file to read after the environment.")
        var environmentFile = ".env"
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every product with its prices, ids and unsold keys.")
        @OptionGroup var options: Options

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                var lines: [String] = []
                for summary in try await shop.catalogue.adminProducts() {
                    let product = try await shop.catalogue.adminProduct(summary.id)
                    let state = product.isArchived ? "archived" : product.isVisible ? "shown" : "hidden"
                    lines.append("#\(product.id) \(product.name) [\(state)\(product.isPremiumOnly ? ", premium only" : "")]")
                    for price in product.prices {
                        let days = price.durationDays.map { "\($0) days" } ?? "lifetime"
                        let reseller = price.resellerPrice.map { ", resellers \($0.formatted)" } ?? ""
                        let state = price.isArchived ? ", archived" : price.isVisible ? "" : ", hidden"
                        lines.append(
                            "  price #\(price.id) \(price.durationLabel) (\(days)): \(price.price.formatted)\(reseller); \(price.stock) unsold, \(price.sold) sold\(state)"
                        )
                    }
                }
                print(lines.isEmpty ? "No products." : lines.joined(separator: "\n"))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the catalogue (archived products and prices left out) as JSON.")
        @OptionGroup var options: Options
        @Option(name: .shortAndLong, help: "The file to write; standard output without it.")
        var output: String?

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let file = try await shop.catalogue.exportCatalogue()
                try ShopTask.write(String(decoding: try encoder.encode(file), as: UTF8.self) + "\n", to: output)
                if let output { print("Exported \(file.products.count) products, \(file.products.flatMap(\.prices).count) prices to \(output).") }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the products and prices of a JSON file that `products export` wrote.",
            discussion: "The whole file is checked first: one problem and nothing is imported. Products whose name the shop has are skipped."
        )
        @OptionGroup var options: Options
        @Argument(help: "The JSON file.")
        var file: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                guard let data = FileManager.default.contents(atPath: file) else { throw ShopTask.Refusal("\(file) can't be read") }
                let catalogue: CatalogueFile
                do {
                    catalogue = try JSONDecoder().decode(CatalogueFile.self, from: data)
                } catch let error as DecodingError {
                    throw ShopTask.Refusal("\(file) isn't a catalogue file: \(Self.describe(error))")
                }
                do {
                    let report = try await shop.catalogue.importCatalogue(catalogue, by: AuditLog.commandLine)
                    var text = "Imported \(report.productsAdded) products and \(report.pricesAdded) prices from \(file)."
                    if !report.skipped.isEmpty { text += " Skipped, already in the shop: \(report.skipped.joined(separator: ", "))." }
                    print(text)
                } catch CatalogueFileError.problems(let problems) {
                    throw ShopTask.Refusal("nothing was imported from \(file):\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
                }
            }
        }

        /// Where the JSON went wrong, as a path such as `products[1].prices[0].price`.
        static func describe(_ error: DecodingError) -> String {
            func path(_ keys: [any CodingKey]) -> String {
                keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
            }
            switch error {
            case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
            case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) has the wrong type"
            case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "\(path(context.codingPath)) is unreadable"
            @unknown default: return "\(error)"
            }
        }
    }
}
