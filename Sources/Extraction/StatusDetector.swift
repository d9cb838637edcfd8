import Intl
import MailroomCore

/// An order's status from the words of its mail, when no markup states it.
///
/// The subject speaks first (`Votre commande est expédiée`, `Your refund…`), then settled
/// phrases of the body (`has been dispatched`, `a été livré`) — never a future (`will ship`,
/// `seront expédiés` mean the order is still being prepared). A bill, a receipt or a payment
/// notice says nothing of shipping: an order it bills is `processing` (corpus convention: an
/// invoice or receipt without a word of its delivery is an order being processed).
enum StatusDetector {
    static func status(subject: String, body: String) -> OrderStatus? {
        status(subject: SearchKey(subject), body: SearchKey(body))
    }

    /// Whether the status is `refunded` or `returned`. Only the lists of those two can give
    /// either: when neither finds a phrase (most support mail), the other lists are not read.
    static func saysReturnOrRefund(subject: String, body: String) -> Bool {
        let subject = SearchKey(subject)
        let body = SearchKey(body)
        let returnOrRefund: Set<OrderStatus> = [.refunded, .returned]
        guard subjectLists.contains(where: { returnOrRefund.contains($0.0) && $0.1.matches(subject) })
            || bodyLists.contains(where: { returnOrRefund.contains($0.0) && $0.1.matches(body) })
        else { return false }
        let status = status(subject: subject, body: body)
        return status == .refunded || status == .returned
    }

    static func status(subject: SearchKey, body: SearchKey) -> OrderStatus? {
        // "On its way soon", "bientôt en route": a shipment announced is not made yet.
        if soonList.matches(subject) { return .processing }
        for (status, words) in subjectLists where words.matches(subject) { return status }
        if subject.bytes.starts(with: Array(" livre ".utf8)) { return .delivered }  // "Livré : « Lampe de bureau… »"
        if soonList.matches(body) { return .processing }
        for (status, phrases) in bodyLists where phrases.matches(body) { return status }
        if preparingList.matches(subject) || preparingList.matches(body) { return .processing }
        if billList.matches(subject) || confirmingList.matches(subject) { return .processing }
        if billList.matches(body) || confirmingList.matches(body) { return .processing }
        return nil
    }

    static let subjectLists = subjectWords.map { ($0.0, PhraseList($0.1)) }
    static let bodyLists = bodyPhrases.map { ($0.0, PhraseList($0.1)) }
    static let preparingList = PhraseList(preparing)
    static let soonList = PhraseList(soon)
    static let billList = PhraseList(billWords)
    static let confirmingList = PhraseList(confirming)

    /// Letters and digits, single spaces between words (on UTF-8 bytes: folded text is mostly
    /// ASCII, and bytes of other scripts count as letters). An apostrophe separates words.
    static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// ``normalize(_:)`` as UTF-8 bytes, after `prefix` and before `suffix` (a search key's spaces).
    static func normalizedBytes(_ text: String, prefix: [UInt8] = [], suffix: [UInt8] = []) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            // Each space written stands for at least one byte dropped: the text's length bounds it.
            [UInt8](unsafeUninitializedCapacity: prefix.count + bytes.count + suffix.count) { output, initialized in
                var written = 0
                for byte in prefix {
                    output[written] = byte
                    written += 1
                }
                let start = written
                var space = false
                for byte in bytes {
                    if Words.isWordByte(byte) {
                        if space, written > start {
                            output[written] = 0x20
                            written += 1
                        }
                        output[written] = byte
                        written += 1
                        space = false
                    } else {
                        space = true
                    }
                }
                for byte in suffix {
                    output[written] = byte
                    written += 1
                }
                initialized = written
            }
        }
    }

    static let subjectWords: [(OrderStatus, [String])] = [
        (.refunded, ["rembours*", "refund*", "erstatt*", "ruckerstatt*", "gutschrift", "reembols*", "rimbors*", "terugbetal*", "zwrot"]),
        (.returned, ["votre retour", "ton retour", "your return", "return received", "ihre rucksendung", "deine rucksendung", "ihre retoure", "deine retoure", "tu devolucion", "su devolucion", "devolucion recibida", "il tuo reso", "reso ricevuto", "je retour", "jouw retour", "uw retour", "retour ontvangen", "twoj zwrot zostal przyjety"]),
        (.cancelled, ["annul*", "cancel*", "storn*", "cancelad*", "anulad*", "annullat*", "geannuleerd", "anulowan*"]),
        (.delivered, ["livree", "livrees", "a ete livre", "est livre", "colis livre", "delivered", "zugestellt", "geliefert", "entregado", "entregada", "consegnato", "consegnata", "bezorgd", "afgeleverd", "dostarczon*"]),
        (.shipped, ["expedie", "expediee", "expedies", "expediees", "en route", "en chemin", "shipped", "dispatched", "on its way", "on the way", "versandt", "verschickt", "unterwegs", "auf dem weg", "enviado", "enviada", "spedito", "spedita", "verzonden", "wyslan*", "out for delivery", "en cours de livraison", "ready for pickup", "pret a etre retire", "disponible en point relais", "versendet", "en camino", "in viaggio", "onderweg", "w drodze", "in transit"]),
    ]

    static let bodyPhrases: [(OrderStatus, [String])] = [
        (.refunded, ["avons rembourse", "t avons rembourse", "vous avons rembourse", "a ete rembourse", "have refunded", "has been refunded", "we ve refunded", "refund has been", "wurde erstattet", "haben wir erstattet", "hemos reembolsado", "ha sido reembolsado", "abbiamo rimborsato", "e stato rimborsato", "hebben je terugbetaald", "hebben u terugbetaald", "is terugbetaald", "zwrocilismy"]),
        (.returned, ["avons bien recu ton retour", "avons bien recu votre retour", "received your return", "rucksendung ist eingegangen", "rucksendung erhalten", "retoure ist eingegangen", "retoure erhalten", "hemos recibido tu devolucion", "hemos recibido su devolucion", "abbiamo ricevuto il tuo reso", "hebben je retour ontvangen", "hebben uw retour ontvangen", "retour is ontvangen", "otrzymalismy twoj zwrot", "otrzymalismy zwrot"]),
        (.cancelled, ["a ete annulee", "a bien ete annulee", "a ete annule", "has been cancelled", "has been canceled", "was cancelled", "wurde storniert", "ha sido cancelado", "ha sido cancelada", "e stato annullato", "e stata annullata", "is geannuleerd", "zostalo anulowane", "confirmons l annulation"]),
        (.delivered, ["a ete livre", "a ete livree", "livre a", "livree le", "livre le", "has been delivered", "was delivered", "delivered on", "wurde zugestellt", "ha sido entregado", "ha sido entregada", "e stato consegnato", "e stata consegnata", "zostala dostarczona", "zostal dostarczony", "zostalo dostarczone", "zostaly dostarczone", "is bezorgd", "is afgeleverd", "wurde geliefert", "wurde heute geliefert", "wurde heute zugestellt", "ist geliefert"]),
        (.shipped, ["a ete expedie", "a ete expediee", "ont ete expedies", "vient d etre expediee", "vient d etre expedie", "est en route", "est en chemin", "a quitte notre entrepot", "has shipped", "has been shipped", "have been shipped", "has been dispatched", "have been dispatched", "has dispatched", "is on its way", "ist unterwegs", "auf dem weg zu", "wurde versandt", "wurde versendet", "lager verlassen", "left our warehouse", "ha salido de nuestro almacen", "ha salido de nuestros almacenes", "ha lasciato il nostro magazzino", "ons magazijn verlaten", "opuscila nasz magazyn", "ha sido enviado", "e stato spedito", "is verzonden", "is onderweg", "esta en camino", "e in viaggio", "jest w drodze"]),
    ]

    /// A shipment announced for later, in the words of a shipment made.
    static let soon: [String] = [
        "on its way soon", "on their way soon", "will be on its way", "will soon be on its way", "bientot en route",
        "bientot en chemin", "bientot expedie", "bientot expediee", "bald unterwegs", "bald auf dem weg", "pronto en camino",
        "pronto estara en camino", "presto in viaggio", "presto in arrivo", "binnenkort onderweg", "wkrotce w drodze",
        "wkrotce wyslemy",
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

    /// A bill, a receipt, a payment: the order it bills is being processed.
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
        "localizador", "compra", "orderbevestiging", "bestelbevestiging", "bestelnummer", "bestellnummer", "zamowienia",
        "zamowienie nr", "potwierdzenie zamowienia", "numero de pedido", "conferma d ordine", "conferma ordine",
        "conferma acquisto", "conferma dell acquisto", "acquisto completato", "grazie per aver acquistato", "purchase confirmation",
        "confirmation d achat", "kaufbestatigung", "confirmacion de compra", "aankoopbevestiging", "potwierdzenie zakupu",
    ]
}
