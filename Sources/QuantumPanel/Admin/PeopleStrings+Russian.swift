import BotRouting
import Marketplace

struct RussianPeopleStrings: PeopleStrings {
    let sectionCustomers: String = "👥 Покупатели"
    let sectionOrders: String = "🧾 Заказы"
    let sectionStaff: String = "👮 Админы"
    let sectionSellers: String = "🤝 Продавцы"
    let customersTitle: HTML = "👥 <b>Покупатели</b>"
    func filterName(_ filter: CustomerFilter) -> String {
        switch filter {
        case .all: "Все"
        case .premium: "💎 Премиум"
        case .resellers: "🏪 Реселлеры"
        case .banned: "⛔ Заблокированы"
        }

    }
    func customersCount(_ count: Int) -> String { Plural.russian(count, "покупатель", "покупателя", "покупателей") }
    let customersEmpty: String = "Здесь пока никого нет."
    let findCustomerButton: String = "🔎 Найти покупателя"
    let askCustomer: HTML = "Пришлите Telegram id или @username покупателя, перешлите его сообщение или выберите его кнопкой под полем ввода."
    let pickButton: String = "👤 Выбрать пользователя"
    let pickHint: String = "👇 Или выберите его из своих чатов кнопкой ниже."
    func customerNotFound(_ typed: String) -> HTML { "Покупателя <code>\(typed)</code> нет: он появится здесь, когда запустит бота." }
    func hiddenForward(_ name: String) -> HTML {
        "<b>\(name)</b> скрывает аккаунт в пересланных сообщениях: пришлите id или @username или выберите его кнопкой."
    }
    let notAPerson: HTML = "Это не id, не @username, не пересланное сообщение и не выбранный пользователь."
    func found(_ name: String) -> HTML { "🔎 Найден: <b>\(name)</b>." }
    let idLabel: String = "Id"
    let usernameLabel: String = "Имя пользователя"
    let languageLabel: String = "Язык"
    let balanceLabel: String = "Баланс"
    let statusLabel: String = "Статус"
    let firstSeenLabel: String = "Впервые"
    let lastSeenLabel: String = "Последний раз"
    let ordersLabel: String = "Заказов"
    let spentLabel: String = "Потрачено"
    let premiumStatus: String = "💎 премиум"
    let resellerStatus: String = "🏪 реселлер"
    let bannedStatus: String = "⛔ заблокирован"
    let regularStatus: String = "обычный"
    let lastActivityTitle: String = "Последние движения баланса"
    let noActivity: String = "Движений баланса пока нет."
    let starsPaymentsTitle: String = "Пополнения звёздами"
    let refundedMark: String = "возвращено"
    let pendingMark: String = "возврат ждёт Telegram"
    let creditButton: String = "➕ Начислить"
    let debitButton: String = "➖ Списать"
    func premiumToggle(_ isPremium: Bool) -> String { isPremium ? "💎 Снять премиум" : "💎 Дать премиум" }
    func resellerToggle(_ isReseller: Bool) -> String { isReseller ? "🏪 Не реселлер" : "🏪 Сделать реселлером" }
    func banToggle(_ isBanned: Bool) -> String { isBanned ? "✅ Разблокировать" : "⛔ Заблокировать" }
    let ordersButton: String = "🧾 Заказы"
    func refundStarsButton(_ stars: Int64, _ date: String) -> String { "⭐ Вернуть \(stars) звёзд · \(date)" }
    func askCreditAmount(_ example: String) -> HTML { "Сколько начислить? Пришлите сумму, например <code>\(example)</code>." }
    func askDebitAmount(_ example: String, _ balance: String) -> HTML {
        "Сколько списать? Пришлите сумму, например <code>\(example)</code>. Баланс: <b>\(balance)</b>."
    }
    func debitTooLarge(_ balance: String) -> HTML { "Баланс \(balance): списание не может увести его ниже нуля." }
    func askNote(_ limit: Int) -> HTML { "Какую причину увидит покупатель? Не больше \(limit) символов." }
    let noteEmpty: HTML = "Причина пуста, а покупатель её увидит."
    func noteTooLong(_ length: Int, _ limit: Int) -> HTML { "В причине \(length) символов; можно не больше \(limit)." }
    let creditLabel: String = "Начисление"
    let debitLabel: String = "Списание"
    let reasonLabel: String = "Причина"
    func balanceChanged(_ balance: String) -> HTML { "✅ Готово: баланс <b>\(balance)</b>." }
    func confirmBan(_ name: String) -> HTML {
        "Заблокировать <b>\(name)</b>? Магазин будет закрыт для него до разблокировки, начатые диалоги закончатся."
    }
    func confirmUnban(_ name: String) -> HTML { "Разблокировать <b>\(name)</b>? Магазин снова откроется для него." }
    func confirmStarsRefund(_ stars: Int64, _ amount: String) -> HTML {
        "Вернуть ⭐ \(stars) звёзд на Telegram-аккаунт покупателя? Его баланс уменьшится на <b>\(amount)</b>."
    }
    func starsRefunded(_ stars: Int64) -> HTML { "✅ Возвращено: \(Plural.russian(Int(stars), "звезда", "звезды", "звёзд"))." }
    let starsRefundPending: HTML = "⏳ Telegram не ответил. Возврат записан и завершится, когда Telegram ответит."
    func starsBalanceTooLow(_ balance: String, _ needed: String) -> HTML {
        "Баланс \(balance), а возврат забирает \(needed): покупатель уже потратил часть пополнения."
    }
    let starsAlreadyRefunded: HTML = "Это пополнение уже возвращено."
    func starsRefusedByTelegram(_ reason: String) -> HTML { "Telegram отказал в возврате (\(reason)). Баланс восстановлен." }
    let customerGone: HTML = "Такого покупателя в магазине нет."
    let cantBanAdmin: HTML = "Админа нельзя заблокировать: сначала уберите его из админов."
    func customerOrdersTitle(_ name: String) -> HTML { "🧾 <b>Заказы: \(name)</b>" }
    let noOrders: String = "Заказов пока нет."
    let findOrderButton: String = "🔎 Найти заказ"
    let askOrderNumber: HTML = "Пришлите номер заказа, например <code>42</code> или <code>#42</code>."
    func notAnOrderNumber(_ typed: String) -> HTML { "<code>\(typed)</code> — не номер заказа: пришлите цифры, например 42." }
    func orderNotFound(_ number: Int) -> HTML { "Заказа №\(number) нет." }
    func orderTitle(_ number: Int) -> HTML { "🧾 <b>Заказ №\(number)</b>" }
    let customerLabel: String = "Покупатель"
    let productLabel: String = "Товар"
    let dateLabel: String = "Дата"
    let paidLabel: String = "Оплачено"
    let refundedLabel: String = "Возвращено"
    let keysTitle: String = "Ключи"
    func orderStatus(_ status: OrderStatus) -> String {
        switch status {
        case .refunded: "возвращён"
        case .partiallyRefunded: "возвращён частично"
        case .completed: "выполнен"
        }

    }
    func keyRefunded(_ amount: String, _ disposition: RefundDisposition) -> String {
        disposition == .restock ? "↩️ возвращено \(amount), снова в продаже" : "↩️ возвращено \(amount), отозван"
    }
    let refundButton: String = "↩️ Возврат…"
    let askRefundKeys: String = "Какие ключи вернуть? Нажмите на ключи, чтобы выбрать, затем «Далее»."
    let allKeysButton: String = "Все ключи"
    let nextButton: String = "Далее ›"
    let pickAtLeastOne: HTML = "Выберите хотя бы один ключ."
    let askDisposition: HTML = "Продавать ли возвращённые ключи снова?"
    func dispositionButton(_ value: RefundDisposition) -> String { value == .restock ? "📦 Вернуть в продажу" : "🚫 Отозвать: больше не продавать" }
    func dispositionName(_ value: RefundDisposition) -> String { value == .restock ? "снова в продаже" : "отозваны, больше не продаются" }
    func refundKeysLabel(_ count: Int, _ of: Int) -> String { "Ключи: \(count) из \(of)" }
    let refundAmountLabel: String = "К возврату"
    func refunded(_ amount: String, _ count: Int) -> HTML { "✅ Возвращено \(amount) за \(Plural.russian(count, "ключ", "ключа", "ключей"))." }
    let alreadyRefunded: HTML = "Часть этого уже вернули; ничего не изменено."
    let nothingToRefund: HTML = "Все ключи этого заказа уже возвращены."
    let staffTitle: HTML = "👮 <b>Админы</b>"
    let staffExplanation: String = "Админам доступна вся панель. Добавляете и удаляете их только вы, главный админ."
    let rootMark: String = "👑"
    let addAdminButton: String = "➕ Добавить админа"
    func removeAdminButton(_ name: String) -> String { "✖ Удалить \(name)" }
    let askAdmin: HTML = "Пришлите Telegram id или @username нового админа, перешлите его сообщение или выберите его кнопкой под полем ввода."
    func unknownUsername(_ username: String) -> HTML { "Никто с @\(username) не запускал бота: пришлите id или выберите его кнопкой." }
    func confirmAddAdmin(_ name: String) -> HTML {
        "Сделать <b>\(name)</b> админом? Он сможет менять каталог, балансы покупателей и делать возвраты."
    }
    func confirmRemoveAdmin(_ name: HTML) -> HTML { "Убрать <b>\(name)</b> из админов? Панель пропадёт у него со следующего сообщения." }
    func adminAdded(_ name: String) -> HTML { "✅ \(name) теперь админ." }
    let adminRemoved: HTML = "✅ Удалён: панель пропадёт у него со следующего сообщения."
    let alreadyAdmin: HTML = "Он уже админ."
    let noSuchAdmin: HTML = "Он не админ (уже)."
    let notRoot: HTML = "Админами управляет только главный админ."
    let rootPermanent: HTML = "Главного админа удалить нельзя."
    let notPermitted: String = "Ваша роль этого не позволяет; ничего не изменено."
    let sameRole: HTML = "У них уже эта роль."
    let rootHasNoRole: HTML = "Главному админу можно всё; роль ему не назначается."
    let roleLabel: String = "Роль"
    func roleName(_ role: AdminRole) -> String {
        switch role {
        case .owner: "👔 Владелец"
        case .manager: "🧰 Менеджер"
        case .support: "🎧 Поддержка"
        case .content: "✍️ Контент"
        }

    }
    func roleScope(_ role: AdminRole) -> String {
        switch role {
        case .owner: "всё, кроме управления админами"
        case .manager: "каталог, ключи, клиенты и заказы, возвраты, статусы, продавцы"
        case .support: "видит клиентов и заказы; без денег и изменений"
        case .content: "рассылки, названия, описания и фото товаров"
        }

    }
    func roleButton(_ name: String) -> String { "🎭 Роль: \(name)" }
    func askRole(_ name: HTML) -> HTML { "Какая роль у <b>\(name)</b>? Она действует с их следующего сообщения." }
    let pickRole: HTML = "Выберите роль кнопкой."
    func roleSet(_ name: HTML, _ role: String) -> HTML { "✅ \(name): теперь \(role)." }
    let sellersTitle: HTML = "🤝 <b>Проверенные продавцы</b>"
    let sellersEmpty: String = "Проверенных продавцов пока нет. Покупатели видят их как ещё один способ пополнить баланс."
    let addSellerButton: String = "➕ Добавить продавца"
    let askSellerUsername: HTML = "Пришлите @username продавца или id покупателя, у которого он есть."
    let askSellerName: HTML = "Какое имя увидят покупатели?"
    func askSellerNote(_ limit: Int) -> HTML {
        "Заметка для покупателей, например цены или часы работы (не больше \(limit) символов), или «Пропустить»."
    }
    let sellerUsernameLabel: String = "Имя пользователя"
    let sellerNameLabel: String = "Имя"
    let sellerNoteLabel: String = "Заметка"
    let editSellerUsernameButton: String = "✏️ Username"
    let editSellerNameButton: String = "✏️ Имя"
    let editSellerNoteButton: String = "✏️ Заметка"
    let removeNoteButton: String = "Без заметки"
    let removeSellerButton: String = "🗑 Удалить"
    func confirmRemoveSeller(_ name: String) -> HTML { "Убрать <b>\(name)</b> из проверенных продавцов?" }
    let sellerAdded: HTML = "✅ Добавлен."
    let sellerRemoved: HTML = "✅ Удалён."
    func noUsername(_ id: Int64) -> HTML { "У покупателя \(id) нет username: покупатели не смогут ему написать. Попросите его завести username." }
    let usernameInvalid: HTML = "Username в Telegram — от 5 до 32 латинских букв, цифр или _, начинается с буквы."
    let displayNameEmpty: HTML = "Имя пустое."
    func displayNameTooLong(_ length: Int, _ limit: Int) -> HTML { "В имени \(length) символов; можно не больше \(limit)." }
    func sellerNoteTooLong(_ length: Int, _ limit: Int) -> HTML { "В заметке \(length) символов; можно не больше \(limit)." }
    func alreadyListed(_ username: String) -> HTML { "@\(username) уже в списке." }
    let sellerGone: HTML = "Этого продавца уже нет в списке."
}
