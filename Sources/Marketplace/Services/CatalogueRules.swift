import Foundation

/// What a product or a price may hold, checked the same way by the service and by the admin
/// panel's dialogs at each step. Lengths are UTF-16 code units, as Telegram counts them once
/// the HTML around them is parsed.
public enum CatalogueRules {
    /// A name shows whole in the product card's title and the receipt.
    public static let nameLimit = 100
    /// A text card holds 4096; this leaves room for the title and every price.
    public static let descriptionLimit = 3000
    /// A photo card's caption holds 1024; this leaves room for the title and the prices.
    public static let photoDescriptionLimit = 700
    public static let durationLabelLimit = 40
    /// A hundred years: anything longer is "lifetime".
    public static let durationDaysLimit = 36_500

    /// The name trimmed, or why it can't be one.
    public static func name(_ text: String) throws(CatalogueError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .nameEmpty }
        guard name.utf16.count <= nameLimit else { throw .nameTooLong(length: name.utf16.count, limit: nameLimit) }
        return name
    }

    /// The description trimmed (it may be empty), or why it is too long for the card it goes on.
    public static func description(_ text: String, hasPhoto: Bool) throws(CatalogueError) -> String {
        let description = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let length = description.utf16.count
        if hasPhoto, length > photoDescriptionLimit { throw .descriptionTooLongForPhoto(length: length, limit: photoDescriptionLimit) }
        guard length <= descriptionLimit else { throw .descriptionTooLong(length: length, limit: descriptionLimit) }
        return description
    }

    public static func durationLabel(_ text: String) throws(CatalogueError) -> String {
        let label = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty else { throw .durationLabelEmpty }
        guard label.utf16.count <= durationLabelLimit else { throw .durationLabelTooLong(length: label.utf16.count, limit: durationLabelLimit) }
        return label
    }

    /// - Parameter days: nil for lifetime.
    public static func duration(_ days: Int?) throws(CatalogueError) -> Int? {
        guard let days else { return nil }
        guard days > 0 else { throw .durationNotPositive }
        guard days <= durationDaysLimit else { throw .durationTooLong(days: days, limit: durationDaysLimit) }
        return days
    }

    public static func price(_ amount: Money) throws(CatalogueError) -> Money {
        guard amount.minorUnits > 0 else { throw .priceNotPositive }
        return amount
    }

    public static func resellerPrice(_ amount: Money?) throws(CatalogueError) -> Money? {
        guard let amount else { return nil }
        guard amount.minorUnits > 0 else { throw .resellerPriceNotPositive }
        return amount
    }
}
