import Foundation

/// A catalogue as a JSON file, for moving products and prices between shops
/// (`quantum-panel products export|import`). Amounts are text in major units (`"9.99"`), read
/// as an admin's typing is, never as floating point. Keys are not in it: they move with
/// `keys export|import`.
public struct CatalogueFile: Codable, Sendable, Equatable {
    public struct Product: Codable, Sendable, Equatable {
        public var name: String
        public var description: String
        /// Telegram file ids belong to one bot: a photo moves only to a shop run by the same bot.
        public var photoFileID: String?
        public var premiumOnly: Bool
        public var visible: Bool
        public var prices: [Price]

        enum CodingKeys: String, CodingKey {
            case name, description, prices, visible
            case photoFileID = "photo_file_id"
            case premiumOnly = "premium_only"
        }
    }

    public struct Price: Codable, Sendable, Equatable {
        public var label: String
        /// nil for lifetime.
        public var days: Int?
        public var price: String
        public var resellerPrice: String?
        public var visible: Bool

        enum CodingKeys: String, CodingKey {
            case label, days, price, visible
            case resellerPrice = "reseller_price"
        }
    }

    /// The ISO 4217 code the amounts are in; an import into a shop in another currency is refused.
    public var currency: String
    public var products: [Product]

    /// One thing wrong in a file, with where it is (`products[2].prices[0].price`).
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Every problem in the file, checked by the rules the panel applies; empty when it can be imported.
    public func problems(importingInto currency: Currency) -> [Problem] {
        var problems: [Problem] = []
        if Currency(code: self.currency) != currency {
            problems.append(Problem(path: "currency", reason: "the file's amounts are in \(self.currency), the shop's in \(currency.code)"))
        }
        for (index, product) in products.enumerated() {
            let path = "products[\(index)]"
            do { _ = try CatalogueRules.name(product.name) } catch { problems.append(Problem(path: path + ".name", reason: "\(error)")) }
            do { _ = try CatalogueRules.description(product.description, hasPhoto: product.photoFileID != nil) } catch {
                problems.append(Problem(path: path + ".description", reason: "\(error)"))
            }
            for (priceIndex, price) in product.prices.enumerated() {
                let path = "\(path).prices[\(priceIndex)]"
                do { _ = try CatalogueRules.durationLabel(price.label) } catch { problems.append(Problem(path: path + ".label", reason: "\(error)")) }
                do { _ = try CatalogueRules.duration(price.days) } catch { problems.append(Problem(path: path + ".days", reason: "\(error)")) }
                for (field, text) in [("price", price.price), ("reseller_price", price.resellerPrice)] {
                    guard let text else { continue }
                    do {
                        _ = try CatalogueRules.price(try Money.parse(text, currency: currency))
                    } catch {
                        problems.append(Problem(path: "\(path).\(field)", reason: "\"\(text)\": \(error)"))
                    }
                }
            }
        }
        return problems
    }
}

extension CatalogueService {
    /// Every product that isn't archived, with its prices that aren't, in the customers' order.
    public func exportCatalogue() async throws -> CatalogueFile {
        var products: [CatalogueFile.Product] = []
        for summary in try await adminProducts() where !summary.isArchived {
            let product = try await adminProduct(summary.id)
            products.append(
                CatalogueFile.Product(
                    name: product.name, description: product.description, photoFileID: product.photoFileID,
                    premiumOnly: product.isPremiumOnly, visible: product.isVisible,
                    prices: product.prices.filter { !$0.isArchived }.map { price in
                        CatalogueFile.Price(
                            label: price.durationLabel, days: price.durationDays, price: price.price.amount,
                            resellerPrice: price.resellerPrice?.amount, visible: price.isVisible
                        )
                    }
                ))
        }
        return CatalogueFile(currency: currency.code, products: products)
    }

    /// What an import did.
    public struct ImportReport: Sendable, Equatable {
        public var productsAdded = 0
        public var pricesAdded = 0
        /// Products whose name the shop already has, left as they are.
        public var skipped: [String] = []
    }

    /// Adds the file's products and prices through the same calls the panel makes (each audited),
    /// after checking the whole file: one problem and nothing is imported. A product whose name
    /// the shop already has is skipped, so an import run twice adds nothing the second time.
    /// - Throws: ``CatalogueFileError/problems(_:)``.
    public func importCatalogue(_ file: CatalogueFile, by adminID: Int64) async throws -> ImportReport {
        try await permissions.require(.catalogue, adminID)
        let problems = file.problems(importingInto: currency)
        guard problems.isEmpty else { throw CatalogueFileError.problems(problems) }
        let existing = Set(try await adminProducts().map(\.name))
        var report = ImportReport()
        for product in file.products {
            guard !existing.contains(try CatalogueRules.name(product.name)) else {
                report.skipped.append(product.name)
                continue
            }
            let id = try await createProduct(
                name: product.name, description: product.description, photoFileID: product.photoFileID, isPremiumOnly: product.premiumOnly,
                by: adminID)
            report.productsAdded += 1
            for price in product.prices {
                let priceID = try await addPrice(
                    to: id, durationLabel: price.label, durationDays: price.days, price: try Money.parse(price.price, currency: currency),
                    resellerPrice: try price.resellerPrice.map { try Money.parse($0, currency: currency) }, by: adminID
                )
                if !price.visible { try await setPriceVisible(false, priceID: priceID, by: adminID) }
                report.pricesAdded += 1
            }
            if !product.visible { try await setProductVisible(false, productID: id, by: adminID) }
        }
        return report
    }
}

public enum CatalogueFileError: Error, Equatable, Sendable {
    /// The file was checked and refused, for each of these.
    case problems([CatalogueFile.Problem])
}
