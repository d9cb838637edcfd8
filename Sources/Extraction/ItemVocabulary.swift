import Intl

/// The words of item tables and item lines in English, French, German, Spanish, Italian,
/// Dutch and Polish, folded (lowercase, no accents).
enum ItemVocabulary {
    /// What a column of an item table holds, from its header.
    enum Column: Sendable, Hashable {
        case name
        case quantity
        /// The price of one unit.
        case unitPrice
        /// The price of the line (quantity × unit price).
        case lineTotal
        /// A price that may be either: decided by what the amounts add up to.
        case price
        case sku
        /// What a refund gives back for the line.
        case refund

        /// The column's bit in ``headerWordColumns``.
        var bit: UInt8 {
            switch self {
            case .name: 1 << 0
            case .quantity: 1 << 1
            case .unitPrice: 1 << 2
            case .lineTotal: 1 << 3
            case .price: 1 << 4
            case .sku: 1 << 5
            case .refund: 1 << 6
            }
        }
    }

    /// The column a header cell names, if any.
    static func column(ofHeader text: String) -> Column? {
        let folded = TextFolding.fold(text)
        // Five words are enough to know the header is too long.
        let words = Words(folded, maximumCount: 5)
        guard !words.isEmpty, words.count <= 4 else { return nil }
        // Each word looked up once in the lists below (a set lookup hashes the word again).
        let columns = words.items.map { headerWordColumns[$0] ?? 0 }
        func named(_ column: Column) -> Bool { columns.contains { $0 & column.bit != 0 } }
        if words.containsPhrase(unitPhrases) || named(.unitPrice) { return .unitPrice }
        if named(.quantity) || words.containsPhrase(quantityPhrases) { return .quantity }
        if named(.sku) || words.containsPhrase([["art", "nr"]]) { return .sku }
        if named(.refund) { return .refund }
        if named(.lineTotal) { return .lineTotal }
        if named(.price) { return .price }
        if columns[0] & Column.name.bit != 0 { return .name }
        return nil
    }

    /// Every word of the header lists, with the columns it names (their `bit`s).
    static let headerWordColumns: [String: UInt8] = {
        var columns: [String: UInt8] = [:]
        let lists: [(Set<String>, Column)] = [
            (unitWords, .unitPrice), (quantityWords, .quantity), (skuWords, .sku), (refundWords, .refund),
            (lineTotalWords, .lineTotal), (priceWords, .price), (nameWords, .name),
        ]
        for (words, column) in lists {
            for word in words { columns[word, default: 0] |= column.bit }
        }
        return columns
    }()

    /// Whether a price column's header says its prices are before tax (`PU HT`, `Prix HT`,
    /// `Netto`, `Price excl. VAT`, `Precio sin IVA`, `Prezzo netto`, `Prijs excl. btw`, `Cena netto`).
    static func isBeforeTax(header text: String) -> Bool {
        let words = Words(TextFolding.fold(text))
        return words.containsAny(beforeTaxWords) || words.containsPhrase([["sin", "iva"], ["senza", "iva"], ["hors", "taxe"], ["hors", "taxes"]])
    }

    static let beforeTaxWords: Set<String> = [
        "ht", "htva", "net", "netto", "excl", "exkl", "excluding", "exclusief", "zzgl", "neto", "nett", "imponibile",
    ]

    static let nameWords: Set<String> = [
        "article", "articles", "produit", "produits", "product", "products", "item", "items", "description",
        "designation", "libelle", "artikel", "artikelbezeichnung", "bezeichnung", "leistung", "leistungen", "concepto",
        "articulo", "articulos", "producto", "productos", "descripcion", "prestation", "prestations", "billet", "billets",
        "formule", "offre", "plan", "contrat", "contrats", "garantie", "garanties", "detail", "details", "charge",
        "charges", "service", "services", "articolo", "articoli", "prodotto", "prodotti", "descrizione", "omschrijving",
        "produkt", "produkty", "nazwa", "towar", "ticket", "tickets", "abonnement", "subscription", "option", "options",
        "position", "posten", "artikelnummer", "book", "livre", "titre", "title", "menu", "plat", "dish", "voyage",
        "trajet", "journey", "fare", "tarif", "chambre", "room", "cours", "course", "objet", "commande", "order",
        // A part's name (`Pièce | Marque | Qté`); the plural counts (`Pièces`, a quantity column).
        "piece", "pieza", "pezzo", "onderdeel", "czesc", "ersatzteil",
    ]
    static let quantityWords: Set<String> = [
        "qte", "qt", "quantite", "qty", "quantity", "quantities", "menge", "anzahl", "stuck", "stk", "cantidad", "cant",
        "unidades", "uds", "quantita", "qta", "aantal", "ilosc", "szt", "nb", "nombre", "pcs", "pieces", "units",
        "anz", "antal", "antall", "pz", "pezzi", "qtd", "qtde", "quantidade", "cantitate", "adet", "aant",
    ]
    /// Abbreviations cut in two by their dot (`Q.té`, `Q.tà`, `Q.ty`).
    static let quantityPhrases: [[String]] = [["q", "te"], ["q", "ta"], ["q", "ty"]]
    static let unitWords: Set<String> = [
        "einzelpreis", "stuckpreis", "stukprijs", "unitaire", "unit", "unitario", "unitaria", "each", "pu", "jednostkowa",
    ]
    static let unitPhrases: [[String]] = [["prix", "u"], ["p", "u"], ["per", "unit"], ["par", "unite"], ["price", "each"]]
    static let lineTotalWords: Set<String> = [
        "total", "totaal", "totale", "montant", "amount", "betrag", "gesamt", "gesamtpreis", "importe", "importo",
        "bedrag", "wartosc", "summe", "subtotal", "sous", "line", "kwota",
    ]
    static let priceWords: Set<String> = [
        "prix", "price", "preis", "precio", "prezzo", "prijs", "cena", "tarif", "cotisation", "cost", "cout", "costo",
        "kosten", "paye", "paid", "bezahlt",
    ]
    static let skuWords: Set<String> = ["sku", "ref", "reference", "referenz", "artnr", "ean", "isbn", "code"]
    static let refundWords: Set<String> = ["rembourse", "refund", "refunded", "erstattet", "reembolsado", "rimborsato"]

    /// Words saying a price is for one unit (`11,99 € l'unité`, `€ 12,50 per stuk`, `$4 each`).
    static let perUnitWords: Set<String> = [
        "unite", "unit", "each", "chacun", "chacune", "piece", "pieces", "stuk", "stuck", "stk", "pc", "pcs", "ud", "unidad",
        "pezzo", "cadauno", "szt", "sztuka",
    ]

    /// Unit words written after a count only (`1 pce`, `2 St.`, `3 ks`), besides `perUnitWords`.
    /// A bookshop's copies too (`1 ex.`, `2 exemplaires`, `1 Exemplar`, `2 ejemplares`, `1 esemplare`).
    static let countUnitWords: Set<String> = [
        "pce", "pces", "pz", "pzs", "st", "stuks", "ks", "db", "uds", "u", "copia", "copie", "copies", "ex", "expl", "exemplaire",
        "exemplaires", "exemplar", "exemplare", "ejemplar", "ejemplares", "esemplare", "esemplari", "egz", "exemplaren",
        // Sleeves of capsules or tea (`5 étuis`, `3 sleeves`, `2 Packungen`, `4 estuches`, `2 astucci`); not `pack`,
        // which names goods sold together (`2 PACK CREW - T-Shirt`).
        "etui", "etuis", "sleeve", "sleeves", "packung", "packungen", "estuche", "estuches", "astuccio", "astucci",
    ]

    /// What a count of goods counts before what they hold (`3 botellas de`, `2 bottles of`, `6 bouteilles
    /// de`, `2 cajas de`) in the 7 languages: bottles, cases, boxes, cans, jars, bags.
    static let containerWords: Set<String> = [
        "bottle", "bottles", "botella", "botellas", "bouteille", "bouteilles", "flasche", "flaschen", "bottiglia", "bottiglie",
        "fles", "flessen", "butelka", "butelki", "butelek", "case", "cases", "caja", "cajas", "caisse", "caisses", "kiste", "kisten",
        "cassa", "casse", "krat", "kratten", "skrzynka", "skrzynki", "box", "boxes", "boite", "boites", "doos", "dozen", "scatola",
        "scatole", "pudelko", "pudelka", "can", "cans", "lata", "latas", "canette", "canettes", "dose", "dosen", "lattina",
        "lattine", "blik", "blikken", "puszka", "puszki", "jar", "jars", "tarro", "tarros", "bocal", "bocaux", "glas", "glaser",
        "vasetto", "vasetti", "pot", "pots", "sloik", "sloiki", "bag", "bags", "bolsa", "bolsas", "sachet", "sachets", "beutel",
        "sacchetto", "sacchetti", "zak", "zakken", "torebka", "torebki",
    ]

    /// The word linking a container to what it holds (`of`, `de`, `di`, `van`, `du`, `des`).
    static let containerLinks: Set<String> = ["of", "de", "di", "van", "du", "des", "del", "della", "d"]

    /// Labels of a quantity written on an item line (`Qty: 2`, `Quantité : 1`, `Menge: 1`), and
    /// of the travellers a ticket is for (`Viajeros: 2`, `Passengers: 3`).
    static let quantityLabels: Set<String> = quantityWords.union(travellerWords)

    /// Whether an item is in stock, after its price (`en stock`, `à commander`, `auf Lager`), in the 7 languages.
    static let availabilityPhrases: Set<[String]> = [
        ["en", "stock"], ["a", "commander"], ["sur", "commande"], ["in", "stock"], ["backorder"], ["back", "order"], ["auf", "lager"],
        ["lieferbar"], ["vorbestellt"], ["disponible"], ["agotado"], ["disponibile"], ["op", "voorraad"], ["dostepny"], ["niedostepny"],
    ]

    /// Words saying each right before a unit price (`je 9,90 EUR`, `each $4.00`, `chacun 3,00 €`).
    static let eachWords: Set<String> = ["je", "each", "ea", "chacun", "chacune", "cadauno", "cadauna", "cad", "elk", "kazdy"]

    /// The word saying ordered after a count's label (`Quantité commandée`, `Menge bestellt`) in the 7 languages.
    static let orderedWords: Set<String> = [
        "commandee", "commandees", "commande", "ordered", "bestellt", "pedida", "pedidas", "pedido", "ordinata", "ordinate",
        "ordinato", "besteld", "zamowiona", "zamowione", "zamowiono",
    ]

    /// What a count of tickets counts (`2 billet(s)`, `3 tickets`, `2 entradas`) in the 7 languages.
    static let ticketWords: Set<String> = [
        "billet", "billets", "ticket", "tickets", "entrada", "entradas", "biglietto", "biglietti", "kaartje", "kaartjes",
        "bilet", "bilety", "biletow", "fahrkarte", "fahrkarten", "eintrittskarte", "eintrittskarten",
    ]

    /// Who a ticket counts: its quantity (`Reisende: 2`, `Voyageurs : 3`).
    static let travellerWords: Set<String> = [
        "passengers", "passenger", "travellers", "travelers", "voyageurs", "passagers", "reisende", "fahrgaste",
        "viajeros", "pasajeros", "passeggeri", "viaggiatori", "reizigers", "passagiers", "pasazerowie", "podroznych",
    ]

    /// A line of a plan's bill for what was used beyond the plan (`Hors forfait`, `Out of bundle`,
    /// `Außerhalb des Tarifs`, `Fuera de tarifa`, `Fuori soglia`, `Buiten de bundel`, `Poza abonamentem`)
    /// priced zero: nothing was bought, no item.
    static func isUnusedExtra(_ item: ItemCandidate) -> Bool {
        guard let price = item.unitPrice ?? item.price ?? item.lineTotal, price.number.minorUnits(digits: 2) == 0 else { return false }
        let words = Words(TextFolding.fold(item.name))
        return words.count <= 5 && words.containsPhrase(beyondPlanPhrases)
    }

    /// A line priced zero whose name says it is a free sample or a gift (`Échantillon … (offert)`,
    /// `2 échantillons offerts`, `Free sample`, `Gratis-Probe`, `Muestra gratuita`, `Campione
    /// omaggio`, `Próbka gratis`), or a plan's unused extra (`isUnusedExtra`): given with the order,
    /// not bought. A service priced zero (`Mise en service atelier`) names no such word: it is left
    /// out only beside priced items (`withoutFreeExtras`).
    static func isFreeExtra(_ item: ItemCandidate) -> Bool {
        guard let price = item.unitPrice ?? item.price ?? item.lineTotal, price.number.minorUnits(digits: 2) == 0 else { return false }
        if isUnusedExtra(item) { return true }
        let words = Words(TextFolding.fold(item.name))
        return words.count <= 12 && (words.containsAny(giveawayWords) || words.containsPhrase(giveawayPhrases))
    }

    /// The items without the free extras (`isFreeExtra`) among bought ones: unchanged when every
    /// item is one (a sample box sent alone is what the mail is about). When the other items are
    /// priced, any line priced zero is left out too, whatever it names (`Réglage & première
    /// révision … offert`, `Carte de vœux manuscrite 0,00 €`, `Free returns label 0.00`): a free
    /// service, card or extra goes with the order but is not bought.
    static func withoutFreeExtras(_ items: [ItemCandidate]) -> [ItemCandidate] {
        guard items.count >= 2 else { return items }
        let othersPriced = items.contains { item in
            guard let price = statedPrice(item) else { return false }
            return (price.number.minorUnits(digits: 2) ?? 0) > 0
        }
        let kept = items.filter { item in
            if isFreeExtra(item) { return false }
            guard othersPriced, let price = statedPrice(item) else { return true }
            return price.number.minorUnits(digits: 2) != 0
        }
        return kept.isEmpty || kept.count == items.count ? items : kept
    }

    private static func statedPrice(_ item: ItemCandidate) -> Amount? {
        item.unitPrice ?? item.price ?? item.lineTotal
    }

    /// Words naming a sample or a gift, or saying it was given (folded), in the 7 languages.
    static let giveawayWords: Set<String> = [
        // English
        "sample", "samples", "gift", "gifts", "complimentary", "freebie", "freebies",
        // French
        "echantillon", "echantillons", "offert", "offerte", "offerts", "offertes", "gratuit", "gratuite", "gratuits", "gratuites",
        "cadeau", "cadeaux",
        // German
        "probe", "proben", "probchen", "warenprobe", "warenproben", "gratisprobe", "gratisproben", "geschenk", "geschenke",
        "kostenlos", "kostenlose", "kostenloser", "kostenloses", "gratis", "zugabe",
        // Spanish
        "muestra", "muestras", "regalo", "regalos", "obsequio", "obsequios", "gratuito", "gratuita", "gratuitos", "gratuitas",
        // Italian
        "campione", "campioni", "campioncino", "campioncini", "omaggio", "omaggi", "gratuiti",
        // Dutch
        "proefje", "proefjes", "proefmonster", "proefmonsters", "geschenkje", "kado", "cadeautje",
        // Polish
        "probka", "probki", "probek", "prezent", "gratisy", "darmowy", "darmowa", "darmowe", "bezplatny", "bezplatna", "bezplatne",
    ]

    /// Phrases saying an item is given (`free sample`, `for free`, `free gift`) where `free` alone
    /// could be part of a name.
    static let giveawayPhrases: [[String]] = [["free", "sample"], ["free", "gift"], ["for", "free"], ["free", "of", "charge"], ["free", "trial", "size"]]

    static let beyondPlanPhrases: [[String]] = [
        ["hors", "forfait"], ["hors", "abonnement"], ["out", "of", "bundle"], ["out", "of", "plan"], ["outside", "your", "plan"],
        ["outside", "plan"], ["outside", "allowance"], ["ausserhalb", "des", "tarifs"], ["ausserhalb", "tarif"], ["fuera", "de", "tarifa"],
        ["fuera", "del", "plan"], ["fuori", "soglia"], ["extra", "soglia"], ["fuori", "piano"], ["buiten", "de", "bundel"],
        ["buiten", "bundel"], ["poza", "abonamentem"], ["poza", "pakietem"],
    ]

    /// Labels of a line that names the one item a mail is about (`Article : …`, `Room: …`).
    static let itemNameLabels: Set<String> = [
        "article", "item", "produit", "product", "artikel", "articulo", "producto", "articolo", "prodotto", "room",
        "chambre", "hebergement", "accommodation", "zimmer", "habitacion", "camera", "billet", "ticket", "objet",
        "annonce", "offre", "formule", "plan", "abonnement", "subscription",
        // A subscription's plan (`Forfait : Standard`, `Abo: Premium`, `Piano: Base`, `Pakiet: Standard`).
        "forfait", "abo", "abonament", "abbonamento", "suscripcion", "pakket", "pakiet", "paket", "membership", "tarif",
        // A book's title (`Titre : Veiller sur elle`, `Titel: Kairos`, `Título: …`).
        "titre", "title", "titel", "titulo", "titolo", "tytul",
    ]

    /// Attribute labels of an item's detail line (`Taille : 38`, `Größe: M`, `Personalization: E.C.`).
    static let attributeLabels: Set<String> = [
        "taille", "size", "grosse", "groesse", "talla", "taglia", "maat", "rozmiar", "couleur", "color", "colour", "farbe",
        "coloris", "variante", "variant", "personalization", "personalisation", "personnalisation", "ref", "sku",
        "reference", "art", "artnr", "ean", "isbn", "vendu", "sold", "verkauft", "vendido", "venduto", "seller",
        "vendeur", "modele", "model", "format", "edition", "pointure", "option", "teinte", "shade", "farbton", "tono", "tonalita",
        "kleur", "kolor", "coloris",
    ]

    /// Colour words (folded), in the 7 languages: the attributes of a product's description line.
    static let colourWords: Set<String> = [
        "blanc", "blanche", "noir", "noire", "gris", "grise", "bleu", "bleue", "rouge", "vert", "verte", "jaune", "rose",
        "beige", "marron", "brun", "ecru", "anthracite", "dore", "argent", "argente", "naturel", "white", "black", "grey",
        "gray", "blue", "red", "green", "yellow", "pink", "brown", "navy", "silver", "gold", "natural", "weiss", "schwarz",
        "grau", "blau", "rot", "gruen", "grun", "gelb", "braun", "natur", "blanco", "blanca", "negro", "negra", "azul",
        "rojo", "roja", "verde", "amarillo", "rosa", "bianco", "bianca", "nero", "nera", "grigio", "grigia", "blu", "rosso",
        "rossa", "giallo", "marrone", "wit", "zwart", "grijs", "blauw", "rood", "groen", "geel", "bruin", "bialy", "biala",
        "czarny", "czarna", "szary", "szara", "niebieski", "czerwony", "zielony", "zolty", "brazowy",
    ]

    /// Words that, first in a line, say it is no item (`Paiement : Visa … 40,69 €`).
    static let nonItemFirstWords: Set<String> = [
        "paiement", "payment", "paid", "paye", "payee", "zahlung", "zahlungsart", "zahlungsmethode", "zahlungsweise", "pago",
        "pagamento", "betaling", "betaalmethode", "betaalwijze", "platnosc", "platnosci",
        "carte", "card", "visa", "mastercard", "paypal", "prelevement", "prelevee", "preleve", "debit", "debite",
        "date", "datum", "fecha", "commande", "order", "bestellung", "facture", "invoice", "rechnung", "prix",
        "price", "preis", "precio", "prezzo", "prijs", "montant", "amount", "betrag", "importe", "votre", "your",
        "ihre", "ihr", "nous", "we", "vous", "you", "wir", "sie", "si", "if", "dont", "incl", "inkl", "soit",
        "subtotal", "original", "solde", "reste",
        "contribution", "capital", "rcs", "siret", "siren", "tva", "vat", "iban", "bic", "tel", "phone", "telephone",
        "fax", "www", "http", "https",
        // A delivery estimate heading a parcel's block ("Arriving Friday", "Voraussichtliche Lieferung").
        "arriving", "arrives", "arrive", "arrival", "estimated", "expected", "voraussichtlich", "voraussichtliche",
        // A greeting ("Hi Sam,", "Bonjour Léa,").
        "hi", "hello", "hey", "dear", "bonjour", "bonsoir", "salut", "hallo", "liebe", "lieber", "gruezi", "moin", "servus",
        "hola", "estimado", "estimada", "ciao", "gentile", "buongiorno", "salve", "hoi", "beste", "dzien", "witaj", "czesc",
        "szanowny", "szanowna",
    ]

    /// First words of a parcel's arrival heading (`Arriving Friday`, `Arrives by 12 Nov`) that also
    /// open product names (`Arrival 5" Shorts`): see `isDeliveryEstimate`.
    static let arrivalWords: Set<String> = ["arriving", "arrives", "arrive", "arrival"]

    /// Whether words opened by an arrival word are a delivery estimate: the word alone, or with a
    /// day, a date or a word of time (`Arriving later`, `Arrival: 12/11`, `Arrives tomorrow`).
    static func isDeliveryEstimate(_ words: Words, text: String) -> Bool {
        let rest = words.items.dropFirst()
        if rest.isEmpty || rest.allSatisfy({ Int($0) != nil }) { return true }
        if rest.contains(where: timeWords.contains) { return true }
        return TextItemReader.hasNumericDate(text)
    }

    /// Words of a day or a time span (English, as the arrival words are).
    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "today", "tomorrow", "tonight", "later", "soon", "shortly", "separately", "by", "on", "between", "within", "before",
        "after", "from", "until", "in", "next", "this", "week", "weeks", "day", "days", "date", "time", "window", "morning",
        "afternoon", "evening", "early", "late", "estimate", "estimated", "expected",
    ]

    /// Words after `Original` that make it a price's label (`Original price`, `Original total`).
    static let originalFollowers: Set<String> = priceWords.union(lineTotalWords).union([
        "order", "receipt", "invoice", "commande", "facture", "bestellung", "rechnung", "value", "valeur", "wert", "valor", "valore",
        "charge", "payment", "paiement", "retail", "rrp", "msrp",
    ])

    /// First words that name a payment card, unless the rest names goods (`Carte cadeau`).
    static let cardWords: Set<String> = ["carte", "card"]
    /// Words of a payment card's line (`Carte bancaire`, `Card ending 1202`, `Carte Visa`).
    static let paymentWords: Set<String> = [
        "bancaire", "bleue", "cb", "visa", "mastercard", "amex", "american", "credit", "debit", "ending", "terminant",
        "finissant", "paiement", "payment", "paid", "payee", "paye", "number", "numero",
    ]

    /// Whether a candidate name reads as no item: empty of letters, a label, prose.
    static func isNonItemName(_ name: String) -> Bool { isNonItemName(folded: TextFolding.fold(name), text: name) }

    /// A bank identifier code (folded): 8 or 11 letters and digits, the first six letters.
    static func isBankCode(_ word: String) -> Bool {
        (word.utf8.count == 8 || word.utf8.count == 11) && word.utf8.prefix(6).allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
            && word.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// ``isNonItemName(_:)`` with the name already folded.
    static func isNonItemName(folded: String, text name: String) -> Bool {
        let words = Words(folded)
        guard let first = words.items.first else { return true }
        if name.unicodeScalars.lazy.filter(\.properties.isAlphabetic).prefix(2).count < 2 { return true }
        if words.count > 24 { return true }
        if nonItemFirstWords.contains(first) {
            // "Arrival 5\" Shorts", "Original Kraft 3-Pack" are goods; "Arriving Friday", "Original price" are not.
            if arrivalWords.contains(first) { return isDeliveryEstimate(words, text: name) }
            if first == "original" { return words.count == 1 || originalFollowers.contains(words.items[1]) }
            // "Bic Cristal Stylos-Bille, Boîte de 50" is goods; "BIC : BNPAFRPPXXX", "BIC BNPAFRPP" are a bank's code.
            if first == "bic" { return name.contains(":") || words.count < 2 || isBankCode(words.items[1]) }
            // "Carte cadeau 30 €", "Carte mère ASUS…" are goods; "Carte bancaire **** 4417" is payment.
            guard cardWords.contains(first), !words.containsAny(paymentWords), !name.contains("*"), !name.contains("•") else { return true }
        }
        // "Reste à payer", "Solde restant", "Points fidélité"; a ceiling paint (`Peinture plafond…`) is goods.
        if SummaryLabel.ignored.contains(first) { return true }
        if words.count <= 3, isLabelOnly(words) { return true }
        if words.count <= 5, isSectionHeading(words) { return true }
        if ItemRegions.isPromotion(folded: folded) { return true }
        return false
    }

    /// Whether words read as a section's heading (`Shipment details`, `Order summary`,
    /// `Détails de la commande`, `Bestellübersicht`), not goods.
    static func isSectionHeading(_ words: Words) -> Bool {
        let items = words.items
        guard let first = items.first, let last = items.last else { return false }
        if isListHeading(items) { return true }
        if items.count == 1 { return headingSuffixes.contains { first.hasSuffix($0) } || singleHeadings.contains(first) }
        if headingLastWords.contains(last) { return true }
        return headingFirstWords.contains(first) && headingLinks.contains(items[1])
    }

    /// The heading of an item list or a parcel's content (`Articles commandés`, `Your items`,
    /// `Contenu du colis`, `In dieser Sendung`, `Bestelde artikelen`): a noun of such lists and
    /// words that only say whose or which.
    static func isListHeading(_ items: [String]) -> Bool {
        guard items.count >= 2, items.count <= 5, items.contains(where: listHeadingNouns.contains) else { return false }
        return items.allSatisfy { listHeadingNouns.contains($0) || listHeadingWords.contains($0) }
    }

    static let listHeadingNouns: Set<String> = labelOnlyNames.union([
        "contenu", "contents", "content", "inhalt", "contenido", "contenuto", "inhoud", "zawartosc", "colis", "package",
        "packages", "parcel", "shipment", "sendung", "paket", "paquete", "envio", "envoi", "pacco", "spedizione", "pakket",
        "zending", "paczka", "paczki", "przesylka", "przesylki", "achats", "purchases", "einkauf", "compra", "acquisti",
        "aankopen", "zakupy", "artikelen", "producten", "pozycje",
    ])
    static let listHeadingWords: Set<String> = [
        "your", "my", "the", "in", "this", "of", "order", "ordered", "purchased", "shipped", "vos", "votre", "tes", "ta",
        "mes", "les", "des", "du", "de", "la", "le", "l", "commande", "commandes", "commandee", "commandees", "dans", "cette",
        "ce", "expedies", "ihre", "deine", "dein", "ihrer", "deiner", "ihr", "bestellung", "bestellte", "bestellten", "dieser",
        "diesem", "im", "tus", "sus", "los", "del", "tu", "su", "pedido", "este", "esta", "en", "i", "tuoi", "suoi", "il",
        "tuo", "dell", "ordine", "ordinati", "questo", "questa", "je", "jouw", "uw", "bestelling", "bestelde", "deze", "twoje",
        "zamowione", "zamowienia", "w", "tej", "tym",
    ]

    static let headingSuffixes: [String] = ["details", "ubersicht", "zusammenfassung"]
    /// A summary's heading alone (`Récapitulatif`, `Summary`, `Riepilogo`).
    static let singleHeadings: Set<String> = ["recapitulatif", "recap", "summary", "overview", "riepilogo", "resumen", "overzicht", "podsumowanie"]
    static let headingLastWords: Set<String> = [
        "details", "summary", "overview", "information", "zusammenfassung", "ubersicht", "informationen", "gegevens", "overzicht",
    ]
    static let headingFirstWords: Set<String> = [
        "details", "detail", "recapitulatif", "resume", "resumen", "detalles", "detalle", "dettagli", "dettaglio", "riepilogo",
        "szczegoly", "podsumowanie", "informations", "informazioni", "informacion", "summary", "overview",
    ]
    static let headingLinks: Set<String> = [
        "de", "du", "des", "la", "le", "del", "dell", "della", "dei", "van", "zamowienia", "przesylki", "of", "your", "votre", "ta",
        "tu", "su", "il", "zur", "der",
    ]

    /// Whether a name is only a column or field label (`Article`, `Item price`, `Qté`).
    static func isLabelOnly(_ words: Words) -> Bool {
        !words.isEmpty && words.items.allSatisfy { labelVocabulary.contains($0) }
    }

    static let labelVocabulary: Set<String> = labelOnlyNames.union(quantityWords).union(unitWords).union(lineTotalWords)
        .union(priceWords).union(skuWords).union(["de", "du", "l", "la", "of", "the", "per", "par", "u", "p", "nr", "no", "n", "q", "te", "ta", "ty"])

    /// Header words that never name goods on their own.
    static let labelOnlyNames: Set<String> = [
        "article", "articles", "item", "items", "product", "products", "produit", "produits", "artikel", "description",
        "designation", "libelle", "bezeichnung", "articulo", "articulos", "producto", "productos", "articolo", "articoli",
        "prodotto", "prodotti", "omschrijving", "produkt", "produkty", "nazwa", "descripcion", "descrizione",
    ]
}
