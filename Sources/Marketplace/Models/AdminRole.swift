/// What an admin other than the root may do. The root admin (`ROOT_ADMIN_ID`) and the command
/// line may do everything, and they alone manage admins and set their roles.
public enum AdminRole: String, Codable, Sendable, CaseIterable {
    /// Everything but managing admins.
    case owner
    /// The catalogue, stock, orders and refunds, customers' statuses, trusted sellers.
    case manager
    /// Customers and orders, to read: no money, no changes.
    case support
    /// Broadcasts, and the catalogue's names, descriptions and photos.
    case content

    public var permissions: Set<AdminPermission> {
        switch self {
        case .owner: Set(AdminPermission.allCases)
        case .manager: [.catalogue, .catalogueTexts, .stock, .customers, .orders, .refunds, .customerStatus, .sellers]
        case .support: [.customers, .orders]
        case .content: [.catalogueTexts, .broadcasts]
        }
    }
}

/// One thing an admin may do; each admin task and screen needs one.
public enum AdminPermission: String, Codable, Sendable, CaseIterable {
    /// Products and prices: add, edit, hide, order, archive, delete.
    case catalogue
    /// Products' names, descriptions and photos only.
    case catalogueTexts
    /// Keys: see, add, delete.
    case stock
    /// Customers: find, list, see.
    case customers
    /// Orders: find, see.
    case orders
    case refunds
    /// Premium, reseller and banned.
    case customerStatus
    /// Credits, debits and Stars refunds.
    case money
    case sellers
    case broadcasts
    case audit
    case export
    /// Promo and gift codes.
    case promotions
}
