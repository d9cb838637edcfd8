import Foundation
import Intl

/// Tracking numbers in a mail's text and links: formats with a check digit (UPS `1Z…`, UPU
/// S10, SSCC) wherever they appear, other formats after a tracking label (`Numéro de suivi`,
/// `Tracking number`, `Sendungsnummer`, `Waybill`). A number whose check digit is wrong is
/// rejected, never kept.
enum TrackingFinder {
    struct Result {
        var numbers: [TrackingNumber] = []
        /// Numbers that had a tracking number's shape but a wrong check digit.
        var rejected: [String] = []
    }

    static func find(in lines: [String], excluding orderNumber: String? = nil) -> Result {
        var result = Result()
        // An order number is never its own tracking number.
        var seen: Set<String> = orderNumber.map { [String($0.uppercased().filter { $0.isLetter || $0.isNumber })] } ?? []
        let mailCarrier = statedCarrier(in: lines)
        for (index, line) in lines.enumerated() {
            let folded = TextFolding.fold(line)
            let labelled = hasLabel(folded) || (index > 0 && isLabelOnly(lines[index - 1]) && line.count < 80)
            for token in tokens(of: line) {
                guard token.count >= 8, token.count <= 34, !seen.contains(token) else { continue }
                guard let (format, valid) = TrackingNumber.format(of: token) else { continue }
                let strong = format == .ups || format == .upuS10 || format == .sscc || format == .colissimo || format == .amazon
                guard strong || labelled else { continue }
                seen.insert(token)
                guard valid else {
                    result.rejected.append(token)
                    continue
                }
                let carrier = carrierNamed(in: folded) ?? mailCarrier ?? Carriers.carrier(for: token, format: format)
                result.numbers.append(TrackingNumber(carrier: carrier, number: token))
            }
        }
        return result
    }

    /// Candidate tokens: words and the values of link parameters, uppercased.
    static func tokens(of line: String) -> [String] {
        line.split(whereSeparator: { !($0.isLetter || $0.isNumber) || !$0.isASCII }).map { $0.uppercased() }
    }

    static let labels: [String] = [
        "tracking", "suivi", "sendungsnummer", "sendungsverfolgung", "paketnummer", "trackingnummer", "seguimiento",
        "tracciamento", "waybill", "awb", "numero de colis", "n° de colis", "colis n", "parcel number", "shipment number",
        "numero d expedition", "lettre de voiture", "zendingnummer", "numer przesylki", "track", "sendung",
    ]

    /// A line that only announces a tracking number on the next line ("Numéro de suivi :").
    static func isLabelOnly(_ line: String) -> Bool {
        let folded = TextFolding.fold(line)
        return hasLabel(folded) && Words(folded).count <= 5 && !tokens(of: line).contains { $0.count >= 8 && $0.contains(where: \.isNumber) }
    }

    static func hasLabel(_ folded: String) -> Bool {
        let normalized = StatusDetector.normalize(folded)
        return labels.contains { normalized.contains($0) }
    }

    /// A carrier named on the line.
    static func carrierNamed(in folded: String) -> String? {
        let text = " " + StatusDetector.normalize(folded) + " "
        return Carriers.names.first { text.contains(" " + $0.folded + " ") }?.name
    }

    /// The carrier a mail states (`Transporteur : Colissimo`, `Carrier: Royal Mail`,
    /// `delivered by UPS`), when it states exactly one.
    static func statedCarrier(in lines: [String]) -> String? {
        var named: Set<String> = []
        for line in lines {
            let folded = TextFolding.fold(line)
            let normalized = " " + StatusDetector.normalize(folded) + " "
            guard ["transporteur", "carrier", "versanddienstleister", "transportista", "corriere", "vervoerder", "delivered by",
                   "livre par", "being delivered by", "expedie par", "versand mit", "shipped with", "shipped via", "tracking number"]
                .contains(where: { normalized.contains(" " + $0 + " ") }) || hasLabel(folded)
            else { continue }
            if let carrier = carrierNamed(in: folded) { named.insert(carrier) }
        }
        return named.count == 1 ? named.first : nil
    }
}
