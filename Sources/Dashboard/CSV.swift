/// RFC 4180 CSV: fields holding a comma, a quote, CR or LF are quoted (quotes doubled), and
/// every record ends with CRLF. Used by the CLI's CSV output and by `export`.
public enum CSV {
    /// One field, quoted when needed.
    public static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record with its CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
