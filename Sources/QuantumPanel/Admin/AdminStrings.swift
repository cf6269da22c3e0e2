import BotRouting

/// Every text of the admin panel, as ``Strings`` is for the shop: one conforming type per
/// language, `EnglishAdminStrings` and `RussianAdminStrings`.
protocol AdminStrings: Sendable {
    var panelTitle: HTML { get }
    var customersLabel: String { get }
    var premiumCustomersLabel: String { get }
    var todayLabel: String { get }
    var sevenDaysLabel: String { get }
    var thirtyDaysLabel: String { get }
    var allTimeLabel: String { get }
    func ordersCount(_ count: Int) -> String
    func lowStockTitle(_ threshold: Int) -> String
    var stockFine: String { get }
    var sectionProducts: String { get }
    var sectionStock: String { get }
    var back: String { get }
    var cancelButton: String { get }
    var confirmButton: String { get }
    var skipButton: String { get }
    var yesButton: String { get }
    var noButton: String { get }
    var cancelled: String { get }
    var dialogEnded: String { get }
    var saved: HTML { get }
    func moved(_ place: Int, _ count: Int) -> HTML
    var confirmTitle: HTML { get }
    var gone: HTML { get }

    // Products
    var productsTitle: HTML { get }
    var productsEmpty: String { get }
    var addProductButton: String { get }
    var hiddenMark: String { get }
    var archivedMark: String { get }
    var premiumMark: String { get }
    func keysCount(_ count: Int) -> String
    var nameLabel: String { get }
    var descriptionLabel: String { get }
    var photoLabel: String { get }
    var premiumOnlyLabel: String { get }
    var visibilityLabel: String { get }
    var visibleValue: String { get }
    var hiddenValue: String { get }
    var archivedValue: String { get }
    var noneValue: String { get }
    var pricesTitle: String { get }
    var noPrices: String { get }
    var editNameButton: String { get }
    var editDescriptionButton: String { get }
    var photoButton: String { get }
    var removePhotoButton: String { get }
    func premiumToggle(_ isOn: Bool) -> String
    var hideButton: String { get }
    var showButton: String { get }
    var upButton: String { get }
    var downButton: String { get }
    var deleteButton: String { get }
    var archiveButton: String { get }
    var unarchiveButton: String { get }
    var addPriceButton: String { get }
    var askName: HTML { get }
    var askDescription: HTML { get }
    var askPhoto: HTML { get }
    var askPremium: HTML { get }
    var askNewDescription: HTML { get }
    var askNewPhoto: HTML { get }
    var sendText: HTML { get }
    var sendPhotoOrSkip: HTML { get }
    var pressYesOrNo: HTML { get }
    var pressConfirm: HTML { get }
    func productInUse(_ keys: Int, _ orders: Int) -> HTML
    func confirmDeleteProduct(_ name: HTML) -> HTML
    func confirmArchive(_ name: HTML) -> HTML
    var productAdded: HTML { get }
    var productDeleted: HTML { get }

    // Prices
    var priceTitle: HTML { get }
    var durationLabelLabel: String { get }
    var durationLabel: String { get }
    func days(_ count: Int) -> String
    var lifetime: String { get }
    var priceLabel: String { get }
    var resellerPriceLabel: String { get }
    var stockLabel: String { get }
    var soldLabel: String { get }
    var editLabelButton: String { get }
    var editDurationButton: String { get }
    var editPriceButton: String { get }
    var editResellerButton: String { get }
    var removeResellerButton: String { get }
    var lifetimeButton: String { get }
    var noResellerButton: String { get }
    var keepButton: String { get }
    var stockButton: String { get }
    var askLabel: HTML { get }
    var askDuration: HTML { get }
    func askPrice(_ example: String) -> HTML
    func askResellerPrice(_ example: String) -> HTML
    func badDuration(_ text: String) -> HTML
    func resellerAbovePrice(_ reseller: String, _ price: String) -> String
    func priceInUse(_ keys: Int, _ orders: Int) -> HTML
    func confirmDeletePrice(_ label: HTML) -> HTML
    var priceAdded: HTML { get }
    var priceDeleted: HTML { get }

    // Stock
    var stockTitle: HTML { get }
    var stockEmpty: String { get }
    var lowMark: String { get }
    var unusedLabel: String { get }
    var addKeysButton: String { get }
    var listKeysButton: String { get }
    var exportButton: String { get }
    var deleteAllButton: String { get }
    var askKeys: HTML { get }
    var sendKeysOrFile: HTML { get }
    var keysTitle: HTML { get }
    var noUnusedKeys: String { get }
    func downloading(_ file: String) -> HTML
    func checking(_ done: Int, _ total: Int) -> HTML
    func storing(_ done: Int, _ total: Int) -> HTML
    func keysPreview(_ new: Int, _ target: HTML) -> HTML
    func reportAdded(_ count: Int) -> HTML
    func reportDuplicates(_ count: Int) -> HTML
    func reportBlank(_ count: Int) -> HTML
    func reportInvalid(_ count: Int) -> HTML
    var refusedTitle: String { get }
    func refusal(_ line: Int, _ reason: String) -> String
    var reasonRepeated: String { get }
    var reasonInStock: String { get }
    var reasonTooLong: String { get }
    var reasonControl: String { get }
    var nothingToAdd: String { get }
    func fileTooLarge(_ megabytes: Int) -> HTML
    func fileType(_ name: String) -> HTML
    var fileNotText: HTML { get }
    func confirmDeleteKey(_ key: String) -> HTML
    func confirmDeleteAll(_ count: Int, _ target: HTML) -> HTML
    func keysDeleted(_ count: Int) -> HTML
    var soldKey: HTML { get }
    func exportCaption(_ count: Int, _ target: HTML) -> HTML

    // Refusals of typed input
    var nameEmpty: HTML { get }
    func nameTooLong(_ length: Int, _ limit: Int) -> HTML
    func descriptionTooLong(_ length: Int, _ limit: Int) -> HTML
    func descriptionTooLongForPhoto(_ length: Int, _ limit: Int) -> HTML
    var labelEmpty: HTML { get }
    func labelTooLong(_ length: Int, _ limit: Int) -> HTML
    var durationNotPositive: HTML { get }
    func durationTooLong(_ limit: Int) -> HTML
    var priceNotPositive: HTML { get }
    var amountEmpty: HTML { get }
    func amountNotANumber(_ text: String, _ example: String) -> HTML
    var amountNegative: HTML { get }
    func amountDecimals(_ text: String, _ currency: String, _ example: String) -> HTML
    func amountTooLarge(_ text: String) -> HTML
}
