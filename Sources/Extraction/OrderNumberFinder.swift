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
        for (index, line) in lines.enumerated() {
            // digits or capitals first
            guard mayHoldReference(line.text) ? labelWords.matches(line.key) : false else {
                // "Commande n°" over "FS24-7781290": a label alone over its value.
                if let joined = labelOverValue(lines, at: index) {
                    forEachReference(in: joined, below: best?.rank ?? Int.max) { found in
                        best = found
                        return found.rank != 0
                    }
                    if best?.rank == 0 { return best }
                }
                continue
            }
            var read = false
            // Only a better rank than the best so far can change the answer: worse labels are
            // not followed to their values.
            forEachReference(in: line, below: best?.rank ?? Int.max) { found in
                best = found
                read = true
                return found.rank != 0
            }
            if best?.rank == 0 { return best }
            // "14 Mar 2025    ORDER ID" over "MQ7ZK2XH9P    DOCUMENT NO.": columns of labels over values.
            if !read, let joined = labelOverValue(lines, at: index) {
                forEachReference(in: joined, below: best?.rank ?? Int.max) { found in
                    best = found
                    return found.rank != 0
                }
                if best?.rank == 0 { return best }
            }
        }
        return best
    }

    /// A label ending a line over a value opening the next, as one line: `Commande n°` over
    /// `FS24-7781290` (a label and its value in two blocks), `14 Mar 2025    ORDER ID` over
    /// `MQ7ZK2XH9P    DOCUMENT NO.` (columns of labels over values, rendered row by row).
    static func labelOverValue(_ lines: [TextLine], at index: Int) -> TextLine? {
        guard index + 1 < lines.count else { return nil }
        // The next line's first word, cheaply: a reference stands alone in its cell.
        let next = lines[index + 1].text.utf8
        let end = next.firstIndex { $0 == 0x20 || $0 == 0x09 } ?? next.endIndex
        let word = next[next.startIndex..<end]
        guard word.count >= 3, word.count <= 40, mayHoldReference(String(decoding: word, as: UTF8.self)) else { return nil }
        let following = lines[index + 1]
        guard let value = following.cells.first, value.utf8.count == word.count else { return nil }
        let line = lines[index]
        let label = line.text.utf8.count <= 40 ? line.text : (line.cells.last ?? "")
        guard !label.isEmpty, label.utf8.count <= 40 else { return nil }
        let labelLine = label == line.text ? line : TextLine(label)
        guard labelWords.matches(labelLine.key) else { return nil }
        return TextLine(label + " " + value)
    }

    struct Token {
        let original: String
        let folded: String
    }

    /// A digit, or five capitals in a row (a PNR): lines without either hold no reference.
    static func mayHoldReference(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHoldReference(utf8:))
    }

    private static func mayHoldReference(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var capitals = 0
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            capitals = byte >= 0x41 && byte <= 0x5A ? capitals + 1 : 0
            if capitals >= 5 { return true }
        }
        return false
    }

    // The punctuation trimmed from tokens, candidates and digit groups (switches: a set lookup
    // hashes every scalar, and these run on every word of every labelled line).
    static func isTrimmedPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ":", ";", ",", ".", "(", ")", "[", "]", "«", "»", "\"", "'": true
        default: false
        }
    }

    static func isCandidatePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "(", ")", "[", "]", "«", "»", "\"", "'", "!", "?", "*": true
        default: false
        }
    }

    static func isGroupPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ";", ":", "(", ")": true
        default: false
        }
    }

    static func references(in line: TextLine) -> [Found] {
        var results: [Found] = []
        forEachReference(in: line, below: Int.max) { found in
            results.append(found)
            return true
        }
        return results
    }

    /// Calls `body` with each reference of the line, left to right, whose rank is below
    /// `bound`, lowering the bound to each one's rank; stops when `body` returns false.
    static func forEachReference(in line: TextLine, below bound: Int, _ body: (Found) -> Bool) {
        let tokens = ReferenceTokens(line)
        guard tokens.count > 1 else { return }
        var bound = bound
        var index = 0
        while index < tokens.count {
            if let (rank, length) = label(at: index, in: tokens), rank < bound,
                let value = value(after: index + length, in: tokens, rank: rank)
            {
                bound = rank
                guard body(Found(number: value, rank: rank)) else { return }
            }
            index += 1
        }
    }

    /// A label starting at `index`: its rank and length in tokens.
    static let firstWords: Set<String> = Set(labels.flatMap { $0.compactMap(\.first) })
    /// The labels' first words as search phrases: a line with none of them is skipped untokenised.
    static let labelWords = PhraseList(Set(firstWords.map { StatusDetector.normalize($0) }.filter { !$0.isEmpty }).sorted())

    /// The labels by their first word, each list in the order of ``labels`` (rank, then phrase).
    static let labelsByFirstWord: [String: [(rank: Int, phrase: [String])]] = {
        var result: [String: [(rank: Int, phrase: [String])]] = [:]
        for (rank, phrases) in labels.enumerated() {
            for phrase in phrases { if let first = phrase.first { result[first, default: []].append((rank, phrase)) } }
        }
        return result
    }()

    /// The labels' first words as bytes, filed for ``ReferenceTokens/mayBe(oneOf:at:)``.
    static let firstWordBytes: [Int: [[UInt8]]] = {
        var result: [Int: [[UInt8]]] = [:]
        for word in firstWords where !word.isEmpty {
            let bytes = Array(word.utf8)
            result[ReferenceTokens.slot(count: bytes.count, first: bytes[0]), default: []].append(bytes)
        }
        return result
    }()

    static func label(at index: Int, in tokens: ReferenceTokens) -> (Int, Int)? {
        guard tokens.mayBe(oneOf: firstWordBytes, at: index), let candidates = labelsByFirstWord[tokens[index].folded] else { return nil }
        for (rank, phrase) in candidates where index + phrase.count <= tokens.count {
            var matches = true
            for (offset, word) in phrase.enumerated() {
                let token = tokens[index + offset].folded
                if word.hasSuffix("*") ? !token.hasPrefix(word.dropLast()) : token != word { matches = false; break }
            }
            if matches { return (rank, phrase.count) }
        }
        return nil
    }

    /// The reference after a label: markers (`n°`, `#`, `:`, `number`) and up to two plain
    /// words may come between (`facture SFR Box n° F26…`).
    static func value(after start: Int, in tokens: ReferenceTokens, rank: Int) -> String? {
        var index = start
        var words = 0
        var marked = false
        while index < tokens.count, index < start + 6 {
            let token = tokens[index]
            if markers.contains(token.folded) || Self.isAllSigns(token.original) {
                marked = marked || token.folded != ""
                index += 1
                continue
            }
            var candidate = token.original
            // Every marker starts with "n", "N" or "#": other tokens cannot carry one.
            let first = candidate.utf8.first
            for marker in numberMarkers where (first == 0x6E || first == 0x4E || first == 0x23) && candidate.hasPrefix(marker) && candidate.characterCount > marker.characterCount {
                candidate = String(candidate.dropFirst(marker.count))
                marked = true
            }
            if candidate.hasSuffix(":") { marked = true }
            candidate = candidate.trimmed(where: isCandidatePunctuation)
            // "4871 206 935": groups of digits written apart.
            if candidate.isAllNumbers, !candidate.isEmpty {
                var joined = candidate
                var next = index + 1
                while next < tokens.count, next < index + 5 {
                    let group = tokens[next].original.trimmed(where: isGroupPunctuation)
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
            if marked, words == 0, (3...4).contains(candidate.characterCount), candidate.isAllNumbers { return candidate }
            words += 1
            if words > 2 || !token.folded.isAllLetters { return nil }
            index += 1
        }
        return nil
    }

    /// Whether a token is only signs that stand between a label and its value (`:`, `#`,
    /// dashes): `allSatisfy { ":#-–—".contains($0) }`, from the bytes when they are ASCII.
    static func isAllSigns(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return text.utf8.allSatisfy { $0 == 0x3A || $0 == 0x23 || $0 == 0x2D }
        }
        return text.allSatisfy { ":#-–—".contains($0) }
    }

    /// Whether a token can be a reference: letters, digits and `-_./`, with a digit or in
    /// capitals (a PNR such as `QZKTRB`), not a date or an amount.
    static func isReference(_ text: String, allowLettersOnly: Bool) -> Bool {
        // Without an ASCII digit a token is a reference only as a booking's capitals (a PNR):
        // every other way below answers false (a non-ASCII digit fails the ASCII test).
        if !allowLettersOnly, !text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        guard (3...40).contains(text.characterCount) else { return false }
        // From here every scalar is an ASCII letter, digit or one of `-_./`: each byte is one
        // character, and the letter, number and uppercase tests are byte ranges.
        guard text.utf8.allSatisfy({ isASCIIAlphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E || $0 == 0x2F }) else {
            return false
        }
        guard let first = text.utf8.first, isASCIIAlphanumeric(first) else { return false }
        let digits = text.utf8.reduce(0) { $1 >= 0x30 && $1 <= 0x39 ? $0 + 1 : $0 }
        if digits == 0 {
            return allowLettersOnly && (5...10).contains(text.utf8.count) && text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
                && !stopWords.contains(text.lowercased())
        }
        // 14/09/2025 (but ME/2025/0219844 is a reference).
        if text.utf8.contains(0x2F) && isSlashedDate(text) { return false }
        if text.utf8.count <= 4 && digits == text.utf8.count { return false }  // "2025", "12"
        if isAmountLike(text) { return false }  // "67.96"
        return true
    }

    @inline(__always) static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Whether a token of capitals only reads as a generated code (`XKTBWNQPA`), not a word
    /// (`CONFIRMED`, `PENDING`): 6 to 12 letters, few vowels.
    static func isLetterCode(_ text: String) -> Bool {
        guard (6...12).contains(text.characterCount), text.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }),
            !stopWords.contains(text.lowercased())
        else { return false }
        let vowels = text.filter { "AEIOUY".contains($0) }.count
        return vowels * 10 <= text.count * 3
    }

    /// `14/09/2025`, `2025/09/14`, `9/14/25`: three groups of digits shaped as a day, a month
    /// and a year (`2025/11/4401` or `ME/2025/0219844` are references).
    static func isSlashedDate(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        let lengths = parts.map(\.count)
        let short = { (length: Int) in length <= 2 }
        return (short(lengths[0]) && short(lengths[1]) && (lengths[2] == 2 || lengths[2] == 4))
            || (lengths[0] == 4 && short(lengths[1]) && short(lengths[2]))
    }

    /// `67.96`, `12,5`: a number with a short fraction reads as an amount, not a reference.
    static func isAmountLike(_ text: String) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "," })
        return parts.count == 2 && parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) && parts[1].count <= 2
    }

    /// Signs glued before a number (`n°12345`, `#1042`).
    static let numberMarkers = ["n°", "N°", "nº", "Nº", "n.º", "N.º", "#", "no.", "No."]

    static let markers: Set<String> = [
        "n", "n°", "no", "nº", "n.", "n.o", "n.º", "nr", "nr.", "num", "numero", "number", "#", "id", "is", "est", "ist", "es",
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
            ["ordine"], ["bestelnummer"], ["ordernummer"], ["bestelling"], ["numer", "zamowienia"], ["zamowienie"], ["zamowienia"], ["zamowieniem"],
            ["bestellnr"], ["bestell", "nr"], ["bestell-nr"], ["auftrags-nr"], ["auftragsnr"], ["bestelnr"], ["identyfikator", "zakupu"], ["numer", "zakupu"],
            ["objednavka"], ["cislo", "objednavky"], ["bestallningsnummer"], ["bestillingsnummer"], ["ordrenummer"],
            ["tilausnumero"], ["numero", "da", "encomenda"], ["encomenda"], ["purchase", "number"],
            // Swedish, Danish, Norwegian (`din beställning 1376…`, `din ordre 99120`, `bestilling 4410`).
            ["bestallning"], ["ordre"], ["bestilling"],
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
            ["statement", "number"], ["statement", "no"], ["bill", "number"], ["numero", "de", "releve"], ["kvittering"], ["kvitto"],
        ],
        // 3: transactions and documents
        [
            ["reference", "de", "la", "transaction"], ["reference", "de", "transaction"], ["transaction", "reference"],
            ["transaction", "id"], ["transaction"], ["n°", "de", "document"], ["document", "number"],
            ["payment", "reference"], ["reference", "du", "paiement"],
        ],
    ]
}
