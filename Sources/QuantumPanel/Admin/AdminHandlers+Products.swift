import BotRouting
import Marketplace
import TelegramBotAPI

/// The products section: the list, a product's card and what its buttons do.
extension AdminHandlers {
    func productsRouter() -> Router {
        let router = Router(name: "admin.products")
        onPress(AdminProductCallback.self, on: router, fallback: { try await showProducts($0, page: 1) }) { press, context in
            try await act(on: press, context)
        }
        return router
    }

    private func act(on press: AdminProductCallback, _ context: HandlerContext) async throws {
        let id = press.productID
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        switch press.action {
        case .open: try await showProduct(context, productID: id)
        case .name: try await ask(context, .editField, AdminDraft(.editName, productID: id))
        case .description: try await ask(context, .editField, AdminDraft(.editDescription, productID: id))
        case .photo: try await ask(context, .editField, AdminDraft(.editPhoto, productID: id))
        case .removePhoto: try await ask(context, .confirm, AdminDraft(.removePhoto, productID: id))
        case .addPrice: try await ask(context, .priceLabel, AdminDraft(.addPrice, productID: id))
        case .archive: try await ask(context, .confirm, AdminDraft(.archiveProduct, productID: id))
        case .premium:
            let product = try await shop.catalog.adminProduct(id)
            try await shop.catalog.updateProduct(id, .init(isPremiumOnly: !product.isPremiumOnly), by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .hide, .show:
            try await shop.catalog.setProductVisible(press.action == .show, productID: id, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .unarchive:
            try await shop.catalog.setProductArchived(false, productID: id, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        case .up, .down:
            let (place, count) = try await shop.catalog.moveProduct(id, up: press.action == .up, by: admin)
            try await showProduct(context, productID: id, note: strings.moved(place, count))
        case .delete:
            let product = try await shop.catalog.adminProduct(id)
            guard product.keys == 0, product.orders == 0 else {
                return try await context.show(try context.adminTemplates.productInUse(product))
            }
            try await ask(context, .confirm, AdminDraft(.deleteProduct, productID: id))
        }
    }

    func showProducts(_ context: HandlerContext, page: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        try await context.show(templates.noted(try templates.products(try await shop.catalog.adminProducts(), page: page), note))
    }

    func showProduct(_ context: HandlerContext, productID: Int, note: String? = nil) async throws {
        let templates = context.adminTemplates
        let product = try await shop.catalog.adminProduct(productID)
        try await context.show(templates.noted(try templates.product(product, threshold: configuration.lowStockThreshold), note))
    }

    /// A photo for a new product or in place of the old one; it must leave the card room for
    /// the description.
    func receivePhoto(_ photo: String, _ draft: AdminDraft, _ context: HandlerContext) async throws {
        var draft = draft
        var description = draft.description ?? ""
        if draft.task == .editPhoto {
            description = try await shop.catalog.adminProduct(draft.productID ?? 0).description
        }
        do {
            _ = try CatalogueRules.description(description, hasPhoto: true)
        } catch {
            return try await reask(context, context.adminTemplates.refusal(error))
        }
        draft.photoFileID = photo
        try await ask(context, draft.task == .editPhoto ? .confirm : .productPremium, draft)
    }

    func productSummary(_ draft: AdminDraft, _ context: HandlerContext) async throws -> Screen {
        let templates = context.adminTemplates
        let strings = templates.strings
        if draft.task == .addProduct { return try templates.newProductSummary(draft) }
        let product = try await shop.catalog.adminProduct(draft.productID ?? 0)
        let e = templates.e
        switch draft.task {
        case .editName: return try templates.summary([templates.change(strings.nameLabel, e(product.name), e(draft.name ?? ""))])
        case .editDescription:
            let shown = { (text: String, limit: Int) in text.isEmpty ? strings.noneValue : e(HTML.truncate(text, to: limit)) }
            return try templates.summary([templates.change(strings.descriptionLabel, shown(product.description, 300), shown(draft.description ?? "", 600))])
        case .editPhoto: return try templates.summary([templates.change(strings.photoLabel, product.photoFileID == nil ? strings.noneValue : "✓", "✓ (new)")], question: e(product.name))
        case .removePhoto: return try templates.summary([templates.change(strings.photoLabel, "✓", strings.noneValue)], question: e(product.name))
        case .deleteProduct: return try templates.summary([], question: strings.confirmDeleteProduct(e(product.name)))
        default: return try templates.summary([], question: strings.confirmArchive(e(product.name)))
        }
    }

    func performProductTask(_ draft: AdminDraft, _ context: HandlerContext) async throws {
        let admin = try context.customer.telegramID
        let strings = context.adminTemplates.strings
        let id = draft.productID ?? 0
        switch draft.task {
        case .addProduct:
            let productID = try await shop.catalog.createProduct(
                name: draft.name ?? "", description: draft.description ?? "", photoFileID: draft.photoFileID, isPremiumOnly: draft.isPremiumOnly ?? false, by: admin
            )
            try await showProduct(context, productID: productID, note: strings.productAdded)
        case .deleteProduct:
            try await shop.catalog.deleteProduct(id, by: admin)
            try await showProducts(context, page: 1, note: strings.productDeleted)
        case .archiveProduct:
            try await shop.catalog.setProductArchived(true, productID: id, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        default:
            var changes = CatalogService.ProductChanges()
            switch draft.task {
            case .editName: changes.name = draft.name
            case .editDescription: changes.description = draft.description
            case .editPhoto: changes.photoFileID = .some(draft.photoFileID)
            default: changes.photoFileID = .some(nil)
            }
            try await shop.catalog.updateProduct(id, changes, by: admin)
            try await showProduct(context, productID: id, note: strings.saved)
        }
    }
}
