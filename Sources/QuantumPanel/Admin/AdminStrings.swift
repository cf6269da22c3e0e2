/// Every text of the admin panel, in one language, as ``Strings`` is for the shop. Values passed
/// in are already escaped by ``AdminTemplates``.
struct AdminStrings: Sendable {
    var panelTitle: String
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
    var saved: String
    var moved: @Sendable (_ place: Int, _ count: Int) -> String
    var confirmTitle: String
    var gone: String

    // Products
    var productsTitle: String
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
    var askName: String
    var askDescription: String
    var askPhoto: String
    var askPremium: String
    var askNewDescription: String
    var askNewPhoto: String
    var sendText: String
    var sendPhotoOrSkip: String
    var pressYesOrNo: String
    var pressConfirm: String
    var productInUse: @Sendable (_ keys: Int, _ orders: Int) -> String
    var confirmDeleteProduct: @Sendable (_ name: String) -> String
    var confirmArchive: @Sendable (_ name: String) -> String
    var productAdded: String
    var productDeleted: String

    // Prices
    var priceTitle: String
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
    var askLabel: String
    var askDuration: String
    var askPrice: @Sendable (_ example: String) -> String
    var askResellerPrice: @Sendable (_ example: String) -> String
    var badDuration: @Sendable (_ text: String) -> String
    var resellerAbovePrice: @Sendable (_ reseller: String, _ price: String) -> String
    var priceInUse: @Sendable (_ keys: Int, _ orders: Int) -> String
    var confirmDeletePrice: @Sendable (_ label: String) -> String
    var priceAdded: String
    var priceDeleted: String

    // Stock
    var stockTitle: String
    var stockEmpty: String
    var lowMark: String
    var unusedLabel: String
    var addKeysButton: String
    var listKeysButton: String
    var exportButton: String
    var deleteAllButton: String
    var askKeys: String
    var sendKeysOrFile: String
    var keysTitle: String
    var noUnusedKeys: String
    var downloading: @Sendable (_ file: String) -> String
    var checking: @Sendable (_ done: Int, _ total: Int) -> String
    var storing: @Sendable (_ done: Int, _ total: Int) -> String
    var keysPreview: @Sendable (_ new: Int, _ target: String) -> String
    var reportAdded: @Sendable (_ count: Int) -> String
    var reportDuplicates: @Sendable (_ count: Int) -> String
    var reportBlank: @Sendable (_ count: Int) -> String
    var reportInvalid: @Sendable (_ count: Int) -> String
    var refusedTitle: String
    var refusal: @Sendable (_ line: Int, _ reason: String) -> String
    var reasonRepeated: String
    var reasonInStock: String
    var reasonTooLong: String
    var reasonControl: String
    var nothingToAdd: String
    var fileTooLarge: @Sendable (_ megabytes: Int) -> String
    var fileType: @Sendable (_ name: String) -> String
    var fileNotText: String
    var confirmDeleteKey: @Sendable (_ key: String) -> String
    var confirmDeleteAll: @Sendable (_ count: Int, _ target: String) -> String
    var keysDeleted: @Sendable (_ count: Int) -> String
    var soldKey: String
    var exportCaption: @Sendable (_ count: Int, _ target: String) -> String

    // Refusals of typed input
    var nameEmpty: String
    var nameTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var descriptionTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var descriptionTooLongForPhoto: @Sendable (_ length: Int, _ limit: Int) -> String
    var labelEmpty: String
    var labelTooLong: @Sendable (_ length: Int, _ limit: Int) -> String
    var durationNotPositive: String
    var durationTooLong: @Sendable (_ limit: Int) -> String
    var priceNotPositive: String
    var amountEmpty: String
    var amountNotANumber: @Sendable (_ text: String, _ example: String) -> String
    var amountNegative: String
    var amountDecimals: @Sendable (_ text: String, _ currency: String, _ example: String) -> String
    var amountTooLarge: @Sendable (_ text: String) -> String
}
