/// Reading the structure of a regular expression's source, for the analyses that decide which
/// texts a pattern needs (``RequiredWords``) or starts with (``LeadingLiterals``).
enum RegexSource {
    /// Splits at `|` outside groups and classes.
    static func splitTopLevel(_ scalars: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var parts: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0
        var inClass = false
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\\" { index += 2; continue }
            if inClass { if scalar == "]" { inClass = false } }
            else if scalar == "[" { inClass = true }
            else if scalar == "(" { depth += 1 }
            else if scalar == ")" { depth -= 1 }
            else if scalar == "|" && depth == 0 {
                parts.append(scalars[start..<index])
                start = index + 1
            }
            index += 1
        }
        parts.append(scalars[start..<min(index, scalars.endIndex)])
        return parts
    }

    /// The offset of the `)` closing the group opened at `open`, skipping escapes and classes;
    /// `nil` when it is never closed.
    static func closingParenthesis(_ scalars: ArraySlice<Unicode.Scalar>, from open: Int) -> Int? {
        var depth = 0
        var inClass = false
        var index = open
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\\" { index += 2; continue }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                depth += 1
            } else if scalar == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
