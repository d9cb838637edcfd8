import CLibXML2

/// Character references for the streaming renderer: the common named entities in a table,
/// the rest of HTML 4's from libxml2, numeric ones per WHATWG §13.2.5.80.
enum HTMLEntities {
    /// The scalar for entity `name` (without `&` and `;`), or `nil` when unknown.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let key = String(decoding: name, as: UTF8.self)
        if let value = common[key] { return Unicode.Scalar(value) }
        // libxml2's table is searched linearly: only for the rare names.
        var cName = Array(name)
        cName.append(0)
        guard let entity = cName.withUnsafeBufferPointer({ htmlEntityLookup($0.baseAddress) }) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }

    /// `&#…;` values: NUL, surrogates and out-of-range become U+FFFD; C1 controls map as
    /// windows-1252 (browsers do, and mail relies on `&#128;` meaning €).
    static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80, value <= 0x9F {
            return Unicode.Scalar(windows1252C1[Int(value - 0x80)]) ?? "\u{FFFD}"
        }
        guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return scalar
    }

    private static let windows1252C1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    private static let common: [String: UInt32] = [
        "nbsp": 0xA0, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "euro": 0x20AC,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014, "ndash": 0x2013,
        "laquo": 0xAB, "raquo": 0xBB, "lsquo": 0x2018, "rsquo": 0x2019, "ldquo": 0x201C, "rdquo": 0x201D,
        "sbquo": 0x201A, "bdquo": 0x201E, "bull": 0x2022, "middot": 0xB7, "times": 0xD7, "deg": 0xB0,
        "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7, "para": 0xB6, "shy": 0xAD, "zwnj": 0x200C,
        "zwj": 0x200D, "thinsp": 0x2009, "ensp": 0x2002, "emsp": 0x2003, "iexcl": 0xA1, "iquest": 0xBF,
        "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6,
        "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB, "igrave": 0xEC, "iacute": 0xED,
        "icirc": 0xEE, "iuml": 0xEF, "ntilde": 0xF1, "ograve": 0xF2, "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5,
        "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "szlig": 0xDF,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Auml": 0xC4, "Ccedil": 0xC7, "Egrave": 0xC8,
        "Eacute": 0xC9, "Ecirc": 0xCA, "Ouml": 0xD6, "Uuml": 0xDC, "Oslash": 0xD8, "AElig": 0xC6,
    ]
}
