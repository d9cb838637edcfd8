import CICU

extension Charset {
    /// Canonical charset name for a MIME charset label, or `nil` for an empty label.
    ///
    /// Lowercases, trims spaces and quotes, and applies the WHATWG label table for the labels
    /// mail gets wrong (https://encoding.spec.whatwg.org/#names-and-labels): `us-ascii` and
    /// `iso-8859-1` become `windows-1252`, `gb2312` becomes `gb18030`, and so on. Other labels
    /// are returned normalized for ICU to resolve.
    public static func normalizedLabel(_ label: String) -> String? {
        var trimmed = Substring(label)
        while let first = trimmed.first, first == " " || first == "\"" || first == "'" || first == "\t" {
            trimmed.removeFirst()
        }
        while let last = trimmed.last, last == " " || last == "\"" || last == "'" || last == "\t" || last == ";" {
            trimmed.removeLast()
        }
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        return aliases[lower] ?? lower
    }

    private static let aliases: [String: String] = {
        var table: [String: String] = [:]
        func map(_ labels: [String], to name: String) { for label in labels { table[label] = name } }
        map(["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"], to: "utf-8")
        map([
            "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-6", "iso646-us", "us", "cp367", "ibm367", "csascii",
            "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "iso_8859-1:1987", "latin1", "l1", "cp819",
            "ibm819", "iso-ir-100", "csisolatin1", "windows-1252", "cp1252", "x-cp1252", "win-1252",
        ], to: "windows-1252")
        map(["iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5", "windows-1254", "cp1254", "x-cp1254"], to: "windows-1254")
        map(["iso-8859-11", "tis-620", "windows-874", "dos-874"], to: "windows-874")
        map(["gb2312", "gbk", "x-gbk", "csgb2312", "chinese", "gb_2312-80", "gb_2312", "cp936", "ms936", "windows-936", "gb18030"], to: "gb18030")
        map(["ks_c_5601-1987", "ks_c_5601-1989", "euc-kr", "ksc5601", "ksc_5601", "windows-949", "cp949", "cseuckr"], to: "windows-949")
        map(["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "cp932"], to: "shift_jis")
        map(["koi8-r", "koi8r", "koi8", "cskoi8r", "koi"], to: "koi8-r")
        map(["koi8-u", "koi8-ru"], to: "koi8-u")
        map(["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"], to: "big5")
        map(["iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9", "csisolatin9"], to: "iso-8859-15")
        for number in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 16] {
            map(["iso-8859-\(number)", "iso8859-\(number)", "iso_8859-\(number)"], to: "iso-8859-\(number)")
        }
        for number in 1250...1258 where number != 1252 && number != 1254 {
            map(["windows-\(number)", "cp\(number)", "x-cp\(number)"], to: "windows-\(number)")
        }
        map(["mac", "macintosh", "x-mac-roman", "csmacintosh"], to: "macintosh")
        return table
    }()
}

extension Charset {
    /// Whether `label` names a charset this module can decode (after WHATWG normalization).
    public static func isKnown(_ label: String) -> Bool {
        guard let name = normalizedLabel(label) else { return false }
        if name == "utf-8" || name == "windows-1252" { return true }
        return name.withCString { mr_icu_charset_known($0) != 0 }
    }
}
