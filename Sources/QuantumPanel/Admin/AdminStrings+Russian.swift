import BotRouting

struct RussianAdminStrings: AdminStrings {
    let panelTitle: HTML = "🛠 <b>Панель администратора</b>"
    let customersLabel: String = "Покупатели"
    let premiumCustomersLabel: String = "Премиум"
    let todayLabel: String = "Сегодня"
    let sevenDaysLabel: String = "7 дней"
    let thirtyDaysLabel: String = "30 дней"
    let allTimeLabel: String = "Всё время"
    func ordersCount(_ count: Int) -> String { Plural.russian(count, "заказ", "заказа", "заказов") }
    func lowStockTitle(_ threshold: Int) -> String { "Заканчиваются (меньше \(threshold) ключей)" }
    let stockFine: String = "Ключей хватает у всех цен в продаже."
    let sectionProducts: String = "🛍 Товары"
    let sectionStock: String = "🔑 Склад"
    let back: String = "‹ Назад"
    let cancelButton: String = "✖ Отмена"
    let confirmButton: String = "✅ Подтвердить"
    let skipButton: String = "Пропустить ›"
    let yesButton: String = "Да"
    let noButton: String = "Нет"
    let cancelled: String = "Отменено: ничего не изменено."
    let dialogEnded: String = "Этот диалог уже завершён: начните заново из панели."
    let saved: HTML = "✅ Сохранено."
    func moved(_ place: Int, _ count: Int) -> HTML { "✅ Перемещено: теперь \(place) из \(count)." }
    let confirmTitle: HTML = "📝 <b>Проверьте и подтвердите</b>"
    let gone: HTML = "Этого больше нет: возможно, его только что удалили."
    let productsTitle: HTML = "🛍 <b>Товары</b>"
    let productsEmpty: String = "Товаров пока нет. Добавьте первый."
    let addProductButton: String = "➕ Добавить товар"
    let hiddenMark: String = "🙈"
    let archivedMark: String = "🗄"
    let premiumMark: String = "💎"
    func keysCount(_ count: Int) -> String { Plural.russian(count, "ключ", "ключа", "ключей") }
    let nameLabel: String = "Название"
    let descriptionLabel: String = "Описание"
    let photoLabel: String = "Фото"
    let premiumOnlyLabel: String = "Только для премиум"
    let visibilityLabel: String = "Виден покупателям"
    let visibleValue: String = "да"
    let hiddenValue: String = "нет (скрыт)"
    let archivedValue: String = "нет (в архиве)"
    let noneValue: String = "нет"
    let pricesTitle: String = "Цены"
    let noPrices: String = "Цен пока нет: купить товар нельзя, пока у него нет цены."
    let editNameButton: String = "✏️ Название"
    let editDescriptionButton: String = "✏️ Описание"
    let photoButton: String = "🖼 Фото"
    let removePhotoButton: String = "🗑 Убрать фото"
    func premiumToggle(_ isOn: Bool) -> String { isOn ? "💎 Только премиум: да" : "💎 Только премиум: нет" }
    let hideButton: String = "🙈 Скрыть"
    let showButton: String = "👁 Показать"
    let upButton: String = "⬆ Выше"
    let downButton: String = "⬇ Ниже"
    let deleteButton: String = "🗑 Удалить"
    let archiveButton: String = "🗄 В архив"
    let unarchiveButton: String = "♻️ Из архива"
    let addPriceButton: String = "➕ Добавить цену"
    let askName: HTML = "Отправьте название товара."
    let askDescription: HTML = "Отправьте описание для покупателей или нажмите «Пропустить»."
    let askPhoto: HTML = "Отправьте фото для карточки товара или нажмите «Пропустить»."
    let askPremium: HTML = "Товар только для премиум-покупателей?"
    let askNewDescription: HTML = "Отправьте новое описание."
    let askNewPhoto: HTML = "Отправьте новое фото (как фото, не как файл)."
    let sendText: HTML = "Отправьте это текстом, пожалуйста."
    let sendPhotoOrSkip: HTML = "Это не фото: отправьте фото (не файлом) или нажмите «Пропустить»."
    let pressYesOrNo: HTML = "Нажмите одну из кнопок ниже."
    let pressConfirm: HTML = "Нажмите «✅ Подтвердить», чтобы сохранить, или «✖ Отмена»."
    func productInUse(_ keys: Int, _ orders: Int) -> HTML {
        "Удалить нельзя: на товар ссылаются ключи (\(keys)) и заказы (\(orders)), удаление сломает их историю. Отправьте его в архив: покупатели его не увидят, а заказы сохранятся."
    }
    func confirmDeleteProduct(_ name: HTML) -> HTML { "Удалить <b>\(name)</b> вместе с ценами навсегда?" }
    func confirmArchive(_ name: HTML) -> HTML {
        "Отправить <b>\(name)</b> в архив? Покупатели его не увидят, заказы сохранятся. Вернуть можно в любой момент."
    }
    let productAdded: HTML = "✅ Товар добавлен. Покупатели увидят его, когда у него будет цена с ключами."
    let productDeleted: HTML = "🗑 Товар удалён."
    let priceTitle: HTML = "🏷 <b>Цена</b>"
    let durationLabelLabel: String = "Подпись"
    let durationLabel: String = "Срок"
    func days(_ count: Int) -> String { Plural.russian(count, "день", "дня", "дней") }
    let lifetime: String = "навсегда"
    let priceLabel: String = "Цена"
    let resellerPriceLabel: String = "Цена для реселлеров"
    let stockLabel: String = "Непроданных ключей"
    let soldLabel: String = "Продано"
    let editLabelButton: String = "✏️ Подпись"
    let editDurationButton: String = "✏️ Срок"
    let editPriceButton: String = "✏️ Цена"
    let editResellerButton: String = "✏️ Цена реселлеров"
    let removeResellerButton: String = "🗑 Без цены реселлеров"
    let lifetimeButton: String = "♾ Навсегда"
    let noResellerButton: String = "Без цены реселлеров ›"
    let keepButton: String = "Оставить"
    let stockButton: String = "🔑 Ключи"
    let askLabel: HTML = "Отправьте подпись, которую увидят покупатели, например <code>1 месяц</code> или <code>Навсегда</code>."
    let askDuration: HTML = "Сколько дней действует? Отправьте число или нажмите «Навсегда»."
    func askPrice(_ example: String) -> HTML { "Отправьте цену, например <code>\(example)</code>." }
    func askResellerPrice(_ example: String) -> HTML {
        "Отправьте цену для реселлеров, например <code>\(example)</code>, или нажмите кнопку, если она та же."
    }
    func badDuration(_ text: String) -> HTML { "<code>\(text)</code> — не число дней: отправьте целое число, например 30, или нажмите «Навсегда»." }
    func resellerAbovePrice(_ reseller: String, _ price: String) -> String {
        "Цена для реселлеров \(reseller) выше обычной \(price): реселлеры заплатят больше остальных. Оставить или отправить другую сумму?"
    }
    func priceInUse(_ keys: Int, _ orders: Int) -> HTML {
        "Удалить нельзя: на цену ссылаются ключи (\(keys)) и заказы (\(orders)). Отправьте её в архив: она больше не продаётся, а заказы и ключи сохранятся."
    }
    func confirmDeletePrice(_ label: HTML) -> HTML { "Удалить цену <b>\(label)</b> навсегда?" }
    let priceAdded: HTML = "✅ Цена добавлена. Добавьте ключи, чтобы начать продажи."
    let priceDeleted: HTML = "🗑 Цена удалена."
    let stockTitle: HTML = "🔑 <b>Склад</b>"
    let stockEmpty: String = "Цен пока нет: сначала добавьте товар и цену."
    let lowMark: String = "⚠️"
    let unusedLabel: String = "Непроданных ключей"
    let addKeysButton: String = "➕ Добавить ключи"
    let listKeysButton: String = "📋 Непроданные"
    let exportButton: String = "📤 Выгрузить"
    let deleteAllButton: String = "🧹 Удалить все непроданные"
    let askKeys: HTML = "Вставьте ключи, по одному в строке, или загрузите файл .txt или .csv (из .csv берётся столбец key, иначе первый)."
    let sendKeysOrFile: HTML = "Отправьте ключи текстом, по одному в строке, или файлом .txt или .csv."
    let keysTitle: HTML = "📋 <b>Непроданные ключи</b>"
    let noUnusedKeys: String = "Непроданных ключей нет."
    func downloading(_ file: String) -> HTML { "⏳ Читаю <b>\(file)</b>…" }
    func checking(_ done: Int, _ total: Int) -> HTML { "⏳ Проверяю: \(done) из \(total) строк…" }
    func storing(_ done: Int, _ total: Int) -> HTML { "⏳ Добавляю: \(done) из \(total) строк…" }
    func keysPreview(_ new: Int, _ target: HTML) -> HTML {
        "Добавить <b>\(Plural.russian(new, "новый ключ", "новых ключа", "новых ключей"))</b> в \(target)?"
    }
    func reportAdded(_ count: Int) -> HTML { "Добавлено: <b>\(count)</b>" }
    func reportDuplicates(_ count: Int) -> HTML { "Повторы: \(count)" }
    func reportBlank(_ count: Int) -> HTML { "Пустые строки: \(count)" }
    func reportInvalid(_ count: Int) -> HTML { "Неверные: \(count)" }
    let refusedTitle: String = "Отклонены, первые строки:"
    func refusal(_ line: Int, _ reason: String) -> String { "строка \(line): \(reason)" }
    let reasonRepeated: String = "повтор строки выше"
    let reasonInStock: String = "уже на складе"
    let reasonTooLong: String = "длиннее 512 символов"
    let reasonControl: String = "содержит управляющие символы"
    let nothingToAdd: String = "Нечего добавить: отправьте другие ключи или нажмите «Отмена»."
    func fileTooLarge(_ megabytes: Int) -> HTML { "Файл больше \(megabytes) МБ — больше бот скачать не может: разделите его и отправьте частями." }
    func fileType(_ name: String) -> HTML { "<b>\(name)</b> — не файл .txt или .csv: отправьте ключи в одном из них или вставьте текстом." }
    let fileNotText: HTML = "Файл не в кодировке UTF-8: сохраните его в UTF-8 и отправьте снова."
    func confirmDeleteKey(_ key: String) -> HTML { "Удалить непроданный ключ <code>\(key)</code>?" }
    func confirmDeleteAll(_ count: Int, _ target: HTML) -> HTML {
        "Удалить все непроданные ключи (<b>\(count)</b>) у \(target)? Проданные останутся в заказах."
    }
    func keysDeleted(_ count: Int) -> HTML {
        "🗑 \(Plural.russianForm(count, "Удалён", "Удалено", "Удалено")) \(Plural.russian(count, "ключ", "ключа", "ключей"))."
    }
    let soldKey: HTML = "Этот ключ продан: он остаётся в заказе."
    func exportCaption(_ count: Int, _ target: HTML) -> HTML { "Непроданные ключи (\(count)): \(target)" }
    let nameEmpty: HTML = "Название пустое: отправьте название товара."
    func nameTooLong(_ length: Int, _ limit: Int) -> HTML { "В названии \(length) символов, покупатели увидят не больше \(limit). Отправьте короче." }
    func descriptionTooLong(_ length: Int, _ limit: Int) -> HTML { "В описании \(length) символов, карточка вмещает \(limit). Отправьте короче." }
    func descriptionTooLongForPhoto(_ length: Int, _ limit: Int) -> HTML {
        "В описании \(length) символов, а подпись к фото вмещает \(limit). Сначала сократите описание или пропустите фото."
    }
    let labelEmpty: HTML = "Подпись пустая: отправьте, например, 1 месяц."
    func labelTooLong(_ length: Int, _ limit: Int) -> HTML { "В подписи \(length) символов, помещается не больше \(limit). Отправьте короче." }
    let durationNotPositive: HTML = "Срок — хотя бы 1 день: отправьте число, например 30, или нажмите «Навсегда»."
    func durationTooLong(_ limit: Int) -> HTML { "Это больше \(limit) дней: нажмите «Навсегда»." }
    let priceNotPositive: HTML = "Цена должна быть больше нуля: отправьте сумму, например 9.99."
    let amountEmpty: HTML = "Отправьте сумму."
    func amountNotANumber(_ text: String, _ example: String) -> HTML { "<code>\(text)</code> — не сумма: отправьте, например, \(example)." }
    let amountNegative: HTML = "Сумма не может быть отрицательной: отправьте, например, 9.99."
    func amountDecimals(_ text: String, _ currency: String, _ example: String) -> HTML {
        "В <code>\(text)</code> больше знаков после запятой, чем допускает \(currency): отправьте сумму вида \(example)."
    }
    func amountTooLarge(_ text: String) -> HTML { "<code>\(text)</code> — слишком большая сумма для цены: проверьте число." }
}
