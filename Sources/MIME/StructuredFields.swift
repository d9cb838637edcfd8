/// Readers for the small structured fields: message ids and the list and bulk-mail headers.
enum StructuredFields {
    /// `Message-ID`: the first `<…>` token; a bare id gets its brackets added (RFC 5322 §3.6.4).
    static func messageID(_ value: String) -> String? {
        let cleaned = HeaderText.removingComments(value)
        if let token = HeaderText.angleTokens(cleaned).first { return token }
        guard let bare = cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" }).first, !bare.isEmpty else { return nil }
        return "<\(bare)>"
    }

    /// `In-Reply-To` / `References`: every `<…>` token; bare ids with `@` get brackets.
    static func messageIDList(_ value: String) -> [String] {
        let cleaned = HeaderText.removingComments(value)
        let tokens = HeaderText.angleTokens(cleaned)
        if !tokens.isEmpty { return tokens }
        return cleaned.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .filter { $0.utf8.contains(UInt8(ascii: "@")) }
            .map { "<\($0)>" }
    }

    /// `List-Id` (RFC 2919 §3): the phrase (RFC 2047 decoded) and the id without brackets.
    static func listID(_ value: String, log: inout WarningLog) -> (name: String?, id: String?) {
        let cleaned = HeaderText.removingComments(value)
        // ASCII (nearly every List-Id) is read on bytes: there every byte is a character (CRLF
        // aside, which is whitespace and holds no bracket) and whitespace is 0x09–0x0D and 0x20.
        let ascii = cleaned.utf8.allSatisfy { $0 < 0x80 }
        guard let open = ascii ? cleaned.utf8.lastIndex(of: 0x3C) : cleaned.lastIndex(of: "<") else {
            let bare = cleaned.trimmingSpaces
            return (nil, bare.isEmpty ? nil : bare)
        }
        let rest = cleaned[cleaned.index(after: open)...]
        let id = ascii
            ? String(decoding: rest.utf8.prefix { $0 != 0x3E }.filter { $0 != 0x20 && !(0x09...0x0D).contains($0) }, as: UTF8.self)
            : String(rest.prefix { $0 != ">" }).filter { !$0.isWhitespace }
        var phrase = String(cleaned[..<open]).trimmingSpaces
        if phrase.hasPrefix("\""), phrase.hasSuffix("\""), phrase.count >= 2 {
            phrase = String(phrase.dropFirst().dropLast()).replacingBackslashEscapes
        }
        phrase = HeaderText.collapsingWhitespace(EncodedWords.decode(phrase, log: &log))
        return (phrase.isEmpty ? nil : phrase, id.isEmpty ? nil : id)
    }

    /// `List-Unsubscribe` (RFC 2369 §3.2): the URIs without brackets, in order.
    static func listUnsubscribe(_ value: String) -> [String] {
        let tokens = HeaderText.angleTokens(value)
        if !tokens.isEmpty { return tokens.map { String($0.dropFirst().dropLast()) } }
        return value.split(separator: ",").map { String($0).trimmingSpaces }.filter { $0.utf8.contains(UInt8(ascii: ":")) }
    }

    /// The first keyword of a value, lowercased (`auto-generated; x=y` → `auto-generated`).
    static func keyword(_ value: String) -> String? {
        let cleaned = HeaderText.removingComments(value)
        let word = cleaned.prefix { $0 != ";" }.trimmingSpaces.lowercased()
        return word.isEmpty ? nil : word
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// With `\x` quoted pairs replaced by `x`.
    var replacingBackslashEscapes: String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return String(self) }
        var output = ""
        var escaped = false
        for character in self {
            if !escaped, character == "\\" { escaped = true; continue }
            escaped = false
            output.append(character)
        }
        return output
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n"
}
