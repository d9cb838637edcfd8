import Intl

/// The currency a mail's language implies when nothing else tells: French, German, Spanish,
/// Italian, Dutch and Portuguese mail is in euros far more often than not; English says
/// nothing (pounds, dollars, euros alike).
enum LanguageCurrency {
    static func currency(of lines: [String]) -> String? {
        var counts: [String: Int] = [:]
        for line in lines.prefix(60) {
            for word in Words(TextFolding.fold(line)).items {
                if let language = markers[word] { counts[language, default: 0] += 1 }
            }
        }
        guard let (language, count) = counts.max(by: { $0.value < $1.value }), count >= 3 else { return nil }
        return currencies[language]
    }

    /// Short words that only one of the languages uses often.
    static let markers: [String: String] = [
        "votre": "fr", "vous": "fr", "nous": "fr", "est": "fr", "les": "fr", "des": "fr", "pour": "fr", "avec": "fr",
        "commande": "fr", "merci": "fr", "ton": "fr", "ta": "fr", "tes": "fr", "colis": "fr",
        "ihre": "de", "ihr": "de", "und": "de", "ist": "de", "der": "de", "die": "de", "das": "de", "sie": "de", "bestellung": "de",
        "su": "es", "los": "es", "las": "es", "del": "es", "para": "es", "pedido": "es", "gracias": "es",
        "della": "it", "sono": "it", "il": "it", "ordine": "it", "grazie": "it", "per": "it",
        "uw": "nl", "het": "nl", "een": "nl", "bestelling": "nl", "bedankt": "nl",
        "seu": "pt", "sua": "pt", "obrigado": "pt", "encomenda": "pt",
        "twoje": "pl", "zamowienie": "pl", "dziekujemy": "pl",
    ]

    static let currencies: [String: String] = ["fr": "EUR", "de": "EUR", "es": "EUR", "it": "EUR", "nl": "EUR", "pt": "EUR", "pl": "PLN"]
}
