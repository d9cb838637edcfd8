import Foundation

/// A parcel tracking number and the carrier that handles it.
public struct TrackingNumber: Sendable, Hashable {
    /// The carrier's usual name (`UPS`, `Colissimo`, `Royal Mail`), when known.
    public var carrier: String?
    /// The number, uppercase, without spaces.
    public var number: String

    public init(carrier: String?, number: String) {
        self.carrier = carrier
        self.number = number
    }

    /// The formats whose check digit can be verified, and the others recognised by shape.
    public enum Format: String, Sendable, Hashable {
        /// `1Z` + 16 characters, mod-10 check digit.
        case ups
        /// UPU S10 (`RM482210937GB`): 2 letters, 8 digits, a mod-11 check digit, a country code.
        case upuS10
        /// GS1 SSCC with its application identifier (`00` + 18 digits), mod-10 check digit.
        case sscc
        /// DHL Express air waybill: 10 digits, mod-7 check digit.
        case dhlExpress
        /// USPS Intelligent Mail package barcode: 20–22 digits starting `9`, mod-10 check digit.
        case usps
        /// Colissimo domestic (`6A24918730552`): a digit, a letter, 11 digits.
        case colissimo
        /// Amazon Logistics (`TBA123456789012`).
        case amazon
        /// Letters and digits of a plausible length, named by a tracking label.
        case other
    }

    /// The format of a normalised number, and whether its check digit (if it has one) is right:
    /// `nil` when it is no tracking number at all.
    public static func format(of number: String) -> (format: Format, valid: Bool)? {
        let bytes = Array(number.utf8)
        guard bytes.count >= 8, bytes.count <= 34, bytes.allSatisfy({ isDigit($0) || isUpper($0) }) else { return nil }
        if bytes.count == 18, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "Z") {
            return (.ups, upsCheck(bytes))
        }
        if bytes.count == 13, isUpper(bytes[0]), isUpper(bytes[1]), bytes[2..<11].allSatisfy(isDigit), isUpper(bytes[11]), isUpper(bytes[12]) {
            return (.upuS10, s10Check(bytes))
        }
        if bytes.allSatisfy(isDigit) {
            if bytes.count == 20, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "0") {
                return (.sscc, gs1Check(bytes[2...]))
            }
            if (20...22).contains(bytes.count), bytes[0] == UInt8(ascii: "9") { return (.usps, gs1Check(bytes[...])) }
            if bytes.count == 10 { return (.dhlExpress, dhlExpressCheck(bytes)) }
            return (10...22).contains(bytes.count) ? (.other, true) : nil
        }
        if bytes.count == 13, isDigit(bytes[0]), isUpper(bytes[1]), bytes[2...].allSatisfy(isDigit) { return (.colissimo, true) }
        if bytes.count == 15, number.hasPrefix("TBA") || number.hasPrefix("TBC") || number.hasPrefix("TBM"),
            bytes[3...].allSatisfy(isDigit)
        {
            return (.amazon, true)
        }
        // Mixed letters and digits: at least half digits, so words and codes are not taken.
        let digits = bytes.filter(isDigit).count
        return digits * 2 >= bytes.count && digits >= 6 ? (.other, true) : nil
    }

    /// A tracking number from what a mail wrote, with its carrier: `nil` when it is no
    /// tracking number or its check digit is wrong.
    public static func validated(_ written: String, carrier: String?) -> TrackingNumber? {
        let number = String(written.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }).uppercased()
        guard let (format, valid) = format(of: number), valid else { return nil }
        return TrackingNumber(carrier: carrier.map(Carriers.canonical) ?? Carriers.carrier(for: number, format: format), number: number)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// UPS: characters 3–17 (letters as `(code - 63) mod 10`), odd positions plus twice the even
    /// ones; the check digit completes the sum to a multiple of ten.
    static func upsCheck(_ bytes: [UInt8]) -> Bool {
        var sum = 0
        for (offset, byte) in bytes[2..<17].enumerated() {
            let value = isDigit(byte) ? Int(byte - 0x30) : (Int(byte) - 63) % 10
            sum += offset % 2 == 0 ? value : 2 * value
        }
        return (10 - sum % 10) % 10 == Int(bytes[17]) - 0x30
    }

    /// UPU S10 (UPU standard S10): weights 8 6 4 2 3 5 9 7, 11 minus the sum mod 11, where 10
    /// becomes 0 and 11 becomes 5.
    static func s10Check(_ bytes: [UInt8]) -> Bool {
        let weights = [8, 6, 4, 2, 3, 5, 9, 7]
        let sum = zip(bytes[2..<10], weights).reduce(0) { $0 + Int($1.0 - 0x30) * $1.1 }
        var check = 11 - sum % 11
        if check == 10 { check = 0 } else if check == 11 { check = 5 }
        return check == Int(bytes[10]) - 0x30
    }

    /// GS1 mod 10: weights 3 and 1 alternating from the right of the payload.
    static func gs1Check(_ digits: ArraySlice<UInt8>) -> Bool {
        guard let last = digits.last else { return false }
        let payload = digits.dropLast()
        var sum = 0
        for (offset, byte) in payload.reversed().enumerated() { sum += Int(byte - 0x30) * (offset % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10 == Int(last) - 0x30
    }

    /// DHL Express: the first nine digits mod 7.
    static func dhlExpressCheck(_ bytes: [UInt8]) -> Bool {
        let value = bytes[0..<9].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return value % 7 == Int(bytes[9]) - 0x30
    }
}

/// Carrier names as people know them, and the carrier a number's format implies.
enum Carriers {
    /// Known carriers: how mail writes them (folded) → usual name. Longer names first.
    static let names: [(folded: String, name: String)] = [
        ("amazon logistics", "Amazon Logistics"), ("dhl express", "DHL Express"), ("dhl paket", "DHL"), ("deutsche post", "Deutsche Post"),
        ("royal mail", "Royal Mail"), ("parcelforce", "Parcelforce"), ("colissimo", "Colissimo"), ("chronopost", "Chronopost"),
        ("mondial relay", "Mondial Relay"), ("relais colis", "Relais Colis"), ("colis prive", "Colis Privé"), ("la poste", "La Poste"),
        ("fedex", "FedEx"), ("usps", "USPS"), ("ups", "UPS"), ("dhl", "DHL"), ("dpd", "DPD"), ("gls", "GLS"), ("evri", "Evri"),
        ("hermes", "Hermes"), ("yodel", "Yodel"), ("postnl", "PostNL"), ("bpost", "bpost"), ("correos express", "Correos Express"),
        ("correos", "Correos"), ("seur", "SEUR"), ("poste italiane", "Poste Italiane"), ("brt", "BRT"), ("tnt", "TNT"),
        ("inpost", "InPost"), ("swiss post", "Swiss Post"), ("canada post", "Canada Post"), ("australia post", "Australia Post"),
        ("geodis", "Geodis"), ("kuehne", "Kuehne+Nagel"),
    ]

    /// The usual spelling of a carrier name as written.
    static func canonical(_ written: String) -> String {
        let folded = written.lowercased().trimmingCharacters(in: .whitespaces)
        return names.first { $0.folded == folded }?.name ?? written.trimmingCharacters(in: .whitespaces)
    }

    /// The carrier a number's format implies, when it implies one.
    static func carrier(for number: String, format: TrackingNumber.Format) -> String? {
        switch format {
        case .ups: return "UPS"
        case .dhlExpress: return "DHL"
        case .sscc: return nil
        case .usps: return "USPS"
        case .colissimo: return "Colissimo"
        case .amazon: return "Amazon Logistics"
        case .other: return nil
        case .upuS10:
            switch String(number.suffix(2)) {
            case "FR": return number.hasPrefix("C") || number.hasPrefix("L") ? "Colissimo" : "La Poste"
            case "GB": return "Royal Mail"
            case "US": return "USPS"
            case "DE": return "Deutsche Post"
            case "ES": return "Correos"
            case "IT": return "Poste Italiane"
            case "NL": return "PostNL"
            case "BE": return "bpost"
            case "CH": return "Swiss Post"
            case "CA": return "Canada Post"
            case "AU": return "Australia Post"
            default: return nil
            }
        }
    }
}
