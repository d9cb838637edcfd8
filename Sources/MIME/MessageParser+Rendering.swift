import HTML

extension MessageParser {
    /// An HTML part's text rendered for matching: the ``TextPart/renderedText`` the parser
    /// gives a `text/html` part whose ``TextPart/text`` is `html`. The store keeps the HTML
    /// only; readers of stored parts render it again with this.
    public static func renderedText(ofHTML html: String) -> String {
        HTMLText.render(html)
    }
}
