import BotRouting

/// Every text of the admin panel, in one language, as ``Strings`` is for the shop. Values passed
/// in are already escaped by ``AdminTemplates``.
struct AdminStrings: Sendable {
    var panelTitle: HTML
    var customersLabel: String
    var premiumCustomersLabel: String
    var todayLabel: String
    var sevenDaysLabel: String
    var thirtyDaysLabel: String
    var allTimeLabel: String
    var ordersCount: @Sendable (_ count: Int) -> String
    var lowStockTitle: @Sendable (_ threshold: Int) -> String
    var stockFine: String
    var sectionProducts: String
    var sectionStock: String
    var back: String
    var cancelButton: String
    var confirmButton: String
    var skipButton: String
    var yesButton: String
    var noButton: String
    var cancelled: String
    var dialogEnded: String
    var saved: HTML
    var moved: @Sendable (_ place: Int, _ count: Int) -> HTML
    var confirmTitle: HTML
    var gone: HTML

    // Products
    var productsTitle: HTML
    var productsEmpty: String
    var addProductButton: String
    var hiddenMark: String
    var archivedMark: String
    var premiumMark: String
    var keysCount: @Sendable (_ count: Int) -> String
    var nameLabel: String
    var descriptionLabel: String
    var photoLabel: String
    var premiumOnlyLabel: String
    var visibilityLabel: String
    var visibleValue: String
    var hiddenValue: String
    var archivedValue: String
    var noneValue: String
    var pricesTitle: String
    var noPrices: String
    var editNameButton: String
    var editDescriptionButton: String
    var photoButton: String
    var removePhotoButton: String
    var premiumToggle: @Sendable (_ isOn: Bool) -> String
    var hideButton: String
    var showButton: String
    var upButton: String
    var downButton: String
    var deleteButton: String
    var archiveButton: String
    var unarchiveButton: String
    var addPriceButton: String
    var askName: HTML
    var askDescription: HTML
    var askPhoto: HTML
    var askPremium: HTML
    var askNewDescription: HTML
    var askNewPhoto: HTML
    var sendText: HTML
    var sendPhotoOrSkip: HTML
    var pressYesOrNo: HTML
    var pressConfirm: HTML
    var productInUse: @Sendable (_ keys: Int, _ orders: Int) -> HTML
    var confirmDeleteProduct: @Sendable (_ name: HTML) -> HTML
    var confirmArchive: @Sendable (_ name: HTML) -> HTML
    var productAdded: HTML
    var productDeleted: HTML

    // Prices
    var priceTitle: HTML
    var durationLabelLabel: String
    var durationLabel: String
    var days: @Sendable (_ count: Int) -> String
    var lifetime: String
    var priceLabel: String
    var resellerPriceLabel: String
    var stockLabel: String
    var soldLabel: String
    var editLabelButton: String
    var editDurationButton: String
    var editPriceButton: String
    var editResellerButton: String
    var removeResellerButton: String
    var lifetimeButton: String
    var noResellerButton: String
    var keepButton: String
    var stockButton: String
    var askLabel: HTML
    var askDuration: HTML
    var askPrice: @Sendable (_ example: String) -> HTML
    var askResellerPrice: @Sendable (_ example: String) -> HTML
    var badDuration: @Sendable (_ text: String) -> HTML
    var resellerAbovePrice: @Sendable (_ reseller: String, _ price: String) -> String
    var priceInUse: @Sendable (_ keys: Int, _ orders: Int) -> HTML
    var confirmDeletePrice: @Sendable (_ label: HTML) -> HTML
    var priceAdded: HTML
    var priceDeleted: HTML

    // Stock
    var stockTitle: HTML
    var stockEmpty: String
    var lowMark: String
    var unusedLabel: String
    var addKeysButton: String
    var listKeysButton: String
    var exportButton: String
    var deleteAllButton: String
    var askKeys: HTML
    var sendKeysOrFile: HTML
    var keysTitle: HTML
    var noUnusedKeys: String
    var downloading: @Sendable (_ file: String) -> HTML
    var checking: @Sendable (_ done: Int, _ total: Int) -> HTML
    var storing: @Sendable (_ done: Int, _ total: Int) -> HTML
    var keysPreview: @Sendable (_ new: Int, _ target: HTML) -> HTML
    var reportAdded: @Sendable (_ count: Int) -> HTML
    var reportDuplicates: @Sendable (_ count: Int) -> HTML
    var reportBlank: @Sendable (_ count: Int) -> HTML
    var reportInvalid: @Sendable (_ count: Int) -> HTML
    var refusedTitle: String
    var refusal: @Sendable (_ line: Int, _ reason: String) -> String
    var reasonRepeated: String
    var reasonInStock: String
    var reasonTooLong: String
    var reasonControl: String
    var nothingToAdd: String
    var fileTooLarge: @Sendable (_ megabytes: Int) -> HTML
    var fileType: @Sendable (_ name: String) -> HTML
    var fileNotText: HTML
    var confirmDeleteKey: @Sendable (_ key: String) -> HTML
    var confirmDeleteAll: @Sendable (_ count: Int, _ target: HTML) -> HTML
    var keysDeleted: @Sendable (_ count: Int) -> HTML
    var soldKey: HTML
    var exportCaption: @Sendable (_ count: Int, _ target: HTML) -> HTML

    // Refusals of typed input
    var nameEmpty: HTML
    var nameTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var descriptionTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var descriptionTooLongForPhoto: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var labelEmpty: HTML
    var labelTooLong: @Sendable (_ length: Int, _ limit: Int) -> HTML
    var durationNotPositive: HTML
    var durationTooLong: @Sendable (_ limit: Int) -> HTML
    var priceNotPositive: HTML
    var amountEmpty: HTML
    var amountNotANumber: @Sendable (_ text: String, _ example: String) -> HTML
    var amountNegative: HTML
    var amountDecimals: @Sendable (_ text: String, _ currency: String, _ example: String) -> HTML
    var amountTooLarge: @Sendable (_ text: String) -> HTML
}
