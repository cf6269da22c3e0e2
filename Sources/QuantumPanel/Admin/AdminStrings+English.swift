import BotRouting

struct EnglishAdminStrings: AdminStrings {
    let panelTitle: HTML = "🛠 <b>Admin panel</b>"
    let customersLabel: String = "Customers"
    let premiumCustomersLabel: String = "Premium"
    let todayLabel: String = "Today"
    let sevenDaysLabel: String = "7 days"
    let thirtyDaysLabel: String = "30 days"
    let allTimeLabel: String = "All time"
    func ordersCount(_ count: Int) -> String { Plural.english(count, "order", "orders") }
    func lowStockTitle(_ threshold: Int) -> String { "Low on stock (under \(threshold) keys)" }
    let stockFine: String = "Every price on sale has enough keys."
    let sectionProducts: String = "🛍 Products"
    let sectionStock: String = "🔑 Stock"
    let back: String = "‹ Back"
    let cancelButton: String = "✖ Cancel"
    let confirmButton: String = "✅ Confirm"
    let skipButton: String = "Skip ›"
    let yesButton: String = "Yes"
    let noButton: String = "No"
    let cancelled: String = "Cancelled: nothing was changed."
    let dialogEnded: String = "That dialog has ended: start again from the panel."
    let saved: HTML = "✅ Saved."
    func moved(_ place: Int, _ count: Int) -> HTML { "✅ Moved: now \(place) of \(count)." }
    let confirmTitle: HTML = "📝 <b>Check and confirm</b>"
    let gone: HTML = "That is no longer there: someone may have just deleted it."
    let productsTitle: HTML = "🛍 <b>Products</b>"
    let productsEmpty: String = "No products yet. Add the first one."
    let addProductButton: String = "➕ Add product"
    let hiddenMark: String = "🙈"
    let archivedMark: String = "🗄"
    let premiumMark: String = "💎"
    func keysCount(_ count: Int) -> String { Plural.english(count, "key", "keys") }
    let nameLabel: String = "Name"
    let descriptionLabel: String = "Description"
    let photoLabel: String = "Photo"
    let premiumOnlyLabel: String = "Premium only"
    let visibilityLabel: String = "Shown to customers"
    let visibleValue: String = "yes"
    let hiddenValue: String = "no (hidden)"
    let archivedValue: String = "no (archived)"
    let noneValue: String = "none"
    let pricesTitle: String = "Prices"
    let noPrices: String = "No prices yet: customers can't buy it until it has one."
    let editNameButton: String = "✏️ Name"
    let editDescriptionButton: String = "✏️ Description"
    let photoButton: String = "🖼 Photo"
    let removePhotoButton: String = "🗑 Remove photo"
    func premiumToggle(_ isOn: Bool) -> String { isOn ? "💎 Premium only: yes" : "💎 Premium only: no" }
    let hideButton: String = "🙈 Hide"
    let showButton: String = "👁 Show"
    let upButton: String = "⬆ Up"
    let downButton: String = "⬇ Down"
    let deleteButton: String = "🗑 Delete"
    let archiveButton: String = "🗄 Archive"
    let unarchiveButton: String = "♻️ Unarchive"
    let addPriceButton: String = "➕ Add price"
    let askName: HTML = "Send the product's name."
    let askDescription: HTML = "Send the description customers will read, or press Skip."
    let askPhoto: HTML = "Send a photo for the product card, or press Skip."
    let askPremium: HTML = "Is it for Premium customers only?"
    let askNewDescription: HTML = "Send the new description."
    let askNewPhoto: HTML = "Send the new photo (as a photo, not as a file)."
    let sendText: HTML = "Send it as text, please."
    let sendPhotoOrSkip: HTML = "That isn't a photo: send a photo (not as a file), or press Skip."
    let pressYesOrNo: HTML = "Press Yes or No below."
    let pressConfirm: HTML = "Press ✅ Confirm to save it, or ✖ Cancel."
    func productInUse(_ keys: Int, _ orders: Int) -> HTML {
        "It can't be deleted: \(Plural.english(keys, "key", "keys")) and \(Plural.english(orders, "order", "orders")) refer to it, and deleting it would break their history. Archive it instead: customers no longer see it, and orders keep it."
    }
    func confirmDeleteProduct(_ name: HTML) -> HTML { "Delete <b>\(name)</b> and its prices for good?" }
    func confirmArchive(_ name: HTML) -> HTML {
        "Archive <b>\(name)</b>? Customers no longer see it; its orders keep it. You can unarchive it later."
    }
    let productAdded: HTML = "✅ Product added. It is shown to customers once it has a price with keys."
    let productDeleted: HTML = "🗑 Product deleted."
    let priceTitle: HTML = "🏷 <b>Price</b>"
    let durationLabelLabel: String = "Label"
    let durationLabel: String = "Duration"
    func days(_ count: Int) -> String { Plural.english(count, "day", "days") }
    let lifetime: String = "lifetime"
    let priceLabel: String = "Price"
    let resellerPriceLabel: String = "Reseller price"
    let stockLabel: String = "Unsold keys"
    let soldLabel: String = "Sold"
    let editLabelButton: String = "✏️ Label"
    let editDurationButton: String = "✏️ Duration"
    let editPriceButton: String = "✏️ Price"
    let editResellerButton: String = "✏️ Reseller price"
    let removeResellerButton: String = "🗑 No reseller price"
    let lifetimeButton: String = "♾ Lifetime"
    let noResellerButton: String = "No reseller price ›"
    let keepButton: String = "Keep it"
    let stockButton: String = "🔑 Keys"
    let askLabel: HTML = "Send the label customers will see, such as <code>1 month</code> or <code>Lifetime</code>."
    let askDuration: HTML = "How many days does it last? Send a number, or press Lifetime."
    func askPrice(_ example: String) -> HTML { "Send the price, such as <code>\(example)</code>." }
    func askResellerPrice(_ example: String) -> HTML {
        "Send what resellers pay, such as <code>\(example)</code>, or press the button if they pay the same."
    }
    func badDuration(_ text: String) -> HTML { "<code>\(text)</code> isn't a number of days: send a whole number such as 30, or press Lifetime." }
    func resellerAbovePrice(_ reseller: String, _ price: String) -> String {
        "The reseller price \(reseller) is above the price \(price): resellers would pay more than everyone else. Keep it, or send another amount."
    }
    func priceInUse(_ keys: Int, _ orders: Int) -> HTML {
        "It can't be deleted: \(Plural.english(keys, "key", "keys")) and \(Plural.english(orders, "order", "orders")) refer to it. Archive it instead: it is no longer sold, and orders and keys keep it."
    }
    func confirmDeletePrice(_ label: HTML) -> HTML { "Delete the price <b>\(label)</b> for good?" }
    let priceAdded: HTML = "✅ Price added. Add keys to put it on sale."
    let priceDeleted: HTML = "🗑 Price deleted."
    let stockTitle: HTML = "🔑 <b>Stock</b>"
    let stockEmpty: String = "No prices yet: add a product and a price first."
    let lowMark: String = "⚠️"
    let unusedLabel: String = "Unsold keys"
    let addKeysButton: String = "➕ Add keys"
    let listKeysButton: String = "📋 Unsold keys"
    let exportButton: String = "📤 Export"
    let deleteAllButton: String = "🧹 Delete all unsold"
    let askKeys: HTML = "Paste the keys, one per line, or upload a .txt or .csv file (a .csv's column named key, else its first column)."
    let sendKeysOrFile: HTML = "Send the keys as text, one per line, or as a .txt or .csv file."
    let keysTitle: HTML = "📋 <b>Unsold keys</b>"
    let noUnusedKeys: String = "No unsold keys."
    func downloading(_ file: String) -> HTML { "⏳ Reading <b>\(file)</b>…" }
    func checking(_ done: Int, _ total: Int) -> HTML { "⏳ Checking: \(done) of \(total) lines…" }
    func storing(_ done: Int, _ total: Int) -> HTML { "⏳ Adding: \(done) of \(total) lines…" }
    func keysPreview(_ new: Int, _ target: HTML) -> HTML { "Add <b>\(Plural.english(new, "new key", "new keys"))</b> to \(target)?" }
    func reportAdded(_ count: Int) -> HTML { "Added: <b>\(count)</b>" }
    func reportDuplicates(_ count: Int) -> HTML { "Duplicates: \(count)" }
    func reportBlank(_ count: Int) -> HTML { "Blank lines: \(count)" }
    func reportInvalid(_ count: Int) -> HTML { "Invalid: \(count)" }
    let refusedTitle: String = "Refused, first lines:"
    func refusal(_ line: Int, _ reason: String) -> String { "line \(line): \(reason)" }
    let reasonRepeated: String = "repeated above"
    let reasonInStock: String = "already in stock"
    let reasonTooLong: String = "longer than 512 characters"
    let reasonControl: String = "holds control characters"
    let nothingToAdd: String = "Nothing new to add: send other keys, or press Cancel."
    func fileTooLarge(_ megabytes: Int) -> HTML {
        "The file is larger than \(megabytes) MB, the most a bot can download: split it and send the parts."
    }
    func fileType(_ name: String) -> HTML { "<b>\(name)</b> isn't a .txt or .csv file: send the keys as one of those, or paste them." }
    let fileNotText: HTML = "The file isn't UTF-8 text: save it as UTF-8 and send it again."
    func confirmDeleteKey(_ key: String) -> HTML { "Delete the unsold key <code>\(key)</code>?" }
    func confirmDeleteAll(_ count: Int, _ target: HTML) -> HTML {
        "Delete all <b>\(count)</b> unsold keys of \(target)? Sold keys stay with their orders."
    }
    func keysDeleted(_ count: Int) -> HTML { "🗑 \(Plural.english(count, "key", "keys")) deleted." }
    let soldKey: HTML = "That key has been sold: it stays with its order."
    func exportCaption(_ count: Int, _ target: HTML) -> HTML { "\(Plural.english(count, "unsold key", "unsold keys")) of \(target)" }
    let nameEmpty: HTML = "The name is empty: send the product's name."
    func nameTooLong(_ length: Int, _ limit: Int) -> HTML { "That name is \(length) characters; customers see at most \(limit). Send a shorter one." }
    func descriptionTooLong(_ length: Int, _ limit: Int) -> HTML {
        "That description is \(length) characters; the card holds \(limit). Send a shorter one."
    }
    func descriptionTooLongForPhoto(_ length: Int, _ limit: Int) -> HTML {
        "The description is \(length) characters, and a photo card's caption holds \(limit) of it. Shorten the description first, or skip the photo."
    }
    let labelEmpty: HTML = "The label is empty: send one such as 1 month."
    func labelTooLong(_ length: Int, _ limit: Int) -> HTML { "That label is \(length) characters; at most \(limit) fit. Send a shorter one." }
    let durationNotPositive: HTML = "A duration is at least 1 day: send a number such as 30, or press Lifetime."
    func durationTooLong(_ limit: Int) -> HTML { "That is more than \(limit) days: press Lifetime instead." }
    let priceNotPositive: HTML = "A price is above zero: send an amount such as 9.99."
    let amountEmpty: HTML = "Send an amount."
    func amountNotANumber(_ text: String, _ example: String) -> HTML { "<code>\(text)</code> isn't an amount: send one like \(example)." }
    let amountNegative: HTML = "An amount can't be negative: send one like 9.99."
    func amountDecimals(_ text: String, _ currency: String, _ example: String) -> HTML {
        "<code>\(text)</code> has more decimals than \(currency) allows: send an amount like \(example)."
    }
    func amountTooLarge(_ text: String) -> HTML { "<code>\(text)</code> is too large to be a price: check the number." }
}
