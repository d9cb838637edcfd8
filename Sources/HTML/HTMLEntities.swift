import CLibXML2

/// Character references for the streaming renderer: the common named entities in a table,
/// the rest of HTML 4's from libxml2, numeric ones per WHATWG §13.2.5.80.
enum HTMLEntities {
    /// The scalar for entity `name` (without `&` and `;`), or `nil` when unknown.
    static func lookup(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if let key = CommonTable.key(name), let value = common.value(key) { return Unicode.Scalar(value) }
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

    private static let common = CommonTable([
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
    ])

    /// The common entities by packed name (see ``key(_:)``) in an open-addressed table, like
    /// ``ElementKind/NameTable``: a multiplication and a compare or two per reference, where a
    /// `Dictionary` made a string of the name and hashed it with SipHash.
    struct CommonTable {
        private var keys = [UInt64](repeating: 0, count: 256)
        private var values = [UInt32](repeating: 0, count: 256)

        init(_ entries: [String: UInt32]) {
            for (name, value) in entries {
                var bytes = Array(name.utf8)
                guard let key = bytes.withUnsafeMutableBufferPointer({ Self.key(UnsafeBufferPointer($0)) }) else { continue }
                var slot = Self.slot(key)
                while keys[slot] != 0 { slot = (slot + 1) & 255 }
                keys[slot] = key
                values[slot] = value
            }
        }

        /// An exact packed key for names of up to 10 ASCII letters and digits, case kept
        /// (`Agrave` is not `agrave`): 6 bits each, never zero. `nil` for any other name.
        static func key(_ name: UnsafeBufferPointer<UInt8>) -> UInt64? {
            guard name.count > 0, name.count <= 10 else { return nil }
            var key: UInt64 = 0
            for byte in name {
                let code: UInt64
                switch byte {
                case 0x61...0x7A: code = UInt64(byte - 0x61 + 1)
                case 0x41...0x5A: code = UInt64(byte - 0x41 + 27)
                case 0x30...0x39: code = UInt64(byte - 0x30 + 53)
                default: return nil
                }
                key = key << 6 | code
            }
            return key
        }

        /// The scalar value of a packed name, or `nil` when it is not a common entity.
        func value(_ key: UInt64) -> UInt32? {
            var slot = Self.slot(key)
            while true {
                let stored = keys[slot]
                if stored == key { return values[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & 255
            }
        }

        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }
    }
}
