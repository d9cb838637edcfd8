/// The brand a sending platform's display name carries, without the words around it that name a
/// department, a legal form or a country: `Decathlon Service Client`, `Notion Labs, Inc.` and
/// `Nothing Support` are sent by Decathlon, Notion and Nothing.
enum DisplayNameBrand {
    /// Folded words of the display name that still name the brand (at least one word is kept).
    static func words(_ displayName: String) -> [String] {
        var words = TextFoldingWords.words(displayName)
        // `Café Pilote via SumUp`: the platform named after `via` is not the brand.
        if let via = words.lastIndex(of: "via"), via > 0 { words.removeSubrange(via...) }
        // Trailing department and legal-form words, then one trailing company or country word.
        while words.count > 1, let last = words.last, trailing.contains(last) || department(endingAt: words) > 0 {
            let drop = max(1, department(endingAt: words))
            words.removeLast(min(drop, words.count - 1))
        }
        if words.count > 1, let last = words.last, companyWords.contains(last) { words.removeLast() }
        // `Support Withings`, `Service client Fnac`: a department before the brand.
        while words.count > 1, let first = words.first, leadingDepartments.contains(first) { words.removeFirst() }
        return words
    }

    /// How many words at the end of `words` name a department (`service client`: 2).
    static func department(endingAt words: [String]) -> Int {
        for phrase in departments where phrase.count < words.count && Array(words.suffix(phrase.count)) == phrase {
            return phrase.count
        }
        return 0
    }

    static let trailing: Set<String> = [
        "inc", "ltd", "llc", "gmbh", "ag", "sas", "sa", "sarl", "spa", "srl", "bv", "nv", "sl", "plc", "corp", "corporation",
        "limited", "co", "kg", "sp", "zoo", "oy", "ab", "as", "se",
        "support", "team", "equipe", "help", "helpdesk", "billing", "receipts", "notifications", "noreply",
        "kundenservice", "kundendienst", "klantenservice", "assistenza", "soporte", "sav",
        "postventa", "posventa", "aftersales", "postvendita", "kundencenter",
    ]

    static let departments: [[String]] = [
        ["service", "client"], ["service", "clients"], ["relation", "client"], ["customer", "service"],
        ["customer", "care"], ["customer", "support"], ["atencion", "al", "cliente"], ["servizio", "clienti"],
        ["obsluga", "klienta"], ["service", "apres", "vente"], ["apres", "vente"], ["after", "sales"], ["post", "vendita"],
    ]

    static let leadingDepartments: Set<String> = ["support", "service", "client", "equipe", "team", "kundenservice"]

    static let companyWords: Set<String> = [
        "labs", "group", "groupe", "gruppe", "technologies", "technology", "tech", "software", "studio", "studios",
        "france", "deutschland", "espana", "italia", "nederland", "polska", "uk", "europe",
    ]
}
