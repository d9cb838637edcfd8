import Intl

/// Journeys as tickets write them: a route (`Paris → Lyon`, `Madrid-Atocha - Barcelona-Sants` over a
/// departure line), the date heading it, the fare and traveller lines under it.
extension TextItemReader {
    /// A journey as tickets name it: `Köln Hbf → München Hbf`, `Hinfahrt: Paris -> Lyon`.
    static func isRoute(_ text: String) -> Bool {
        // "→" "⇄" "↔" start with the byte 0xE2, " -> " with "-": most lines have neither (and
        // `String.contains` goes through Foundation).
        guard text.utf8.count <= 240, text.utf8.contains(where: { $0 == 0xE2 || $0 == 0x2D }) else { return false }
        let scalars = text.unicodeScalars
        let arrow = scalars.contains { $0 == "→" || $0 == "⇄" || $0 == "↔" }
        guard arrow || text.utf8.elementsEqualAnywhere(Array(" -> ".utf8)) else { return false }
        let parts = text.split(whereSeparator: { "→⇄↔>".contains($0) })
        guard parts.count >= 2, parts.allSatisfy({ $0.unicodeScalars.contains(where: \.properties.isAlphabetic) }) else { return false }
        // Places beside an arrow, not only times (`10:00 → 14:21`; `Paris 17:04 -> Lyon 19:01` is a journey).
        func startsWithLetter(_ word: Substring?) -> Bool { word?.unicodeScalars.first?.properties.isAlphabetic ?? false }
        for index in parts.indices.dropLast() {
            let before = parts[index].split(separator: " ").filter { $0 != "-" }.last
            let after = parts[index + 1].split(separator: " ").filter { $0 != "-" }.first
            if !startsWithLetter(before), !startsWithLetter(after) { return false }
        }
        return true
    }

    /// A journey written with a spaced dash between its places (`AVE Madrid-Atocha - Barcelona-Sants,
    /// Básico`, `Frecciarossa 9541 Milano Centrale - Roma Termini`): no amount, words on both sides
    /// starting with a letter. Only a route where a departure's line follows (`departureFollows`).
    static func isDashRoute(_ text: String) -> Bool {
        guard text.utf8.count <= 160, text.utf8.elementsEqualAnywhere(Array(" - ".utf8)) else { return false }
        let parts = text.components(separatedBy: " - ")
        guard parts.count == 2 else { return false }
        func startsWithLetter(_ word: Substring?) -> Bool { word?.unicodeScalars.first?.properties.isAlphabetic ?? false }
        return startsWithLetter(parts[0].split(separator: " ").last) && startsWithLetter(parts[1].split(separator: " ").first)
    }

    /// Whether one of the two lines under `index` tells a departure: a departure's or arrival's
    /// word beside a clock time (`Salida 05/02/2026 08:00`, `Partenza ore 10:00 - Arrivo ore 13:10`,
    /// `Departs 07:15`).
    static func departureFollows(_ lines: [TextLine], after index: Int) -> Bool {
        lines[(index + 1)...].prefix(2).contains { line in
            guard line.hasDigit, line.amounts.isEmpty, line.text.utf8.contains(0x3A) else { return false }
            let words = Words(line.folded)
            guard words.containsAny(departureWords) else { return false }
            return line.text.split(separator: " ").contains { word in
                let parts = word.split(separator: ":", omittingEmptySubsequences: false)
                return parts.count == 2 && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }
            }
        }
    }

    /// Departure and arrival, in the 7 languages.
    static let departureWords: Set<String> = [
        "departure", "departs", "depart", "departing", "arrival", "arrives", "arrivee", "abfahrt", "ankunft",
        "salida", "llegada", "partenza", "arrivo", "vertrek", "aankomst", "odjazd", "przyjazd", "wylot", "przylot",
    ]

    /// The index of a route on one of the two lines under a first line that is a date (up to six
    /// words, no amount, no route of its own); `nil` otherwise.
    static func journeyUnderDate(_ lines: [String]) -> Int? {
        let first = lines[0]
        guard first.utf8.count <= 60, !isRoute(first), first.unicodeScalars.contains(where: { DecimalText.digitValue($0) != nil }),
            first.spaceSeparatedWords().count <= 6, MoneyScanner.scan(first).allSatisfy(\.isBare),
            let route = lines.dropFirst().prefix(2).firstIndex(where: isRoute),
            DateText.find(in: first, monthFirst: false, reference: nil) != nil
        else { return nil }
        return route
    }

    /// Whether an item line's name tells who travels or on which fare (`1 adulte - Tarif Second`,
    /// `1 passager (Carte Avantage)`, `2 Erwachsene, 2. Klasse`, `1 Adult`): under a journey's
    /// route, the route names what the line prices.
    static func isFareDetail(_ name: String) -> Bool {
        guard name.utf8.count <= 80 else { return false }
        let words = Words(TextFolding.fold(name))
        guard !words.isEmpty, words.count <= 8 else { return false }
        return words.containsAny(passengerWords) || words.containsAny(fareWords)
    }

    /// Who a ticket is for, in the 7 languages (singular and plural).
    static let passengerWords: Set<String> = ItemVocabulary.travellerWords.union([
        "adult", "adults", "adulte", "adultes", "erwachsener", "erwachsene", "adulto", "adultos", "adulti", "volwassene",
        "volwassenen", "dorosly", "dorosli", "doroslych", "child", "children", "enfant", "enfants", "kind", "kinder",
        "kinderen", "nino", "ninos", "bambino", "bambini", "dziecko", "dzieci", "senior", "seniors", "youth", "jeune",
        "jeunes", "passager", "reisender", "viajero", "passeggero", "reiziger", "pasazer", "traveller", "traveler",
        "voyageur", "voyageuse",
    ])

    /// A fare or a class of travel (`Tarif Second`, `2. Klasse`, `Tarifa Básica`, `Seconda classe`),
    /// or the ticket's price itself (`Fahrpreis`, `Prix du billet`, `Ticket price`, `Ritprijs`).
    static let fareWords: Set<String> = [
        "tarif", "tarifs", "fare", "fares", "tarifa", "tariffa", "tarief", "taryfa", "classe", "class", "klasse", "clase",
        "klasa", "klas", "fahrpreis", "fahrpreise", "ticketpreis", "billet", "billets", "ticket", "tickets", "billete",
        "billetes", "biglietto", "biglietti", "ritprijs", "kaartje", "bilet", "bilety",
    ]
}
