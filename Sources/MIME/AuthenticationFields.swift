/// Readers for `DKIM-Signature` and `Authentication-Results`.
enum AuthenticationFields {
    /// The identity tags of a `DKIM-Signature` tag list (RFC 6376 §3.2, §3.5), or `nil` without `d=`.
    static func dkimSignature(_ value: String) -> DKIMSignature? {
        var tags: [String: String] = [:]
        for pair in value.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let tag = pair[..<equals].trimmingSpaces.lowercased()
            // Folding whitespace is insignificant inside tag values (§3.2).
            let tagValue = pair[pair.index(after: equals)...].filter { !$0.isWhitespace }
            if tags[tag] == nil { tags[tag] = tagValue }
        }
        guard let domain = tags["d"], !domain.isEmpty else { return nil }
        return DKIMSignature(
            domain: domain.lowercased(),
            selector: tags["s"].flatMap { $0.isEmpty ? nil : $0 },
            identity: tags["i"].flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// The method results of one `Authentication-Results` field (RFC 8601 §2.2).
    ///
    /// Comments are dropped, spacing around `=` and `;` is free, `method/version` loses its
    /// version, and `server; none` yields no result. https://www.rfc-editor.org/rfc/rfc8601#section-2.2
    static func authenticationResults(_ value: String) -> [AuthenticationResult] {
        let cleaned = HeaderText.removingComments(value)
        let segments = splitOutsideQuotes(cleaned, separator: ";")
        guard let head = segments.first else { return [] }
        // authserv-id, optionally followed by a version number.
        let servID = head.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }).first.map(String.init) ?? ""
        var results: [AuthenticationResult] = []
        for segment in segments.dropFirst() {
            let pairs = keyValuePairs(segment)
            guard let (methodKey, resultValue) = pairs.first else { continue }
            var method = methodKey.lowercased()
            if let slash = method.firstIndex(of: "/") { method = String(method[..<slash]) }
            guard !method.isEmpty, method != "none" else { continue }
            var properties: [String: String] = [:]
            for (key, propertyValue) in pairs.dropFirst() {
                let lowered = key.lowercased()
                if properties[lowered] == nil { properties[lowered] = propertyValue }
            }
            results.append(AuthenticationResult(authServID: servID, method: method, result: resultValue.lowercased(), properties: properties))
        }
        return results
    }

    /// `key = value` pairs of one resinfo, values unquoted; `key=` with spaces around `=` works.
    private static func keyValuePairs(_ segment: String) -> [(String, String)] {
        var tokens: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        func push() { if !current.isEmpty { tokens.append(current); current = "" } }
        for character in segment {
            if escaped { current.append(character); escaped = false; continue }
            if inQuotes {
                if character == "\\" { escaped = true } else if character == "\"" { inQuotes = false } else { current.append(character) }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "=": push(); tokens.append("=")
            case " ", "\t", "\r", "\n": push()
            default: current.append(character)
            }
        }
        push()
        var pairs: [(String, String)] = []
        var index = 0
        while index < tokens.count {
            if index + 2 < tokens.count, tokens[index + 1] == "=", tokens[index] != "=", tokens[index + 2] != "=" {
                pairs.append((tokens[index], tokens[index + 2]))
                index += 3
            } else if index + 1 < tokens.count, tokens[index + 1] == "=", tokens[index] != "=" {
                pairs.append((tokens[index], "")) // key= with empty value
                index += 2
            } else {
                index += 1
            }
        }
        return pairs
    }

    static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in text {
            if escaped { escaped = false; current.append(character); continue }
            if character == "\\", inQuotes { escaped = true; current.append(character); continue }
            if character == "\"" { inQuotes.toggle() }
            if character == separator, !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
