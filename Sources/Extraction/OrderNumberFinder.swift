import Foundation
import Intl

/// Order, booking and invoice references after their labels, in seven languages:
/// `Order #113-5829041-7736245`, `Commande n° FR25CM0481736`, `Bestellnummer: 73014829173`,
/// `Localizador: 4JX9TQ`, `Numéro de confirmation : 4871 206 935`, `Facture n° F0012358841`.
///
/// An order label beats a booking label, which beats an invoice or receipt label: an invoice
/// that names its order files under the order.
enum OrderNumberFinder {
    struct Found: Sendable, Hashable {
        var number: String
        /// 0 order, 1 booking, 2 invoice or receipt, 3 transaction or document.
        var rank: Int
    }

    /// The best reference in `texts` (the subject first, then body lines).
    static func find(in texts: [String]) -> Found? { find(in: texts.map(TextLine.init)) }

    /// The best reference in `lines` (the subject first, then body lines).
    static func find(in lines: [TextLine]) -> Found? {
        var best: Found?
        for line in lines where mayHoldReference(line.text) && labelWords.matches(line.key) {  // digits or capitals first
            for found in references(in: line) where best == nil || found.rank < best!.rank {
                best = found
                if found.rank == 0 { return best }
            }
        }
        return best
    }

    struct Token {
        let original: String
        let folded: String
    }

    /// A digit, or five capitals in a row (a PNR): lines without either hold no reference.
    static func mayHoldReference(_ text: String) -> Bool {
        var capitals = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            capitals = byte >= 0x41 && byte <= 0x5A ? capitals + 1 : 0
            if capitals >= 5 { return true }
        }
        return false
    }

    static let trimmedPunctuation: Set<Unicode.Scalar> = Set(":;,.()«»\"'".unicodeScalars)
    static let candidatePunctuation: Set<Unicode.Scalar> = Set(".,;:()«»\"'!?*".unicodeScalars)
    static let groupPunctuation: Set<Unicode.Scalar> = Set(".,;:()".unicodeScalars)

    static func references(in line: TextLine) -> [Found] {
        let originals = line.text.spaceSeparatedWords()
        let foldedWords = line.folded.spaceSeparatedWords()
        let tokens = originals.indices.map { index -> Token in
            let original = String(originals[index])
            let folded = originals.count == foldedWords.count ? String(foldedWords[index]) : TextFolding.fold(original)
            return Token(original: original, folded: folded.trimmed { trimmedPunctuation.contains($0) })
        }
        guard tokens.count > 1 else { return [] }
        var results: [Found] = []
        var index = 0
        while index < tokens.count {
            if let (rank, length) = label(at: index, in: tokens), let value = value(after: index + length, in: tokens, rank: rank) {
                results.append(Found(number: value, rank: rank))
            }
            index += 1
        }
        return results
    }

    /// A label starting at `index`: its rank and length in tokens.
    static let firstWords: Set<String> = Set(labels.flatMap { $0.compactMap(\.first) })
    /// The labels' first words as search phrases: a line with none of them is skipped untokenised.
    static let labelWords = PhraseList(Set(firstWords.map { StatusDetector.normalize($0) }.filter { !$0.isEmpty }).sorted())

    static func label(at index: Int, in tokens: [Token]) -> (Int, Int)? {
        guard firstWords.contains(tokens[index].folded) else { return nil }
        for (rank, phrases) in labels.enumerated() {
            for phrase in phrases where index + phrase.count <= tokens.count {
                var matches = true
                for (offset, word) in phrase.enumerated() {
                    let token = tokens[index + offset].folded
                    if word.hasSuffix("*") ? !token.hasPrefix(word.dropLast()) : token != word { matches = false; break }
                }
                if matches { return (rank, phrase.count) }
            }
        }
        return nil
    }

    /// The reference after a label: markers (`n°`, `#`, `:`, `number`) and up to two plain
    /// words may come between (`facture SFR Box n° F26…`).
    static func value(after start: Int, in tokens: [Token], rank: Int) -> String? {
        var index = start
        var words = 0
        var marked = false
        while index < tokens.count, index < start + 6 {
            let token = tokens[index]
            if markers.contains(token.folded) || token.original.allSatisfy({ ":#-–—".contains($0) }) {
                marked = marked || token.folded != ""
                index += 1
                continue
            }
            var candidate = token.original
            for marker in ["n°", "N°", "nº", "Nº", "#", "no.", "No."] where candidate.hasPrefix(marker) && candidate.count > marker.count {
                candidate = String(candidate.dropFirst(marker.count))
                marked = true
            }
            if candidate.hasSuffix(":") { marked = true }
            candidate = candidate.trimmed { candidatePunctuation.contains($0) }
            // "4871 206 935": groups of digits written apart.
            if candidate.allSatisfy(\.isNumber), !candidate.isEmpty {
                var joined = candidate
                var next = index + 1
                while next < tokens.count, next < index + 5 {
                    let group = tokens[next].original.trimmed { groupPunctuation.contains($0) }
                    guard (3...4).contains(group.count), group.allSatisfy(\.isNumber), joined.count + group.count <= 24 else { break }
                    joined += " " + group
                    next += 1
                }
                if joined != candidate, joined.filter(\.isNumber).count >= 8 { return joined }
            }
            if isReference(candidate, allowLettersOnly: rank == 1) { return candidate }
            // "Commande : XKTBWNQPA": a code of capitals right after an order label.
            if rank == 0, words == 0, isLetterCode(candidate) { return candidate }
            // "Order #1042": a short number right after its label and a sign.
            if marked, words == 0, candidate.count >= 3, candidate.count <= 4, candidate.allSatisfy(\.isNumber) { return candidate }
            words += 1
            if words > 2 || !token.folded.allSatisfy(\.isLetter) { return nil }
            index += 1
        }
        return nil
    }

    /// Whether a token can be a reference: letters, digits and `-_./`, with a digit or in
    /// capitals (a PNR such as `QZKTRB`), not a date or an amount.
    static func isReference(_ text: String, allowLettersOnly: Bool) -> Bool {
        guard (3...40).contains(text.count) else { return false }
        guard text.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_./".unicodeScalars.contains($0) }) else {
            return false
        }
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        let digits = text.filter(\.isNumber).count
        if digits == 0 {
            return allowLettersOnly && (5...10).contains(text.count) && text.allSatisfy({ $0.isUppercase }) && !stopWords.contains(text.lowercased())
        }
        // 14/09/2025 (but ME/2025/0219844 is a reference).
        if text.contains("/") && text.split(separator: "/").count == 3 && digits == text.count - 2 { return false }
        if text.count <= 4 && digits == text.count { return false }  // "2025", "12"
        if isAmountLike(text) { return false }  // "67.96"
        return true
    }

    /// Whether a token of capitals only reads as a generated code (`XKTBWNQPA`), not a word
    /// (`CONFIRMED`, `PENDING`): 6 to 12 letters, few vowels.
    static func isLetterCode(_ text: String) -> Bool {
        guard (6...12).contains(text.count), text.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }),
            !stopWords.contains(text.lowercased())
        else { return false }
        let vowels = text.filter { "AEIOUY".contains($0) }.count
        return vowels * 10 <= text.count * 3
    }

    /// `67.96`, `12,5`: a number with a short fraction reads as an amount, not a reference.
    static func isAmountLike(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "," })
        return parts.count == 2 && parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) && parts[1].count <= 2
    }

    static let markers: Set<String> = [
        "n", "n°", "no", "nº", "n.", "nr", "nr.", "num", "numero", "number", "#", "id", "is", "est", "ist", "es",
        "e", "de", "du", "reference", "ref", "code", "",
    ]

    static let stopWords: Set<String> = [
        "order", "number", "commande", "numero", "invoice", "facture", "booking", "total", "shipped", "pending",
        "dispatched", "cancelled", "canceled", "refunded", "delivered", "processing", "confirmed", "status",
    ]

    /// Labels by rank, as folded words (`*` ends a prefix).
    static let labels: [[[String]]] = [
        // 0: orders
        [
            ["order", "number"], ["order", "no"], ["order", "id"], ["order", "reference"], ["order", "ref"], ["order", "#"],
            ["order"], ["your", "order"], ["numero", "de", "commande"], ["n°", "de", "commande"], ["no", "de", "commande"],
            ["n", "de", "commande"], ["reference", "de", "commande"], ["reference", "de", "la", "commande"],
            ["ref", "commande"], ["commande"], ["bestellnummer"], ["bestellung"], ["auftragsnummer"], ["auftrag"],
            ["numero", "de", "pedido"], ["pedido"], ["numero", "d'ordine"], ["numero", "ordine"],
            ["ordine"], ["bestelnummer"], ["ordernummer"], ["bestelling"], ["numer", "zamowienia"], ["zamowienie"],
            ["bestellnr"], ["bestell", "nr"], ["auftragsnr"], ["bestelnr"], ["identyfikator", "zakupu"], ["numer", "zakupu"],
            ["objednavka"], ["cislo", "objednavky"], ["bestallningsnummer"], ["bestillingsnummer"], ["ordrenummer"],
            ["tilausnumero"], ["numero", "da", "encomenda"], ["encomenda"], ["purchase", "number"],
        ],
        // 1: bookings
        [
            ["booking", "reference"], ["booking", "number"], ["booking", "no"], ["booking", "id"], ["booking", "code"],
            ["booking"], ["reservation", "number"], ["reservation", "code"], ["reservation"], ["confirmation", "number"],
            ["confirmation", "code"], ["code", "de", "confirmation"], ["numero", "de", "confirmation"],
            ["numero", "de", "reservation"], ["reference", "de", "reservation"], ["reference", "de", "la", "reservation"],
            ["votre", "reservation"], ["dossier", "voyage"], ["dossier"], ["localizador"], ["buchungsnummer"],
            ["buchungscode"], ["buchung"], ["pnr"], ["record", "locator"], ["reserva"], ["prenotazione"],
            ["boekingsnummer"], ["rezerwacja"],
        ],
        // 2: invoices and receipts
        [
            ["invoice", "number"], ["invoice", "no"], ["invoice"], ["numero", "de", "facture"], ["n°", "de", "facture"],
            ["facture"], ["rechnungsnummer"], ["rechnung"], ["numero", "de", "factura"], ["factura"], ["fattura"],
            ["factuurnummer"], ["factuur"], ["faktura"], ["receipt", "number"], ["receipt", "no"], ["receipt"],
            ["recu"], ["numero", "de", "recu"], ["quittance"], ["quittung"], ["belegnummer"], ["ricevuta"], ["recibo"],
        ],
        // 3: transactions and documents
        [
            ["reference", "de", "la", "transaction"], ["reference", "de", "transaction"], ["transaction", "reference"],
            ["transaction", "id"], ["transaction"], ["n°", "de", "document"], ["document", "number"],
            ["payment", "reference"], ["reference", "du", "paiement"],
        ],
    ]
}
