extension CatalogueService {
    /// Changes to a product; nil leaves a field as it is.
    public struct ProductChanges: Sendable {
        public var name: String?
        public var description: String?
        /// `.some(nil)` removes the photo.
        public var photoFileID: String??
        public var isPremiumOnly: Bool?
        public var sortOrder: Int?

        public init(name: String? = nil, description: String? = nil, photoFileID: String?? = nil, isPremiumOnly: Bool? = nil, sortOrder: Int? = nil) {
            self.name = name
            self.description = description
            self.photoFileID = photoFileID
            self.isPremiumOnly = isPremiumOnly
            self.sortOrder = sortOrder
        }
    }

    /// Changes to a price; nil leaves a field as it is.
    public struct PriceChanges: Sendable {
        public var durationLabel: String?
        /// `.some(nil)` makes it lifetime.
        public var durationDays: Int??
        public var price: Money?
        /// `.some(nil)` removes the reseller price.
        public var resellerPrice: Money??
        public var sortOrder: Int?

        public init(durationLabel: String? = nil, durationDays: Int?? = nil, price: Money? = nil, resellerPrice: Money?? = nil, sortOrder: Int? = nil)
        {
            self.durationLabel = durationLabel
            self.durationDays = durationDays
            self.price = price
            self.resellerPrice = resellerPrice
            self.sortOrder = sortOrder
        }
    }
}
