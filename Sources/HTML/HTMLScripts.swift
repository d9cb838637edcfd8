/// The JSON-LD blocks of an HTML document (`<script type="application/ld+json">`), read in one
/// pass over its bytes like ``HTMLTables``: the same text ``HTMLDocument/jsonLDBlocks`` gives,
/// without parsing the document.
public enum HTMLScripts {
    /// The contents of every JSON-LD script, in document order (raw: script text is never decoded).
    public static func jsonLD(in html: String) -> [String] {
        var source = html
        return source.withUTF8 { bytes in
            var tokenizer = HTMLTokenizer(bytes)
            var blocks: [String] = []
            let script = Array("script".utf8)
            while let token = tokenizer.next() {
                guard case .startTag(let range, let selfClosing) = token, !selfClosing, range.count == 6,
                    (0..<6).allSatisfy({ bytes[range.lowerBound + $0] | 0x20 == script[$0] })
                else { continue }
                let isJSONLD = tokenizer.attribute("type").map { $0.lowercased().contains("ld+json") } ?? false
                let start = tokenizer.position
                script.withUnsafeBufferPointer { tokenizer.skipRawText(until: $0) }
                if isJSONLD {
                    blocks.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<tokenizer.position]), as: UTF8.self))
                }
            }
            return blocks
        }
    }
}
