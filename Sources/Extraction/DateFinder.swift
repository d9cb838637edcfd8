import Foundation
import Intl

/// Dates after their labels: when an order was placed (`Date de commande : 19 sept. 2025`,
/// `Placed on Friday, November 28, 2025`, `Bestelldatum: 03.03.2025`) and when an invoice is
/// due (`Date limite de paiement : 30/12/2025`, `Payment due: …`, `prélevé le 24/03/2025`).
enum DateFinder {
    static let orderDateLabels: [String] = [
        "date de commande", "date de la commande", "commande passee le", "passee le", "order date", "order placed",
        "placed on", "ordered on", "date of order", "bestelldatum", "bestellt am", "auftragsdatum", "fecha de compra",
        "fecha del pedido", "fecha de pedido", "data dell ordine", "data ordine", "besteldatum", "data zamowienia",
        "date d achat", "purchase date", "date of purchase", "kaufdatum",
    ]

    static let dueDateLabels: [String] = [
        "date limite de paiement", "a payer avant le", "a regler avant le", "date d echeance", "echeance le",
        "payable avant le", "preleve le", "prelevee le", "sera preleve le", "prelevement prevu le", "preleve a partir du",
        "due date", "payment due", "due on", "due by", "pay by", "will be debited on", "will be charged on",
        "faellig am", "fallig am", "zahlbar bis", "abbuchung am", "fecha de vencimiento", "vence el", "scadenza",
        "da pagare entro", "vervaldatum", "termin platnosci",
    ]

    static let orderDateList = PhraseList(orderDateLabels)
    static let nextList = PhraseList(["prochain", "prochaine", "next", "nachste", "proximo", "proxima", "prossimo", "prossima"])
    static let dueDateList = PhraseList(dueDateLabels)

    /// The first date written after one of `labels` on a line.
    static func find(_ labels: PhraseList, in lines: [TextLine], resolver: CurrencyResolver, reference: Date?) -> Date? {
        for line in lines.prefix(200) where line.hasDigit {
            guard let label = labels.first(in: line.key), let after = line.key.text(after: Array((" " + label + " ").utf8)) else { continue }
            // "Votre prochain paiement … sera prélevé le …": the next instalment, not this one.
            if nextList.matches(line.key) { continue }
            if let date = DateText.find(in: restoreSeparators(line.text, after: label) ?? after, monthFirst: resolver.monthFirst, reference: reference) {
                return date
            }
        }
        return nil
    }

    /// The original text after the label (separators such as `/` and `.` matter to dates):
    /// the label's words are found in order in the folded line, which folding kept aligned.
    static func restoreSeparators(_ line: String, after label: String) -> String? {
        let folded = TextFolding.fold(line)
        guard folded.count == line.count else { return nil }
        var cursor = folded.startIndex
        for word in label.split(separator: " ") {
            guard let range = folded.range(of: String(word), range: cursor..<folded.endIndex) else { return nil }
            cursor = range.upperBound
        }
        return String(line.dropFirst(folded.distance(from: folded.startIndex, to: cursor)))
    }
}
