import BotRouting
import Marketplace

extension PeopleStrings {
    static let russian = PeopleStrings(
        sectionCustomers: "👥 Покупатели",
        sectionOrders: "🧾 Заказы",
        sectionStaff: "👮 Админы",
        sectionSellers: "🤝 Продавцы",

        customersTitle: "👥 <b>Покупатели</b>",
        filterName: { filter in
            switch filter {
            case .all: "Все"
            case .premium: "💎 Премиум"
            case .resellers: "🏪 Реселлеры"
            case .banned: "⛔ Заблокированы"
            }
        },
        customersCount: { Plural.russian($0, "покупатель", "покупателя", "покупателей") },
        customersEmpty: "Здесь пока никого нет.",
        findCustomerButton: "🔎 Найти покупателя",
        askCustomer: "Пришлите Telegram id или @username покупателя, перешлите его сообщение или выберите его кнопкой под полем ввода.",
        pickButton: "👤 Выбрать пользователя",
        pickHint: "👇 Или выберите его из своих чатов кнопкой ниже.",
        customerNotFound: { "Покупателя <code>\($0)</code> нет: он появится здесь, когда запустит бота." },
        hiddenForward: { "<b>\($0)</b> скрывает аккаунт в пересланных сообщениях: пришлите id или @username или выберите его кнопкой." },
        notAPerson: "Это не id, не @username, не пересланное сообщение и не выбранный пользователь.",
        found: { "🔎 Найден: <b>\($0)</b>." },
        idLabel: "Id",
        usernameLabel: "Имя пользователя",
        languageLabel: "Язык",
        balanceLabel: "Баланс",
        statusLabel: "Статус",
        firstSeenLabel: "Впервые",
        lastSeenLabel: "Последний раз",
        ordersLabel: "Заказов",
        spentLabel: "Потрачено",
        premiumStatus: "💎 премиум",
        resellerStatus: "🏪 реселлер",
        bannedStatus: "⛔ заблокирован",
        regularStatus: "обычный",
        lastActivityTitle: "Последние движения баланса",
        noActivity: "Движений баланса пока нет.",
        starsPaymentsTitle: "Пополнения звёздами",
        refundedMark: "возвращено",
        pendingMark: "возврат ждёт Telegram",
        creditButton: "➕ Начислить",
        debitButton: "➖ Списать",
        premiumToggle: { $0 ? "💎 Снять премиум" : "💎 Дать премиум" },
        resellerToggle: { $0 ? "🏪 Не реселлер" : "🏪 Сделать реселлером" },
        banToggle: { $0 ? "✅ Разблокировать" : "⛔ Заблокировать" },
        ordersButton: "🧾 Заказы",
        refundStarsButton: { "⭐ Вернуть \($0) звёзд · \($1)" },
        askCreditAmount: { "Сколько начислить? Пришлите сумму, например <code>\($0)</code>." },
        askDebitAmount: { "Сколько списать? Пришлите сумму, например <code>\($0)</code>. Баланс: <b>\($1)</b>." },
        debitTooLarge: { "Баланс \($0): списание не может увести его ниже нуля." },
        askNote: { "Какую причину увидит покупатель? Не больше \($0) символов." },
        noteEmpty: "Причина пуста, а покупатель её увидит.",
        noteTooLong: { "В причине \($0) символов; можно не больше \($1)." },
        creditLabel: "Начисление",
        debitLabel: "Списание",
        reasonLabel: "Причина",
        balanceChanged: { "✅ Готово: баланс <b>\($0)</b>." },
        confirmBan: { "Заблокировать <b>\($0)</b>? Магазин будет закрыт для него до разблокировки, начатые диалоги закончатся." },
        confirmUnban: { "Разблокировать <b>\($0)</b>? Магазин снова откроется для него." },
        confirmStarsRefund: { "Вернуть ⭐ \($0) звёзд на Telegram-аккаунт покупателя? Его баланс уменьшится на <b>\($1)</b>." },
        starsRefunded: { "✅ Возвращено: \(Plural.russian(Int($0), "звезда", "звезды", "звёзд"))." },
        starsRefundPending: "⏳ Telegram не ответил. Возврат записан и завершится, когда Telegram ответит.",
        starsBalanceTooLow: { "Баланс \($0), а возврат забирает \($1): покупатель уже потратил часть пополнения." },
        starsAlreadyRefunded: "Это пополнение уже возвращено.",
        starsRefusedByTelegram: { "Telegram отказал в возврате (\($0)). Баланс восстановлен." },
        customerGone: "Такого покупателя в магазине нет.",
        cantBanAdmin: "Админа нельзя заблокировать: сначала уберите его из админов.",

        customerOrdersTitle: { "🧾 <b>Заказы: \($0)</b>" },
        noOrders: "Заказов пока нет.",
        findOrderButton: "🔎 Найти заказ",
        askOrderNumber: "Пришлите номер заказа, например <code>42</code> или <code>#42</code>.",
        notAnOrderNumber: { "<code>\($0)</code> — не номер заказа: пришлите цифры, например 42." },
        orderNotFound: { "Заказа №\($0) нет." },
        orderTitle: { "🧾 <b>Заказ №\($0)</b>" },
        customerLabel: "Покупатель",
        productLabel: "Товар",
        dateLabel: "Дата",
        paidLabel: "Оплачено",
        refundedLabel: "Возвращено",
        keysTitle: "Ключи",
        orderStatus: { status in
            switch status {
            case .refunded: "возвращён"
            case .partiallyRefunded: "возвращён частично"
            case .completed: "выполнен"
            }
        },
        keyRefunded: { amount, disposition in disposition == .restock ? "↩️ возвращено \(amount), снова в продаже" : "↩️ возвращено \(amount), отозван"
        },
        refundButton: "↩️ Возврат…",
        askRefundKeys: "Какие ключи вернуть? Нажмите на ключи, чтобы выбрать, затем «Далее».",
        allKeysButton: "Все ключи",
        nextButton: "Далее ›",
        pickAtLeastOne: "Выберите хотя бы один ключ.",
        askDisposition: "Продавать ли возвращённые ключи снова?",
        dispositionButton: { $0 == .restock ? "📦 Вернуть в продажу" : "🚫 Отозвать: больше не продавать" },
        dispositionName: { $0 == .restock ? "снова в продаже" : "отозваны, больше не продаются" },
        refundKeysLabel: { "Ключи: \($0) из \($1)" },
        refundAmountLabel: "К возврату",
        refunded: { "✅ Возвращено \($0) за \(Plural.russian($1, "ключ", "ключа", "ключей"))." },
        alreadyRefunded: "Часть этого уже вернули; ничего не изменено.",
        nothingToRefund: "Все ключи этого заказа уже возвращены.",

        staffTitle: "👮 <b>Админы</b>",
        staffExplanation: "Админам доступна вся панель. Добавляете и удаляете их только вы, главный админ.",
        rootMark: "👑",
        addAdminButton: "➕ Добавить админа",
        removeAdminButton: { "✖ Удалить \($0)" },
        askAdmin: "Пришлите Telegram id или @username нового админа, перешлите его сообщение или выберите его кнопкой под полем ввода.",
        unknownUsername: { "Никто с @\($0) не запускал бота: пришлите id или выберите его кнопкой." },
        confirmAddAdmin: { "Сделать <b>\($0)</b> админом? Он сможет менять каталог, балансы покупателей и делать возвраты." },
        confirmRemoveAdmin: { "Убрать <b>\($0)</b> из админов? Панель пропадёт у него со следующего сообщения." },
        adminAdded: { "✅ \($0) теперь админ." },
        adminRemoved: "✅ Удалён: панель пропадёт у него со следующего сообщения.",
        alreadyAdmin: "Он уже админ.",
        noSuchAdmin: "Он не админ (уже).",
        notRoot: "Админами управляет только главный админ.",
        rootPermanent: "Главного админа удалить нельзя.",
        notPermitted: "Ваша роль этого не позволяет; ничего не изменено.",
        sameRole: "У них уже эта роль.",
        rootHasNoRole: "Главному админу можно всё; роль ему не назначается.",
        roleLabel: "Роль",
        roleName: { role in
            switch role {
            case .owner: "👔 Владелец"
            case .manager: "🧰 Менеджер"
            case .support: "🎧 Поддержка"
            case .content: "✍️ Контент"
            }
        },
        roleScope: { role in
            switch role {
            case .owner: "всё, кроме управления админами"
            case .manager: "каталог, ключи, клиенты и заказы, возвраты, статусы, продавцы"
            case .support: "видит клиентов и заказы; без денег и изменений"
            case .content: "рассылки, названия, описания и фото товаров"
            }
        },
        roleButton: { "🎭 Роль: \($0)" },
        askRole: { "Какая роль у <b>\($0)</b>? Она действует с их следующего сообщения." },
        pickRole: "Выберите роль кнопкой.",
        roleSet: { "✅ \($0): теперь \($1)." },

        sellersTitle: "🤝 <b>Проверенные продавцы</b>",
        sellersEmpty: "Проверенных продавцов пока нет. Покупатели видят их как ещё один способ пополнить баланс.",
        addSellerButton: "➕ Добавить продавца",
        askSellerUsername: "Пришлите @username продавца или id покупателя, у которого он есть.",
        askSellerName: "Какое имя увидят покупатели?",
        askSellerNote: { "Заметка для покупателей, например цены или часы работы (не больше \($0) символов), или «Пропустить»." },
        sellerUsernameLabel: "Имя пользователя",
        sellerNameLabel: "Имя",
        sellerNoteLabel: "Заметка",
        editSellerUsernameButton: "✏️ Username",
        editSellerNameButton: "✏️ Имя",
        editSellerNoteButton: "✏️ Заметка",
        removeNoteButton: "Без заметки",
        removeSellerButton: "🗑 Удалить",
        confirmRemoveSeller: { "Убрать <b>\($0)</b> из проверенных продавцов?" },
        sellerAdded: "✅ Добавлен.",
        sellerRemoved: "✅ Удалён.",
        noUsername: { "У покупателя \($0) нет username: покупатели не смогут ему написать. Попросите его завести username." },
        usernameInvalid: "Username в Telegram — от 5 до 32 латинских букв, цифр или _, начинается с буквы.",
        displayNameEmpty: "Имя пустое.",
        displayNameTooLong: { "В имени \($0) символов; можно не больше \($1)." },
        sellerNoteTooLong: { "В заметке \($0) символов; можно не больше \($1)." },
        alreadyListed: { "@\($0) уже в списке." },
        sellerGone: "Этого продавца уже нет в списке."
    )
}
