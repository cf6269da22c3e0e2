import ArgumentParser
import Foundation
import Marketplace

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Import or export the license keys of one price (its id is in `products list`).",
        subcommands: [Import.self, Export.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the keys of a .txt (one per line) or .csv file (its column named key, else its first) to a price.",
            discussion: "Blank lines, duplicates and invalid lines are counted and skipped; the customers waiting for the price are told by the bot."
        )
        @OptionGroup var options: ProductsCommand.Options
        @Option(help: "The price's id.")
        var price: Int
        @Argument(help: "The .txt or .csv file.")
        var file: String

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                guard let data = FileManager.default.contents(atPath: file) else { throw ShopTask.Refusal("\(file) can't be read") }
                let lines: KeyFile.Lines
                do {
                    lines = try KeyFile.lines(Array(data), kind: try KeyFile.kind(of: file))
                } catch KeyFile.ReadError.unsupportedType {
                    throw ShopTask.Refusal("\(file) isn't a .txt or .csv file")
                } catch {
                    throw ShopTask.Refusal("\(file) isn't UTF-8 text")
                }
                let report = try await shop.stock.addKeys(lines: lines.entries, firstLine: lines.firstLine, to: price, by: AuditLog.commandLine)
                var text =
                    "Added \(report.added) keys to price #\(price) from \(file): \(report.duplicates) duplicates, \(report.blank) blank lines, \(report.invalid) invalid."
                for refusal in report.refusals { text += "\n  line \(refusal.line) refused (\(refusal.reason.explanation)): \(refusal.text)" }
                print(text)
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a price's unsold keys, one per line.")
        @OptionGroup var options: ProductsCommand.Options
        @Option(help: "The price's id.")
        var price: Int
        @Option(name: .shortAndLong, help: "The file to write; standard output without it.")
        var output: String?

        func run() async throws {
            try await ShopTask.run(environmentFile: options.environmentFile) { shop, _ in
                let keys = try await shop.stock.exportUnused(priceID: price)
                try ShopTask.write(keys.map { $0 + "\n" }.joined(), to: output)
                if let output { print("Exported \(keys.count) unsold keys of price #\(price) to \(output).") }
            }
        }
    }
}

extension StockReport.Refusal.Reason {
    var explanation: String {
        switch self {
        case .repeated: "repeated above"
        case .alreadyInStock: "already in stock"
        case .tooLong: "longer than \(StockService.maximumKeyLength) characters"
        case .controlCharacters: "holds control characters"
        }
    }
}
