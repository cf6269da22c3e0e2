import BotRouting
import Marketplace

/// The products: the list, a product's card and what its buttons do.
struct ProductsSection: PanelSection {
    let admin: AdminHandlers

    static let entries: [AdminCallback.Section: AdminAccess] = [
        .products: .anyOf([.catalogue, .catalogueTexts]), .addProduct: .permission(.catalogue),
    ]
    static let buttons: [any CallbackData.Type] = [AdminProductCallback.self]

    static func access(for data: String) -> AdminAccess? {
        guard let press = AdminProductCallback.match(data) else { return nil }
        switch press.action {
        case .open: return .anyOf([.catalogue, .catalogueTexts])
        case .name, .description, .photo, .removePhoto: return .permission(.catalogueTexts)
        default: return .permission(.catalogue)
        }
    }

    var scenes: [any Scene] { [AddProductScene(admin: admin), EditProductScene(admin: admin), ProductChangeScene(admin: admin)] }

    func open(_ entry: AdminCallback.Section, page: Int, _ context: HandlerContext) async throws {
        if entry == .addProduct { return try await admin.scenes.start(AddProductScene(admin: admin), at: .name, with: .init(), context) }
        try await admin.showProducts(context, page: page)
    }

    func addHandlers(to router: Router) {
        admin.onPress(AdminProductCallback.self, on: router, fallback: { [admin] in try await admin.showProducts($0, page: 1) }) { press, context in
            try await act(on: press, context)
        }
    }

    private func act(on press: AdminProductCallback, _ context: HandlerContext) async throws {
        let id = press.productID
        let by = context.actorID
        let strings = context.adminTemplates.strings
        let (shop, scenes) = (admin.shop, admin.scenes)
        switch press.action {
        case .open: try await admin.showProduct(context, productID: id)
        case .name: try await scenes.start(EditProductScene(admin: admin), at: .value, with: .init(productID: id, field: .name), context)
        case .description:
            try await scenes.start(EditProductScene(admin: admin), at: .value, with: .init(productID: id, field: .description), context)
        case .photo: try await scenes.start(EditProductScene(admin: admin), at: .value, with: .init(productID: id, field: .photo), context)
        case .removePhoto: try await scenes.confirm(ProductChangeScene(admin: admin), .init(productID: id, change: .removePhoto), context)
        case .addPrice: try await scenes.start(AddPriceScene(admin: admin), at: .label, with: .init(productID: id), context)
        case .archive: try await scenes.confirm(ProductChangeScene(admin: admin), .init(productID: id, change: .archive), context)
        case .premium:
            let product = try await shop.catalogue.adminProduct(id)
            try await shop.catalogue.updateProduct(id, .init(isPremiumOnly: !product.isPremiumOnly), by: by)
            try await admin.showProduct(context, productID: id, note: strings.saved)
        case .hide, .show:
            try await shop.catalogue.setProductVisible(press.action == .show, productID: id, by: by)
            try await admin.showProduct(context, productID: id, note: strings.saved)
        case .unarchive:
            try await shop.catalogue.setProductArchived(false, productID: id, by: by)
            try await admin.showProduct(context, productID: id, note: strings.saved)
        case .up, .down:
            let (place, count) = try await shop.catalogue.moveProduct(id, up: press.action == .up, by: by)
            try await admin.showProduct(context, productID: id, note: strings.moved(place, count))
        case .delete:
            let product = try await shop.catalogue.adminProduct(id)
            guard product.keys == 0, product.orders == 0 else {
                return try await admin.show(try context.adminTemplates.productInUse(product), context)
            }
            try await scenes.confirm(ProductChangeScene(admin: admin), .init(productID: id, change: .delete), context)
        }
    }
}
