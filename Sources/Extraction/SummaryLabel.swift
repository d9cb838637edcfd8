import Intl

/// What an amount beside a label stands for in an order's summary lines.
public enum SummaryKind: String, Sendable, Hashable, CaseIterable {
    case total
    case subtotal
    case shipping
    case tax
    case discount
    /// Service fees, tips, protection: charges that are neither items nor shipping.
    case fee
    /// What a refund or cancellation gives back.
    case refund
}

/// Reads summary labels (`Total TTC`, `Sous-total des articles`, `Versandkosten`,
/// `Estimated tax to be collected`) in English, French, German, Spanish, Italian, Dutch and
/// Polish, on case- and accent-folded text.
enum SummaryLabel {
    /// The kind of a label, or `nil` when it is not a summary label.
    static func kind(of label: String) -> SummaryKind? {
        kind(ofFolded: TextFolding.fold(label))
    }

    /// The kind of an already folded label. Summary labels are short and start with their
    /// keyword (`Frais de port`, `Total de la commande`, `Estimated tax to be collected`): a
    /// keyword deep in a long label is a product's name (`Lampe … port USB`).
    static func kind(ofFolded folded: String) -> SummaryKind? {
        // Nine words are enough to know the label is too long.
        let all = Words(withoutParentheses(folded), maximumCount: 9)
        guard !all.isEmpty else { return nil }
        // "Kurtaxe 2 Pers. x 2 Nächte à 3,60 €", "Taxe de séjour (2 adultes, 3 nuits)": a tax charged per
        // guest and night on top of the stay, however long its label; a charge of the bill, not goods.
        if isTouristTax(all) { return .fee }
        guard all.count <= 8 else { return nil }
        // "2x Bandenplakset Tip Top TT 01", "1 x Felt tip pens": a counted line is goods, unless the
        // word right after its count names a charge ("1x Service fee", "2 x Frais de port").
        if let rest = afterCount(all.items) {
            guard let head = rest.first, kind(ofFolded: head) != nil else { return nil }
            return kind(ofFolded: rest.joined(separator: " "))
        }
        // Each word looked up once in the lists below (a set lookup hashes the word again).
        let classes = all.items.map { wordClasses[$0] ?? [] }
        func inAll(_ list: WordClasses) -> Bool { classes.contains { !$0.isDisjoint(with: list) } }
        // The keyword must be among the first three words, unless the label is short.
        let words = all.count <= 4 ? all : Words(items: Array(all.items.prefix(3)))
        func inWords(_ list: WordClasses) -> Bool { classes.prefix(words.count).contains { !$0.isDisjoint(with: list) } }
        if inAll(.ignored) || all.containsPhrase(ignoredPhrases) { return nil }
        // "Livraison offerte dès 25 €", "Free shipping over £20": a threshold, not a charge.
        if inAll(.threshold) { return nil }
        if inAll(.refund) || all.hasPrefixAny(refundPrefixes) { return .refund }
        let hasTotal = inWords(.total) || words.hasPrefixAny(totalPrefixes) || all.containsPhrase(totalPhrases)
        if inWords(.subtotal) || all.containsPhrase(subtotalPhrases)
            || (hasTotal && inAll(.subtotalQualifier))
        {
            return .subtotal
        }
        if hasTotal { return .total }
        // "Amount   €13.49" alone in a receipt's fields: what was paid, as `Montant`, `Betrag`, `Importe` are.
        if all.count == 1, all.items[0] == "amount" { return .total }
        // "Merchandise", "Articles (3)", "Waren": the goods' word alone labels their sum.
        if all.count == 1, classes[0].contains(.goods) { return .subtotal }
        if inWords(.shipping) || words.hasPrefixAny(shippingPrefixes) || all.containsPhrase(shippingPhrases)
            || all.items.prefix(2).contains(where: { word in shippingSuffixes.contains { word.hasSuffix($0) && word.characterCount > $0.count + 2 } })
            || (all.count <= 5 && opensWithCarrier(all.items))
        {
            return .shipping
        }
        if inWords(.discount) || words.hasPrefixAny(discountPrefixes) { return .discount }
        if inWords(.tax) || words.hasPrefixAny(taxPrefixes) { return .tax }
        if inWords(.fee) && !protectsGoods(all) || words.hasPrefixAny(feePrefixes) || all.containsPhrase(feePhrases) { return .fee }
        if isMessageCard(all) || isGiftPackaging(folded, outside: all) { return .fee }
        return nil
    }

    /// The word lists ``kind(ofFolded:)`` looks a label's words up in.
    struct WordClasses: OptionSet {
        let rawValue: UInt16
        static let ignored = WordClasses(rawValue: 1 << 0)
        static let threshold = WordClasses(rawValue: 1 << 1)
        static let refund = WordClasses(rawValue: 1 << 2)
        static let total = WordClasses(rawValue: 1 << 3)
        static let subtotal = WordClasses(rawValue: 1 << 4)
        static let subtotalQualifier = WordClasses(rawValue: 1 << 5)
        static let goods = WordClasses(rawValue: 1 << 6)
        static let shipping = WordClasses(rawValue: 1 << 7)
        static let discount = WordClasses(rawValue: 1 << 8)
        static let tax = WordClasses(rawValue: 1 << 9)
        static let fee = WordClasses(rawValue: 1 << 10)
    }

    /// Every word of the lists, with the lists it is in.
    static let wordClasses: [String: WordClasses] = {
        var classes: [String: WordClasses] = [:]
        let lists: [(Set<String>, WordClasses)] = [
            (ignored, .ignored), (thresholdWords, .threshold), (refundWords, .refund), (totalWords, .total),
            (subtotalWords, .subtotal), (subtotalQualifiers, .subtotalQualifier), (goodsWords, .goods),
            (shippingWords, .shipping), (discountWords, .discount), (taxWords, .tax), (feeWords, .fee),
        ]
        for (words, list) in lists {
            for word in words { classes[word, default: []].insert(list) }
        }
        return classes
    }()

    /// The words after a count opening a label (`2x`, `2 x`, `x2`), `nil` when none opens it.
    static func afterCount(_ words: [String]) -> [String]? {
        guard let first = words.first else { return nil }
        let digits = first.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, first.dropFirst(digits.count) == "x" { return Array(words.dropFirst()) }
        if first.hasPrefix("x"), (2...4).contains(first.count), first.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) { return Array(words.dropFirst()) }
        if digits.count == first.count, digits.count <= 3, words.count > 2, words[1] == "x" { return Array(words.dropFirst(2)) }
        return nil
    }

    /// Whether a folded label introduces the price of the single item a mail is about
    /// (`Prix de l'article`, `Item price`, `Remboursement de l'article`).
    static func isItemPrice(folded: String) -> Bool {
        let words = Words(withoutParentheses(folded))
        return words.containsPhrase(itemPricePhrases)
    }

    /// Words of a money-free value meaning zero (`Gratuit`, `Free`, `kostenlos`).
    static let freeWords: Set<String> = [
        "gratuit", "gratuite", "gratuits", "offert", "offerte", "offerts", "free", "kostenlos", "kostenfrei", "gratis",
        "gratuito", "gratuita", "inclus", "included", "inklusive", "incluido", "incluso", "darmowa", "darmowy", "0",
    ]

    static let thresholdWords: Set<String> = [
        "offert", "offerte", "offerts", "offertes", "gratuit", "gratuite", "gratuits", "gratuites", "free", "kostenlos",
        "kostenfrei", "gratis", "darmowa", "darmowy",
    ]

    static func withoutParentheses(_ text: String) -> String {
        // Most labels hold no bracket: nothing to remove (a bracket character is its byte).
        let brackets = text.utf8.contains { $0 == 0x28 || $0 == 0x29 || $0 == 0x5B || $0 == 0x5D }
        if !brackets { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    // Balances, instalments and the like: amounts that are not the order's.
    static let ignored: Set<String> = [
        "reste", "restant", "remaining", "balance", "solde", "saldo", "echeance", "mensualite", "instalment",
        "installment", "acompte", "deposit", "cagnotte", "points", "credit", "guthaben", "plafond", "limit",
        "capital", "economise", "saved", "savings", "gespart", "ahorras", "risparmi",
    ]
    static let ignoredPhrases: [[String]] = [
        ["prochain", "paiement"], ["next", "payment"], ["1re"], ["first", "payment"],
        // A rate's condition (`Double Room - Non-refundable € 178`), no refund.
        ["non", "refundable"], ["nonrefundable"], ["non", "remboursable"], ["nicht", "erstattbar"], ["no", "reembolsable"],
        ["non", "rimborsabile"], ["niet", "restitueerbaar"],
    ]

    static let refundWords: Set<String> = [
        "rembourse", "remboursee", "rembourses", "remboursement", "refund", "refunded", "refunds", "erstattung",
        "ruckerstattung", "erstattet", "gutschrift", "reembolso", "reembolsado", "rimborso", "rimborsato",
        "terugbetaling", "terugbetaald", "zwrot", "zwrotu", "zwrocono",
        // The seller's verb (`Nous vous remboursons 139,00 €`, `We are refunding £20.00`).
        "remboursons", "rembourserons", "refunding", "erstatten", "reembolsamos", "reembolsaremos", "rimborsiamo",
        "rimborseremo", "terugbetalen", "zwracamy", "zwrocimy",
    ]
    static let refundPrefixes: [String] = ["erstattungs", "ruckerstattungs", "refund", "gutschrift"]

    static let totalWords: Set<String> = [
        "total", "totaal", "totale", "totaal", "totalt", "gesamt", "summe", "suma", "summa", "razem", "importe", "importo",
        "betrag", "montant", "regle", "paye", "payes", "payee", "paid", "due", "charged", "debite", "preleve",
        "bezahlt", "pagado", "pagato", "betaald", "zaplacono",
        // Polish `Łącznie`, `Ogółem` (altogether).
        "lacznie", "ogolem",
    ]
    static let totalPrefixes: [String] = ["gesamt", "rechnungsbetrag", "endbetrag", "totaal", "zahlbetrag", "total"]
    static let totalPhrases: [[String]] = [
        ["a", "payer"], ["a", "regler"], ["to", "pay"], ["zu", "zahlen"], ["a", "pagar"], ["da", "pagare"], ["te", "betalen"], ["do", "zaplaty"],
        ["amount", "due"], ["grand", "total"], ["gran", "total"], ["gran", "totale"], ["you", "paid"], ["vous", "avez", "paye"],
        // Danish, Norwegian, Swedish (`I alt`, `At betale`, `Å betale`, `Att betala`).
        ["i", "alt"], ["at", "betale"], ["a", "betale"], ["att", "betala"],
    ]

    static let subtotalWords: Set<String> = [
        "subtotal", "subtotale", "subtotaal", "zwischensumme", "soustotal", "netto", "nettobetrag",
        "warenwert", "warenwert", "imponible", "imponibile", "subtotaal", "podsuma", "zwischentotal", "zwischentotale",
        "delsumma", "delsum", "mellemsum", "mellomsum",
    ]
    /// Plural words for the goods bought, which alone label their sum.
    static let goodsWords: Set<String> = [
        "merchandise", "goods", "articles", "items", "products", "produits", "waren", "artikel", "productos", "articulos",
        "prodotti", "articoli", "artikelen", "producten", "produkty", "towary", "varer", "varor",
    ]
    static let subtotalPhrases: [[String]] = [["sous", "total"], ["sous", "totaux"], ["sub", "total"], ["base", "imponible"], ["wartosc", "produktow"], ["wartosc", "towarow"], ["wartosc", "zamowienia"]]
    static let subtotalQualifiers: Set<String> = [
        "ht", "hors", "excl", "excluding", "before", "sans", "netto", "net", "articles", "article", "items", "item",
        "billets", "produits", "products", "product", "waren", "artikel", "productos", "prodotti", "artikelen",
        "produkte", "merchandise", "sin", "senza", "exkl", "zonder", "bez",
        // A part of the sum (`Suma częściowa`, `Total parcial`, `Totale parziale`, `Total partiel`).
        "czesciowa", "parcial", "parziale", "partiel",
        // The goods' own word (`Totale merce`, `Total marchandises`, `Totaal goederen`).
        "merce", "merci", "marchandise", "marchandises", "goods", "mercancia", "mercancias", "goederen", "towary", "towarow",
        "varer", "varor",
    ]

    static let shippingWords: Set<String> = [
        "livraison", "shipping", "delivery", "postage", "expedition", "envoi", "versand", "lieferung",
        "versandkosten", "lieferkosten", "envio", "entrega", "reparto", "spedizione", "consegna", "verzending", "verzendkosten", "bezorging",
        "bezorgkosten", "dostawa", "dostawy", "wysylka", "wysylki", "przesylka", "przesylki", "handling", "porto", "retrait", "collect", "p&p", "transport",
        // Collection in store, as the way the goods come (`Odbiór w drogerii: 0,00 zł`, `Abholung im Markt`).
        "odbior", "abholung", "recogida", "ritiro", "afhalen", "pickup",
        // Swedish, Danish, Norwegian, Finnish (`Frakt 49,00 kr`, `Levering`, `Forsendelse`, `Toimitus`).
        "frakt", "fragt", "leverans", "levering", "leveranse", "forsendelse", "toimitus", "postitus",
        // Delivered to the door (`Hemleverans`, `Hjemlevering`, `Hemkörning`, `Udbringning`).
        "hemleverans", "hjemlevering", "hemkorning", "udbringning", "utkjoring",
    ]
    static let shippingPrefixes: [String] = [
        "versand", "liefer", "speditions", "verzend", "bezorg", "frakt", "fragt", "forsendelse", "toimitus", "leverans", "leverings",
    ]
    /// German compounds ending with a shipping word (`Kühlversand`, `Expressversand`, `Paketlieferung`).
    static let shippingSuffixes: [String] = ["versand", "versandkosten", "lieferung", "zustellung"]

    /// Whether a label opens with a carrier's name (`Parcelforce Euro Priority`, `Royal Mail Tracked 48`, `Colissimo
    /// domicile`): the service the parcel goes by, charged as shipping. Hermes is left out (a maker's name too).
    static func opensWithCarrier(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        let two = words.count >= 2 ? first + " " + words[1] : first
        return carrierNames.contains(first) || carrierNames.contains(two)
    }

    static let carrierNames = Set(Carriers.names.map(\.folded).filter { $0 != "hermes" })

    static let shippingPhrases: [[String]] = [["click", "collect"], ["frais", "de", "port"], ["frais", "d", "envoi"], ["flat", "rate"]]

    static let discountWords: Set<String> = [
        "remise", "reduction", "discount", "discounts", "rabatt", "descuento", "sconto", "korting", "coupon",
        "promo", "promotion", "voucher", "gutschein", "avantage", "nachlass", "ermassigung", "rebaja",
        "rabat", "znizka", "reward", "rewards", "promocion", "promozione", "promocja", "offer",
    ]
    static let discountPrefixes: [String] = ["rabatt", "gutschein"]

    static let taxWords: Set<String> = [
        "tva", "vat", "tax", "taxes", "mwst", "ust", "iva", "btw", "moms", "gst", "hst", "pst", "qst", "impuesto",
        "impuestos", "imposta", "imposte", "taxe", "umsatzsteuer", "vat:", "podatek", "duty", "duties",
    ]
    static let taxPrefixes: [String] = ["mwst", "mehrwertsteuer", "umsatzsteuer"]

    /// "Protection écran verre trempé", "Screen protection film", "Protection solaire SPF 50": goods
    /// that protect (a screen, the skin), unlike a purchase's or a parcel's protection charged as a fee.
    static func protectsGoods(_ words: Words) -> Bool {
        words.items.contains("protection") && words.containsAny(protectedGoodsWords)
    }

    static let protectedGoodsWords: Set<String> = ["ecran", "screen", "solaire", "sun", "uv"]

    static let feeWords: Set<String> = Set<String>([
        "frais", "fee", "fees", "service", "pourboire", "tip", "trinkgeld", "propina", "mancia", "fooi", "napiwek",
        // What a refund keeps back (`Trattenuta: 11,98 €`, `Einbehalt`).
        "trattenuta", "trattenute", "einbehalt",
        "gebuhr", "gebuhren", "protection", "commission", "cargo", "cargos", "supplement", "surcharge", "costs",
        "kosten", "spese", "servicegebuhr", "bearbeitungsgebuhr", "assurance", "insurance", "emballage", "packaging",
        "cotisation", "contribution", "ecoparticipation", "eco", "commissione", "commissioni", "oplata", "oplaty",
        "geschenkverpackung", "giftwrap", "cadeauverpakking", "inpakservice",
        // Packaging charged with the goods (`Imballo protettivo`, `Verpackung`, `Embalaje`, `Verpakking`, `Opakowanie`).
        "imballo", "imballaggio", "verpackung", "verpackungskosten", "embalaje", "verpakking", "verpakkingskosten", "opakowanie",
    ]).union(depositWords).union(personalisationWords)

    /// Engraving or personalisation charged apart from the goods (`Personalizzazione incisione: 35,00 €`); not
    /// `gravure`, `incisione`, which also name prints and recordings sold as goods. Counted as an
    /// order's line (`Anzahl 1  Gravur Wunschname  CHF 12.00`) it is a paid add-on, an item.
    static let personalisationWords: Set<String> = [
        "engraving", "personalisation", "personalization", "personnalisation", "personalisierung", "personalizacion",
        "personalizzazione", "personalisatie", "personalizacja", "gravur", "grabado", "graveren", "gravering", "grawerowanie",
    ]

    /// Deposits on bottles and crates (`Pfand`, `Statiegeld`, `Consigne`): charges of the bill
    /// that are in its total but name no goods.
    static let depositWords: Set<String> = [
        "pfand", "mehrwegpfand", "einwegpfand", "leergut", "statiegeld", "consigne", "consignes", "kaucja", "cauzione",
        "deposito", "vuoto", "vuoti",
    ]

    /// Whether a folded name is a deposit on returnable containers, however long (`Consigne bouteilles
    /// bière (6 x 0,20 €)`, `Flaschenpfand 8 x 0,25 €`, `Statiegeld kratten`, `Kaucja za butelki`,
    /// `Depósito envases`, `Vuoto a rendere`, `Bottle deposit`): a charge, never goods. The English
    /// word also names a prepayment (`Deposit paid`), so it counts only beside a container's word.
    static func isDeposit(folded: String) -> Bool {
        let words = Words(withoutParentheses(folded), maximumCount: 9)
        guard let first = words.items.first else { return false }
        if depositWords.contains(first) || first.hasSuffix("pfand") || first.hasSuffix("statiegeld") { return true }
        let opening = words.items.prefix(3)
        guard opening.contains("deposit") || opening.contains("deposits") else { return false }
        return words.items.contains(where: containerWords.contains)
    }

    /// Returnable containers a deposit is charged on (English labels name them beside `deposit`).
    static let containerWords: Set<String> = [
        "bottle", "bottles", "can", "cans", "crate", "crates", "container", "containers", "jar", "jars", "keg", "kegs",
        "glass", "cup", "cups",
    ]
    static let feePhrases: [[String]] = [
        // Charges on goods sent from abroad (`Import charges`, `Import fees`).
        ["import", "charges"], ["import", "fees"],
        ["tarifa", "de", "servicio"], ["tarifa", "de", "gestion"], ["coste", "de", "servicio"], ["gastos", "de", "gestion"],
        ["costo", "del", "servizio"], ["costi", "di", "servizio"], ["costo", "di", "servizio"], ["diritti", "di", "servizio"],
        ["costo", "di", "gestione"], ["spese", "di", "gestione"],
        // Gift wrapping, a service charged with the goods.
        ["gift", "wrap"], ["gift", "wrapping"], ["papel", "de", "regalo"], ["envoltorio", "de", "regalo"], ["envoltorio", "regalo"],
        ["confezione", "regalo"], ["pacchetto", "regalo"], ["opakowanie", "na", "prezent"], ["opakowanie", "prezentowe"],
    ]
    static let feePrefixes: [String] = ["gebuhr", "service"]

    static let itemPricePhrases: [[String]] = [
        ["prix", "de", "l", "article"], ["prix", "article"], ["item", "price"], ["price", "of", "the", "item"],
        ["remboursement", "de", "l", "article"], ["artikelpreis"], ["precio", "del", "articulo"],
        ["prezzo", "dell", "articolo"], ["prix", "de", "vente"], ["price", "paid"], ["prix", "paye"], ["bezahlter", "preis"],
        ["precio", "pagado"], ["prezzo", "pagato"], ["betaalde", "prijs"], ["zaplacona", "cena"],
    ]
}

/// The words of a folded label, for whole-word and phrase tests.
struct Words {
    let items: [String]

    init(_ folded: String) { self.init(folded, maximumCount: Int.max) }

    /// The first `maximumCount` words only (a caller that looks at the first words, or only
    /// needs to know there are more than a few, stops reading there).
    init(_ folded: String, maximumCount: Int) {
        var items: [String] = []
        // Words are runs of word bytes, cut out of the UTF-8 at once.
        let cut = folded.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var start = -1
            for index in 0..<bytes.count {
                let byte = bytes[index]
                if Words.isWordByte(byte) || byte == UInt8(ascii: "&") {
                    if start < 0 { start = index }
                } else if start >= 0 {
                    items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = -1
                    if items.count >= maximumCount { return true }
                }
            }
            if start >= 0 { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return true
        }
        if cut == nil {
            var current: [UInt8] = []
            for byte in folded.utf8 {
                if Words.isWordByte(byte) || byte == UInt8(ascii: "&") {
                    current.append(byte)
                } else if !current.isEmpty {
                    items.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    if items.count >= maximumCount { break }
                }
            }
            if !current.isEmpty, items.count < maximumCount { items.append(String(decoding: current, as: UTF8.self)) }
        }
        self.items = items
    }

    /// ASCII letters and digits, and every byte of a non-ASCII character (folded text keeps
    /// letters of other scripts; typographic signs are rare in labels and count as letters).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    init(items: [String]) { self.items = items }

    /// The first and the last word of `folded`, and whether they are two words (`Words(folded)`'s
    /// first and last items, and `count >= 2`), without cutting the words between them; `nil`
    /// when it has no word.
    static func edges(_ folded: String) -> (first: String, last: String, several: Bool)? {
        var folded = folded
        return folded.withUTF8 { bytes -> (first: String, last: String, several: Bool)? in
            func isWord(_ byte: UInt8) -> Bool { isWordByte(byte) || byte == UInt8(ascii: "&") }
            guard let firstStart = bytes.firstIndex(where: isWord) else { return nil }
            var firstEnd = firstStart
            while firstEnd < bytes.count, isWord(bytes[firstEnd]) { firstEnd += 1 }
            var lastEnd = bytes.count
            while !isWord(bytes[lastEnd - 1]) { lastEnd -= 1 }
            var lastStart = lastEnd - 1
            while lastStart > 0, isWord(bytes[lastStart - 1]) { lastStart -= 1 }
            func word(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            return (word(firstStart..<firstEnd), word(lastStart..<lastEnd), lastStart != firstStart)
        }
    }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }

    func containsAny(_ set: Set<String>) -> Bool { items.contains(where: set.contains) }

    /// Whether a word starts with one of `prefixes` (ASCII, not empty): the first bytes are
    /// compared before the words.
    func hasPrefixAny(_ prefixes: [String]) -> Bool {
        items.contains { word in
            guard let first = word.utf8.first else { return false }
            return prefixes.contains { $0.utf8.first == first && word.hasPrefix($0) }
        }
    }

    func containsPhrase(_ phrases: [[String]]) -> Bool {
        phrases.contains { phrase in
            guard phrase.count <= items.count else { return false }
            guard let first = phrase.first else { return true }
            // Compared in place, from the first word: a copy of each window into an array was an
            // allocation per word.
            for start in 0...(items.count - phrase.count) where items[start] == first {
                if (1..<phrase.count).allSatisfy({ items[start + $0] == phrase[$0] }) { return true }
            }
            return false
        }
    }
}
