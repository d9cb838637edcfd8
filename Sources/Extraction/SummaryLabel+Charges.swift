import Intl

/// Charges a label names beside the goods: a tourist tax, what is paid apart on site, a gift's
/// extras (message card, gift packaging).
extension SummaryLabel {
    /// Whether a label opens with a tourist tax (`Kurtaxe`, `Taxe de séjour`, `Tourist tax`, `Tassa di
    /// soggiorno`, `Tasa turística`, `Toeristenbelasting`, `Opłata miejscowa`): the tax a town levies per
    /// guest and night, added to a stay's price.
    static func isTouristTax(_ words: Words) -> Bool {
        if words.items.prefix(3).contains(where: touristTaxWords.contains) { return true }
        guard words.items.prefix(2).contains(where: touristTaxOpenings.contains) else { return false }
        // The phrase opens the label, or follows one word (`La taxe de séjour`, `Local tourist tax`).
        return touristTaxPhrases.contains { phrase in
            (0...1).contains { start in
                start + phrase.count <= words.count && phrase.indices.allSatisfy { words.items[start + $0] == phrase[$0] }
            }
        }
    }

    static let touristTaxWords: Set<String> = [
        "kurtaxe", "kurtax", "ortstaxe", "kurbeitrag", "gastetaxe", "gaestetaxe", "tourismusabgabe", "citytax", "bettensteuer",
        "beherbergungsabgabe", "ubernachtungssteuer", "uebernachtungssteuer", "toeristenbelasting", "toeristentaks",
    ]
    static let touristTaxPhrases: [[String]] = [
        ["taxe", "de", "sejour"], ["taxes", "de", "sejour"], ["tourist", "tax"], ["tourism", "tax"], ["city", "tax"],
        ["visitor", "tax"], ["occupancy", "tax"], ["tassa", "di", "soggiorno"], ["imposta", "di", "soggiorno"],
        ["tasa", "turistica"], ["impuesto", "turistico"], ["impuesto", "sobre", "estancias"], ["oplata", "miejscowa"],
        ["oplata", "klimatyczna"], ["oplata", "turystyczna"], ["city", "taks"],
    ]
    static let touristTaxOpenings = Set(touristTaxPhrases.compactMap(\.first))

    /// Whether a charge's folded label, brackets included, says it is not in the total: paid where
    /// the service is given (`pay at property`, `à régler sur place`, `vor Ort zu zahlen`, `a pagar en
    /// el alojamiento`, `da pagare in struttura`, `ter plaatse te betalen`, `płatne na miejscu`) or not
    /// included (`not included`, `non incluse`, `nicht enthalten`, `no incluido`, `non incluso`, `niet
    /// inbegrepen`, `nie wliczona`).
    static func saysPaidApart(folded: String) -> Bool {
        let words = Words(folded, maximumCount: 16)
        guard words.count >= 2 else { return false }
        if words.containsPhrase(notIncludedPhrases) { return true }
        return words.containsAny(payWords) && words.containsPhrase(onSitePhrases)
    }

    static let notIncludedPhrases: [[String]] = [
        ["not", "included"], ["non", "inclus"], ["non", "incluse"], ["non", "compris"], ["non", "comprise"],
        ["nicht", "enthalten"], ["nicht", "inbegriffen"], ["nicht", "inklusive"], ["no", "incluido"], ["no", "incluida"],
        ["non", "incluso"], ["non", "inclusa"], ["niet", "inbegrepen"], ["nie", "wliczona"], ["nie", "wliczony"], ["nie", "wliczone"],
    ]
    static let payWords: Set<String> = [
        "pay", "payable", "paid", "payer", "regler", "paye", "payee", "zahlen", "zahlbar", "bezahlen", "bezahlt", "pagar", "pagadero",
        "pagadera", "pagare", "pagabile", "betalen", "betaalbaar", "betaald", "platne", "platna", "platny", "zaplaty", "oplacenia",
    ]
    static let onSitePhrases: [[String]] = [
        ["sur", "place"], ["a", "l", "hotel"], ["at", "property"], ["at", "the", "property"], ["at", "the", "hotel"], ["locally"],
        ["vor", "ort"], ["im", "hotel"], ["en", "el", "alojamiento"], ["en", "el", "hotel"], ["en", "destino"], ["in", "loco"],
        ["in", "struttura"], ["in", "hotel"], ["ter", "plaatse"], ["in", "het", "hotel"], ["na", "miejscu"], ["w", "hotelu"],
    ]

    /// Whether a folded name is a message card or gift packaging charged with the goods, counted
    /// or not (`Carte message`, `Panier osier (emballage cadeau)   x 1`).
    static func isGiftExtra(folded: String) -> Bool {
        let all = Words(withoutParentheses(folded), maximumCount: 9)
        return isMessageCard(all) || isGiftPackaging(folded, outside: all)
    }

    /// A card carrying the buyer's message with the goods (`Carte message`, `Gift message card`,
    /// `Tarjeta con mensaje`, `Biglietto con messaggio`, `Kartka z dedykacją`): a charge of the
    /// order, not goods. A card alone (`Birthday card`) may be what was bought.
    static func isMessageCard(_ words: Words) -> Bool {
        words.count <= 5 && words.containsAny(cardWords) && words.containsAny(messageWords)
    }

    static let cardWords: Set<String> = [
        "carte", "cartes", "card", "cards", "karte", "kartchen", "tarjeta", "biglietto", "bigliettino", "kaart", "kaartje",
        "kartka", "bilecik", "carta",
    ]
    static let messageWords: Set<String> = [
        "message", "messages", "mot", "mensaje", "mensajes", "dedicatoria", "messaggio", "dedica", "grusstext", "grussbotschaft",
        "botschaft", "boodschap", "bericht", "dedykacja", "dedykacje", "zyczenia", "zyczeniami",
    ]

    /// A short name whose brackets say it is the gift packaging (`Panier osier (emballage cadeau)`,
    /// `Box (gift wrap)`, `Korb (Geschenkverpackung)`): packaging charged with the goods.
    static func isGiftPackaging(_ folded: String, outside: Words) -> Bool {
        guard outside.count <= 3, folded.utf8.contains(0x28), let open = folded.firstIndex(of: "("),
            let close = folded[open...].firstIndex(of: ")")
        else { return false }
        let inside = Words(String(folded[folded.index(after: open)..<close]))
        guard inside.count <= 4 else { return false }
        return inside.containsPhrase(giftPackagingPhrases) || inside.containsAny(["geschenkverpackung", "giftwrap", "cadeauverpakking"])
    }

    static let giftPackagingPhrases: [[String]] = [
        ["emballage", "cadeau"], ["paquet", "cadeau"], ["gift", "wrap"], ["gift", "wrapping"], ["gift", "packaging"],
        ["papel", "de", "regalo"], ["envoltorio", "de", "regalo"], ["envoltorio", "regalo"], ["confezione", "regalo"],
        ["pacchetto", "regalo"], ["opakowanie", "na", "prezent"], ["opakowanie", "prezentowe"], ["cadeau", "verpakking"],
    ]
}
