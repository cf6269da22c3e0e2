import FluentKit
import Marketplace

/// Every row an admin's change could touch, as text: two snapshots are equal when nothing changed.
func shopSnapshot(_ database: any Database) async throws -> [String] {
    var rows: [String] = []
    for product in try await Product.query(on: database).sort(\.$id).all() {
        rows.append(
            "product \(product.id!) \(product.name) \(product.details) \(product.photoFileID ?? "-") \(product.isPremiumOnly) \(product.isVisible) \(product.isArchived) \(product.sortOrder)"
        )
    }
    for price in try await ProductPrice.query(on: database).sort(\.$id).all() {
        rows.append(
            "price \(price.id!) \(price.durationLabel) \(price.durationDays ?? -1) \(price.price) \(price.resellerPrice ?? -1) \(price.isVisible) \(price.isArchived) \(price.sortOrder)"
        )
    }
    for key in try await ProductKey.query(on: database).sort(\.$id).all() {
        rows.append("key \(key.id!) \(key.keyText) \(key.isUsed) \(key.$order.id ?? -1)")
    }
    for customer in try await Customer.query(on: database).sort(\.$id).all() {
        rows.append("customer \(customer.telegramID) \(customer.balance) \(customer.isPremium) \(customer.isReseller) \(customer.isBanned)")
    }
    for order in try await Order.query(on: database).sort(\.$id).all() {
        rows.append("order \(order.id!) \(order.status) \(order.amount)")
    }
    for admin in try await Admin.query(on: database).sort(\.$id).all() { rows.append("admin \(admin.telegramID)") }
    for seller in try await TrustedSeller.query(on: database).sort(\.$id).all() {
        rows.append("seller \(seller.id!) \(seller.username) \(seller.displayName) \(seller.note ?? "-") \(seller.sortOrder)")
    }
    for topUp in try await TopUp.query(on: database).sort(\.$id).all() {
        rows.append("top-up \(topUp.provider) \(topUp.invoiceID ?? "-") \(topUp.state.rawValue)")
    }
    rows.append("ledger \(try await LedgerEntry.query(on: database).count())")
    rows.append("refunds \(try await KeyRefund.query(on: database).count())")
    rows.append("audit \(try await AuditEntry.query(on: database).count())")
    return rows
}
