import BotRouting
import Marketplace

/// What an admin's role must allow for each of the panel's buttons. The panel shows only the
/// buttons a role allows, and ``AdminHandlers`` refuses the rest, whoever sends them (an old
/// message's button after a role change, forged callback data); the services check again.
enum AdminAccess: Equatable {
    /// Every admin: the panel itself, a dialog's answers.
    case anyAdmin
    /// One of these permissions.
    case anyOf(Set<AdminPermission>)
    /// The root admin: managing admins.
    case root

    static func permission(_ permission: AdminPermission) -> AdminAccess { .anyOf([permission]) }

    /// Whether an admin with `permissions` (all of them for the root) passes.
    func allows(_ permissions: Set<AdminPermission>, isRoot: Bool) -> Bool {
        switch self {
        case .anyAdmin: true
        case .anyOf(let needed): isRoot || !needed.isDisjoint(with: permissions)
        case .root: isRoot
        }
    }

    /// What pressing the button with `data` needs.
    static func required(for data: String) -> AdminAccess {
        if let press = AdminCallback.match(data) { return section(press.to) }
        if let press = AdminProductCallback.match(data) {
            switch press.action {
            case .open: return .anyOf([.catalogue, .catalogueTexts])
            case .name, .description, .photo, .removePhoto: return .permission(.catalogueTexts)
            default: return .permission(.catalogue)
            }
        }
        if let press = AdminPriceCallback.match(data) {
            switch press.action {
            case .open: return .anyOf([.catalogue, .stock])
            case .stock, .addKeys, .export, .deleteAll: return .permission(.stock)
            default: return .permission(.catalogue)
            }
        }
        if AdminKeysCallback.match(data) != nil || AdminDeleteKeyCallback.match(data) != nil { return .permission(.stock) }
        if AdminCustomersCallback.match(data) != nil { return .permission(.customers) }
        if let press = AdminCustomerCallback.match(data) {
            switch press.action {
            case .open, .orders: return .permission(.customers)
            case .credit, .debit, .refundStars: return .permission(.money)
            case .premium, .reseller, .ban: return .permission(.customerStatus)
            }
        }
        if let press = AdminOrderCallback.match(data) { return .permission(press.action == .refund ? .refunds : .orders) }
        if AdminStaffCallback.match(data) != nil || AdminRoleCallback.match(data) != nil { return .root }
        if AdminSellerCallback.match(data) != nil { return .permission(.sellers) }
        if AdminBroadcastCallback.match(data) != nil { return .permission(.broadcasts) }
        if AdminAuditCallback.match(data) != nil { return .permission(.audit) }
        if AdminExportCallback.match(data) != nil { return .permission(.export) }
        return .anyAdmin
    }

    /// What a section of the panel needs.
    static func section(_ section: AdminCallback.Section) -> AdminAccess {
        switch section {
        case .panel, .chart: .anyAdmin
        case .products: .anyOf([.catalogue, .catalogueTexts])
        case .stock: .permission(.stock)
        case .addProduct: .permission(.catalogue)
        case .findCustomer: .permission(.customers)
        case .findOrder: .permission(.orders)
        case .staff, .addAdmin: .root
        case .sellers, .addSeller: .permission(.sellers)
        case .broadcast: .permission(.broadcasts)
        case .auditFilter: .permission(.audit)
        case .export: .permission(.export)
        }
    }
}
