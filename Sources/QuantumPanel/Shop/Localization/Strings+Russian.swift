import BotRouting

extension Strings {
    public static let russian = Strings(
        menuProducts: "🛍 Товары",
        menuBalance: "💰 Баланс",
        menuOrders: "📦 Мои заказы",
        menuPremium: "💎 Премиум",
        menuSellers: "🤝 Проверенные продавцы",
        menuSupport: "🆘 Поддержка",
        menuLanguage: "🌐 Язык",
        menuAdmin: "🛠 Админ-панель",
        back: "‹ Назад",
        mainMenu: "🏠 Меню",
        previousPage: "‹",
        nextPage: "›",

        welcomeTitle: { "👋 Добро пожаловать, <b>\($0)</b>!" },
        balanceLabel: "Баланс",
        statusLabel: "Статус",
        statusFree: "Обычный",
        statusPremium: "💎 Премиум",
        statusReseller: "🏷 Реселлер",
        chooseBelow: "Выберите ниже:",

        productsTitle: "🛍 <b>Товары</b>",
        productsEmpty: "Пока ничего нет в продаже. Загляните позже!",
        inStock: { "в наличии: \($0)" },
        outOfStock: "нет в наличии",
        lockedHint: "🔒 только премиум",

        pricesTitle: "Цены",
        premiumOnlyExplanation: "🔒 Этот товар только для премиум-покупателей. Оформите премиум, чтобы купить.",
        upgradeButton: "💎 Оформить премиум",
        noPricesNow: "Сейчас нет цен в продаже.",
        productGone: "Этот товар больше не продаётся.",

        confirmTitle: "🧾 <b>Подтвердите покупку</b>",
        productLabel: "Товар",
        durationLabel: "Срок",
        quantityLabel: "Количество",
        priceLabel: "Цена",
        balanceAfterLabel: "Баланс после",
        buyButton: { "✅ Купить за \($0)" },
        cancelButton: "✖ Отмена",
        chooseQuantity: "Сколько ключей?",
        otherQuantityButton: "✏️ Другое",
        askQuantity: { "✏️ Отправьте нужное число ключей, от 1 до \($0), или /cancel." },
        badQuantity: { "Это не количество. Отправьте целое число от 1 до \($0) или /cancel." },

        purchaseTitle: "✅ <b>Покупка завершена</b>",
        orderLabel: "Заказ",
        keysLabel: "Ваши ключи",
        tapToCopy: "Нажмите на ключ, чтобы скопировать.",
        alreadyBought: "Уже куплено: вот этот заказ ещё раз.",
        insufficientFunds: { "💸 Недостаточно средств: не хватает <b>\($0)</b>. Пополните баланс и возвращайтесь." },
        topUpButton: "➕ Пополнить",
        outOfStockNow: { $0 == 0 ? "😔 Нет в наличии. Попробуйте позже." : "😔 В наличии только \($0). Выберите меньше." },
        unavailableNow: "Эта цена больше не действует.",
        priceChanged: { "⚠️ Цена изменилась, пока вы смотрели: теперь итого <b>\($0)</b>. Ничего не списано; проверьте и подтвердите снова." },
        premiumOnlyNow: "🔒 Этот товар только для премиум-покупателей.",
        notifyMeButton: "🔔 Сообщить о поступлении",
        notifyMeDone: "Мы напишем вам, когда товар снова появится.",
        restocked: { product, duration in "🔔 <b>\(product)</b> · \(duration) снова в наличии." },
        restockOpen: "🛍 Открыть",

        balanceTitle: "💰 <b>Баланс</b>",
        recentActivity: "Последние операции",
        noActivity: "Операций пока нет.",
        reasonPurchase: "Покупка",
        reasonCredit: "Зачисление",
        reasonDebit: "Списание",
        reasonPremium: "Премиум",
        reasonStars: "Пополнение звёздами",
        reasonRefund: "Возврат",
        reasonStarsRefund: "Возврат в звёздах",
        reasonStarsRefundUndone: "Возврат звёзд отменён",
        otherTopUpWays: "Другие способы пополнить: проверенный продавец или поддержка.",
        starsButton: "⭐ Пополнить звёздами",

        topUpTitle: "⭐ <b>Пополнение звёздами Telegram</b>",
        topUpExplanation: { "Одна звезда добавляет \($0) к балансу. Выберите сумму:" },
        starsOption: { "⭐ \($0) → \($1)" },
        invoiceTitle: "Пополнение баланса",
        invoiceDescription: { "\($0) звёзд добавят \($1) к балансу магазина." },
        paymentRefused: "Этот платёж нельзя принять. Начните пополнение заново.",
        paymentBanned: "С вашего аккаунта нельзя платить.",
        toppedUp: { "✅ Спасибо! Зачислено <b>\($0)</b>. Баланс: <b>\($1)</b>" },
        paymentAlreadyCredited: "Этот платёж уже зачислен на баланс.",

        ordersTitle: "📦 <b>Мои заказы</b>",
        ordersEmpty: "Заказов пока нет.",
        orderTitle: { "📦 <b>Заказ №\($0)</b>" },
        dateLabel: "Дата",
        orderGone: "Такой заказ не найден.",

        premiumTitle: "💎 <b>Премиум</b>",
        premiumPitch: "Премиум открывает товары с 🔒 — навсегда, пока вы покупаете здесь.",
        premiumPriceLabel: "Цена",
        premiumUpgradeButton: { "💎 Оформить за \($0)" },
        premiumActive: "✅ У вас премиум. Вам доступны все товары.",
        premiumWelcome: "🎉 Добро пожаловать в премиум! Теперь вам доступны все товары.",
        premiumTooExpensive: { "💸 Недостаточно средств: для премиума не хватает <b>\($0)</b>." },

        sellersTitle: "🤝 <b>Проверенные продавцы</b>",
        sellersEmpty: "Проверенных продавцов пока нет.",
        supportTitle: "🆘 <b>Поддержка</b>",
        supportContact: { "Вопросы, проблемы, другие способы оплаты: пишите @\($0)." },
        supportMissing: "Поддержка пока недоступна. Попробуйте позже.",
        writeButton: "✉️ Написать",

        languageTitle: "🌐 <b>Язык</b>",
        languageChanged: "Язык: русский",

        help: """
            ℹ️ <b>Как это работает</b>
            ┌ Пополните баланс (⭐ звёзды, проверенный продавец или поддержка)
            ├ Откройте 🛍 Товары и выберите товар и срок
            └ Подтвердите: ключ придёт сразу и останется в 📦 Мои заказы

            /start — меню · /cancel — отменить действие
            """,
        unknownInput: "Не понял. Воспользуйтесь меню:",
        cancelled: "Отменено.",
        nothingToCancel: "Нечего отменять.",
        tooFast: "⏳ Слишком много нажатий подряд: подождите немного.",
        banned: "⛔ Ваш доступ к магазину закрыт.",
        commandStart: "Открыть магазин",
        commandHelp: "Как это работает",
        commandCancel: "Отменить действие",
        commandPaySupport: "Помощь с оплатой",
        apology: "Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.",
        paySupportTitle: "⭐ <b>Помощь с оплатой</b>",
        paySupport: """
            Пополнения оплачиваются звёздами Telegram и сразу зачисляются на баланс; каждый платёж зачисляется один раз.
            Если звёзды списаны, а баланс не вырос, платёж будет найден и зачислен в течение нескольких минут.
            Возврат идёт обратно в звёзды, в пределах суммы пополнения, оставшейся на балансе; купленные ключи возвращаются на баланс.
            """,
        lateTopUp: { "⭐ Найден платёж, который не дошёл до магазина: зачислено <b>\($0)</b>. Баланс: <b>\($1)</b>." },
        creditedNotice: { "💰 На ваш баланс зачислено <b>\($0)</b>.\nПричина: \($1)\nБаланс: <b>\($2)</b>" },
        debitedNotice: { "➖ С вашего баланса списано <b>\($0)</b>.\nПричина: \($1)\nБаланс: <b>\($2)</b>" },
        refundNotice: {
            "↩️ Заказ №\($0): на баланс возвращено <b>\($1)</b> за \(Plural.russian($2, "ключ", "ключа", "ключей")).\nБаланс: <b>\($3)</b>"
        },
        starsRefundNotice: { "⭐ На ваш Telegram-аккаунт возвращено звёзд: \($0), с баланса списано <b>\($1)</b>.\nБаланс: <b>\($2)</b>" },
        premiumGrantedNotice: "💎 Теперь у вас премиум: премиум-каталог открыт.",
        premiumRevokedNotice: "Ваш премиум-статус закончился.",
        resellerOnNotice: "🏪 Теперь вы реселлер: вам видны цены для реселлеров и можно покупать несколько ключей сразу.",
        resellerOffNotice: "Вы больше не реселлер: вам видны обычные цены."
    )
}
