import Intl
import MailroomCore

/// An order's status from the words of its mail, when no markup states it.
///
/// The subject speaks first (`Votre commande est expédiée`, `Your refund…`), then settled
/// phrases of the body (`has been dispatched`, `a été livré`) — never a future (`will ship`,
/// `seront expédiés` mean the order is still being prepared). A bill, a receipt or a payment
/// notice has no lifecycle: its status is `nil`.
enum StatusDetector {
    static func status(subject: String, body: String) -> OrderStatus? {
        let subject = " " + normalize(TextFolding.fold(subject)) + " "
        let body = " " + normalize(TextFolding.fold(body)) + " "
        for (status, words) in subjectWords where containsAny(subject, words) { return status }
        if subject.hasPrefix(" livre ") { return .delivered }  // "Livré : « Lampe de bureau… »"
        for (status, phrases) in bodyPhrases where containsAny(body, phrases) { return status }
        if containsAny(subject, preparing) || containsAny(body, preparing) { return .processing }
        if containsAny(subject, billWords) { return nil }
        if containsAny(subject, confirming) { return .processing }
        if containsAny(body, billWords) { return nil }
        if containsAny(body, confirming) { return .processing }
        return nil
    }

    /// Letters and digits, single spaces between words.
    static func normalize(_ text: String) -> String {
        var result = ""
        var space = false
        for character in text {
            if character.isLetter || character.isNumber || character == "'" {
                if space, !result.isEmpty { result.append(" ") }
                result.append(character == "'" ? " " : character)
                space = false
            } else {
                space = true
            }
        }
        return result
    }

    /// Whether `text` (spaces around) holds one of `needles` as whole words; a needle ending
    /// with `*` matches any word ending.
    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { needle in
            if needle.hasSuffix("*") { return text.contains(" " + needle.dropLast()) }
            return text.contains(" " + needle + " ")
        }
    }

    static let subjectWords: [(OrderStatus, [String])] = [
        (.refunded, ["rembours*", "refund*", "erstatt*", "ruckerstatt*", "gutschrift", "reembols*", "rimbors*", "terugbetal*", "zwrot"]),
        (.returned, ["votre retour", "ton retour", "your return", "return received", "ihre rucksendung", "deine rucksendung", "tu devolucion", "il tuo reso"]),
        (.cancelled, ["annul*", "cancel*", "storn*", "cancelad*", "anulad*", "annullat*", "geannuleerd", "anulowan*"]),
        (.delivered, ["livree", "livrees", "a ete livre", "est livre", "colis livre", "delivered", "zugestellt", "geliefert", "entregado", "entregada", "consegnato", "consegnata", "bezorgd", "afgeleverd", "dostarczon*"]),
        (.shipped, ["expedie", "expediee", "expedies", "expediees", "en route", "en chemin", "shipped", "dispatched", "on its way", "on the way", "versandt", "verschickt", "unterwegs", "auf dem weg", "enviado", "enviada", "spedito", "spedita", "verzonden", "wyslan*", "out for delivery", "en cours de livraison", "ready for pickup", "pret a etre retire", "disponible en point relais"]),
    ]

    static let bodyPhrases: [(OrderStatus, [String])] = [
        (.refunded, ["avons rembourse", "t avons rembourse", "vous avons rembourse", "a ete rembourse", "have refunded", "has been refunded", "we ve refunded", "refund has been", "wurde erstattet", "haben wir erstattet"]),
        (.returned, ["avons bien recu ton retour", "avons bien recu votre retour", "received your return", "rucksendung ist eingegangen", "rucksendung erhalten"]),
        (.cancelled, ["a ete annulee", "a bien ete annulee", "a ete annule", "has been cancelled", "has been canceled", "was cancelled", "wurde storniert", "ha sido cancelado", "confirmons l annulation"]),
        (.delivered, ["a ete livre", "a ete livree", "livre a", "livree le", "livre le", "has been delivered", "was delivered", "delivered on", "wurde zugestellt", "ha sido entregado", "e stato consegnato"]),
        (.shipped, ["a ete expedie", "a ete expediee", "ont ete expedies", "vient d etre expediee", "vient d etre expedie", "est en route", "est en chemin", "a quitte notre entrepot", "has shipped", "has been shipped", "have been shipped", "has been dispatched", "have been dispatched", "has dispatched", "is on its way", "ist unterwegs", "auf dem weg zu", "wurde versandt", "ha sido enviado", "e stato spedito", "is verzonden"]),
    ]

    /// An order still being prepared or waiting to ship.
    static let preparing: [String] = [
        "seront expedies", "seront expediees", "sera expedie", "sera expediee", "expedier ton colis", "expedier votre colis",
        "des son expedition", "des que vos articles", "nous preparons", "prepare votre commande", "prepare ta commande",
        "will ship", "will be shipped", "once your item", "when your order ships", "when your items ship",
        "let you know when", "let you know once", "is preparing", "preparing it", "preparing your order",
        "fur den versand vor", "wird versandt sobald", "bereiten deine bestellung", "bereiten ihre bestellung",
        "estamos preparando", "stiamo preparando",
    ]

    /// A bill, a receipt, a payment: no lifecycle.
    static let billWords: [String] = [
        "facture", "factures", "invoice", "rechnung", "factura", "fattura", "factuur", "faktura", "recu", "receipt",
        "quittance", "quittung", "ricevuta", "recibo", "paiement", "payment", "zahlung", "zahlungsbestatigung", "pago",
        "pagamento", "betaling", "prelevement", "echeance", "avis d echeance", "renouvele", "renewed", "renewal",
        "statement", "releve", "cotisation", "duties",
    ]

    /// An order or booking confirmed.
    static let confirming: [String] = [
        "confirm*", "commande", "commandes", "order", "orders", "bestellung", "bestellbestatigung", "auftragsbestatigung",
        "buchung*", "pedido", "ordine", "bestelling", "zamowienie", "reserv*", "booking", "booked", "billet", "billets",
        "e billet", "ticket", "tickets", "traitons", "traitement", "processing", "merci pour votre commande",
        "thanks for your order", "thank you for your order", "accepted your order", "abonnement", "subscription",
        "localizador", "compra",
    ]
}
