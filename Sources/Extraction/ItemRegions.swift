import Intl

/// The parts of an order mail that list goods but are no part of the order: recommendation
/// blocks (`You may also like`, `Vous aimerez aussi`) and promotions (`Free shipping on orders
/// over 29 €`, `Subscribe & save 10%`), in the seven languages of the rules.
enum ItemRegions {
    /// Whether a line is the heading of a recommendation block: what follows it is not bought.
    static func isRecommendationHeading(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 80, !line.hasDigit else { return false }
        return recommendationList.matches(line.key)
    }

    /// Whether a folded heading (a cell's or a line's) opens a recommendation block.
    static func isRecommendationHeading(folded: String) -> Bool {
        folded.utf8.count <= 80 && recommendationList.matches(SearchKey(folded: folded))
    }

    /// Whether a folded item name is an advertisement rather than goods.
    static func isPromotion(folded: String) -> Bool {
        let key = SearchKey(folded: folded)
        return promotionList.matches(key) || recommendationList.matches(key)
    }

    /// The items whose name is printed under a recommendation heading of the rendered text.
    static func removingRecommended(_ items: [ItemCandidate], lines: [TextLine]) -> [ItemCandidate] {
        guard !items.isEmpty, let heading = lines.firstIndex(where: isRecommendationHeading) else { return items }
        // Only the lines holding an item's first word can print its name: the others are not cleaned.
        let firstWords = items.map { searchableFirstWord(of: $0.name) }
        let following = lines[(heading + 1)...].prefix(80).filter { line in
            firstWords.contains { word in word.map(line.text.containsBytes) ?? true }
        }
        let recommended = Set(following.map { TextItemReader.cleanName($0.text) } + following.compactMap { $0.cells.first.map(TextItemReader.cleanName) })
        return items.filter { !recommended.contains($0.name) }
    }

    /// The first word of a cleaned name, without the dot `cleanName` may add, when a line whose
    /// cleaned text equals the name must hold its very bytes: ASCII, without the three signs other
    /// characters decompose to (`K`, `;`, `` ` ``); `nil` otherwise (every line is then cleaned).
    /// `cleanName` keeps the words it is given, its cells' words are the line's.
    static func searchableFirstWord(of name: String) -> String? {
        var word = name.prefix { $0 != " " }
        if word.hasSuffix(".") { word = word.dropLast() }
        guard !word.isEmpty, word.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") })
        else { return nil }
        return String(word)
    }

    static let recommendationList = PhraseList([
        "you may also like", "you might also like", "you may like", "recommended for you", "recommendations for you",
        "customers also bought", "customers who bought", "frequently bought together", "inspired by your", "more to explore",
        "complete the look", "vous aimerez aussi", "vous aimerez peut etre", "vous pourriez aimer", "vous pourriez aussi aimer",
        "nos recommandations", "nos suggestions", "a decouvrir aussi", "ils ont aussi achete", "das konnte ihnen auch gefallen",
        "das konnte dir auch gefallen", "das konnte sie auch interessieren", "empfehlungen fur sie", "empfehlungen fur dich",
        "kunden kauften auch", "te puede interesar", "tambien te puede gustar", "tambien te gustara", "quiza te interese",
        "recomendado para ti", "potrebbe interessarti", "potrebbero interessarti", "potrebbero piacerti", "ti potrebbe piacere",
        "consigliati per te", "misschien ook interessant", "dit vind je misschien ook leuk", "aanbevolen voor jou",
        "moze ci sie spodobac", "moze cie zainteresowac", "polecane dla ciebie", "polecamy rowniez",
    ])

    static let promotionList = PhraseList([
        "free shipping on", "free delivery on", "free shipping over", "free delivery over", "free shipping from",
        "livraison offerte des", "livraison gratuite des", "livraison offerte a partir", "livraison gratuite a partir",
        "frais de port offerts des", "versandkostenfrei ab", "kostenloser versand ab", "gratis versand ab",
        "envio gratis a partir", "envio gratis desde", "envio gratuito a partir", "envio gratuito desde",
        "spedizione gratuita da", "spedizione gratuita sopra", "spedizione gratuita per ordini", "gratis verzending vanaf",
        "gratis bezorging vanaf", "darmowa dostawa od", "subscribe and save", "subscribe save", "subscribe now",
        "subscribe today", "abonnez vous", "jetzt abonnieren", "suscribete", "iscriviti", "abonneer nu", "use code",
        "utilisez le code", "avec le code", "mit dem code", "mit dem gutscheincode", "con el codigo", "con il codice",
        "met de code", "z kodem", "off your next", "sur votre prochaine", "auf ihre nachste", "auf deine nachste",
        "en tu proxima", "sul tuo prossimo", "sul prossimo ordine", "op je volgende", "na kolejne zakupy", "free trial",
        "essai gratuit", "kostenlos testen", "prueba gratis", "prova gratuita", "gratis proberen", "join now",
        "devenez membre", "offert tous les", "offerts tous les", "offerts des",
    ])
}
