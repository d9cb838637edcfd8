import Foundation
import Intl
import Synchronization

/// Turns what mail writes beside amounts (`€`, `$`, `kr`, `EUR`, `CHF`) into ISO 4217 codes.
///
/// Unambiguous signs come from a table; ambiguous ones (`$`, `kr`, `¥`) are resolved by ICU
/// under the locale of the vendor's country (its domain's top-level domain: `$` is CAD for a
/// `.ca` shop, `kr` is NOK for a `.no` one), else by the most common reading.
public struct CurrencyResolver: Sendable, Hashable {
    /// The ICU locale of the vendor's country (`fr_FR`), or `en_US` when the domain says nothing.
    public let locale: String
    /// The currency of the vendor's country, for amounts written without any sign; `nil` for
    /// international domains (`.com`).
    public let defaultCurrency: String?
    /// Whether that country writes month before day (`03/04/2025` is March 4th).
    public let monthFirst: Bool

    /// The resolver for a vendor's registrable domain (`amazon.co.uk`), or for none.
    public init(domain: String?) {
        let labels = (domain ?? "").lowercased().split(separator: ".").map(String.init)
        let country = labels.count >= 2 ? Self.countries[labels[labels.count - 1]] : nil
        locale = country?.locale ?? "en_US"
        defaultCurrency = country?.currency
        monthFirst = country?.locale == "en_US"
    }

    /// The ISO code for a currency sign or code as written, or `nil` when it is not one.
    public func code(for sign: String) -> String? {
        let trimmed = sign.trimmingCharacters(in: .whitespaces)
        if let code = Self.unambiguous[trimmed] { return code }
        let upper = trimmed.uppercased()
        if upper.utf8.count == 3, Money.isCurrencyCode(upper), trimmed == upper { return upper }
        guard let fallback = Self.ambiguous[trimmed.lowercased()] else { return nil }
        return Self.resolved(trimmed.lowercased(), locale: locale) ?? fallback
    }

    /// ICU's reading of an ambiguous sign under a locale, computed once per pair.
    static func resolved(_ sign: String, locale: String) -> String? {
        let key = sign + "|" + locale
        if let cached = cache.withLock({ $0[key] }) { return cached.isEmpty ? nil : cached }
        var code: String?
        for text in [sign + "1", "1 " + sign, sign + " 1"] {
            if let reading = ICUMoney.parse(text, locale: locale), let found = reading.currency,
                reading.length == text.utf16.count
            {
                code = found
                break
            }
        }
        // ICU reads any sign under any locale when it can; keep only country-consistent answers.
        if let found = code, let allowed = ambiguousReadings[sign], !allowed.contains(found) { code = nil }
        cache.withLock { $0[key] = code ?? "" }
        return code
    }

    private static let cache = Mutex<[String: String]>([:])

    /// Signs that name one currency wherever they are written.
    static let unambiguous: [String: String] = [
        "€": "EUR", "EUR": "EUR", "Euro": "EUR", "euro": "EUR", "euros": "EUR", "Euros": "EUR",
        "£": "GBP", "GBP": "GBP", "₹": "INR", "Rs": "INR", "Rs.": "INR", "₽": "RUB", "руб.": "RUB", "₺": "TRY",
        "₩": "KRW", "₪": "ILS", "zł": "PLN", "zl": "PLN", "Kč": "CZK", "Ft": "HUF", "lei": "RON", "лв.": "BGN",
        "лв": "BGN", "CHF": "CHF", "Fr.": "CHF", "SFr.": "CHF", "US$": "USD", "U$S": "USD", "C$": "CAD", "CA$": "CAD",
        "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "₫": "VND",
        "฿": "THB", "₱": "PHP", "₴": "UAH", "₦": "NGN", "৳": "BDT", "₸": "KZT", "₾": "GEL",
    ]

    /// Signs several currencies use, with the reading when the country says nothing.
    static let ambiguous: [String: String] = ["$": "USD", "kr": "SEK", "kr.": "DKK", "¥": "JPY", "￥": "JPY", "円": "JPY", "元": "CNY"]

    /// The currencies each ambiguous sign may stand for.
    static let ambiguousReadings: [String: Set<String>] = [
        "$": ["USD", "CAD", "AUD", "NZD", "MXN", "SGD", "HKD", "ARS", "CLP", "COP", "TWD"],
        "kr": ["SEK", "NOK", "DKK", "ISK"], "kr.": ["SEK", "NOK", "DKK", "ISK"],
        "¥": ["JPY", "CNY"], "￥": ["JPY", "CNY"], "円": ["JPY"], "元": ["CNY"],
    ]

    /// Top-level domain → (ICU locale, currency).
    static let countries: [String: (locale: String, currency: String?)] = [
        "fr": ("fr_FR", "EUR"), "de": ("de_DE", "EUR"), "es": ("es_ES", "EUR"), "it": ("it_IT", "EUR"),
        "nl": ("nl_NL", "EUR"), "be": ("fr_BE", "EUR"), "at": ("de_AT", "EUR"), "ie": ("en_IE", "EUR"),
        "pt": ("pt_PT", "EUR"), "fi": ("fi_FI", "EUR"), "gr": ("el_GR", "EUR"), "lu": ("fr_LU", "EUR"),
        "sk": ("sk_SK", "EUR"), "si": ("sl_SI", "EUR"), "ee": ("et_EE", "EUR"), "lv": ("lv_LV", "EUR"),
        "lt": ("lt_LT", "EUR"), "mt": ("en_MT", "EUR"), "cy": ("el_CY", "EUR"), "hr": ("hr_HR", "EUR"),
        "eu": ("fr_FR", "EUR"), "uk": ("en_GB", "GBP"), "ch": ("de_CH", "CHF"), "li": ("de_LI", "CHF"),
        "se": ("sv_SE", "SEK"), "no": ("nb_NO", "NOK"), "dk": ("da_DK", "DKK"), "is": ("is_IS", "ISK"),
        "pl": ("pl_PL", "PLN"), "cz": ("cs_CZ", "CZK"), "hu": ("hu_HU", "HUF"), "ro": ("ro_RO", "RON"),
        "bg": ("bg_BG", "BGN"), "us": ("en_US", "USD"), "ca": ("en_CA", "CAD"), "au": ("en_AU", "AUD"),
        "nz": ("en_NZ", "NZD"), "mx": ("es_MX", "MXN"), "br": ("pt_BR", "BRL"), "jp": ("ja_JP", "JPY"),
        "cn": ("zh_CN", "CNY"), "in": ("en_IN", "INR"), "sg": ("en_SG", "SGD"), "hk": ("zh_HK", "HKD"),
        "za": ("en_ZA", "ZAR"), "tr": ("tr_TR", "TRY"), "il": ("he_IL", "ILS"), "ae": ("ar_AE", "AED"),
        "ma": ("fr_MA", "MAD"), "kr": ("ko_KR", "KRW"), "ru": ("ru_RU", "RUB"), "ua": ("uk_UA", "UAH"),
    ]
}
