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
        find(in: lines.map(TextLine.init), excluding: orderNumber)
    }

    static func find(in lines: [TextLine], excluding orderNumber: String? = nil) -> Result {
        var result = Result()
        // An order number is never its own tracking number.
        var seen: Set<String> = orderNumber.map { [String($0.uppercased().filter { $0.isLetter || $0.isNumber })] } ?? []
        var mailCarrier: String??
        for (index, line) in lines.enumerated() where line.hasDigit && mayHoldNumber(line.text) {
            let labelled = labelList.matches(line.key) || (index > 0 && isLabelOnly(lines[index - 1]) && line.text.count < 80)
            for token in tokens(of: line.text) {
                guard token.count >= 8, token.count <= 34, !seen.contains(token) else { continue }
                guard let (format, valid) = TrackingNumber.format(of: token) else { continue }
                let strong = format == .ups || format == .upuS10 || format == .sscc || format == .colissimo || format == .amazon
                guard strong || labelled else { continue }
                seen.insert(token)
                guard valid else {
                    result.rejected.append(token)
                    continue
                }
                if mailCarrier == nil { mailCarrier = .some(statedCarrier(in: lines)) }
                let carrier = carrierNamed(in: line.key) ?? mailCarrier! ?? Carriers.carrier(for: token, format: format)
                result.numbers.append(TrackingNumber(carrier: carrier, number: token))
            }
        }
        return result
    }

    /// Whether a line has a run of eight letters and digits with a digit in it (cheap test first).
    static func mayHoldNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHoldNumber(utf8:))
    }

    private static func mayHoldNumber(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        var digit = false
        for byte in utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                run += 1
                digit = digit || isDigit
                if run >= 8 && digit { return true }
            } else {
                run = 0
                digit = false
            }
        }
        return false
    }

    /// Candidate tokens: words and the values of link parameters, uppercased.
    static func tokens(of line: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        for byte in line.utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) {
                current.append(byte)
            } else if byte >= 0x61 && byte <= 0x7A {
                current.append(byte - 0x20)
            } else if !current.isEmpty {
                if current.count >= 8 { tokens.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if current.count >= 8 { tokens.append(String(decoding: current, as: UTF8.self)) }
        return tokens
    }

    static let labels: [String] = [
        "tracking", "suivi", "sendungsnummer", "sendungsverfolgung", "paketnummer", "trackingnummer", "seguimiento",
        "tracciamento", "waybill", "awb", "numero de colis", "n de colis", "colis n", "parcel number", "shipment number",
        "numero d expedition", "lettre de voiture", "zendingnummer", "numer przesylki", "track*", "sendung",
    ]
    static let labelList = PhraseList(labels)

    /// A line that only announces a tracking number on the next line ("Numéro de suivi :").
    static func isLabelOnly(_ line: TextLine) -> Bool {
        labelList.matches(line.key) && line.key.bytes.filter { $0 == 0x20 }.count <= 6 && !mayHoldNumber(line.text)
    }

    static let carrierList = Carriers.names.map { (phrase: Array((" " + $0.folded + " ").utf8), name: $0.name) }

    /// A carrier named on the line.
    static func carrierNamed(in key: SearchKey) -> String? {
        carrierList.first { key.contains($0.phrase) }?.name
    }

    static let carrierCues = PhraseList([
        "transporteur", "carrier", "versanddienstleister", "transportista", "corriere", "vervoerder", "delivered by",
        "livre par", "being delivered by", "expedie par", "versand mit", "shipped with", "shipped via", "tracking number",
    ])

    /// The carrier a mail states (`Transporteur : Colissimo`, `Carrier: Royal Mail`,
    /// `delivered by UPS`), when it states exactly one.
    static func statedCarrier(in lines: [TextLine]) -> String? {
        var named: Set<String> = []
        for line in lines where carrierCues.matches(line.key) || labelList.matches(line.key) {
            if let carrier = carrierNamed(in: line.key) { named.insert(carrier) }
        }
        return named.count == 1 ? named.first : nil
    }
}
