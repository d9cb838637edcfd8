import Foundation

/// Builds test messages inline: CRLF line endings from Swift literals with `\n`.
enum Fixture {
    /// `text` with every `\n` turned into CRLF, as bytes.
    static func crlf(_ text: String) -> Data {
        Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    /// Bytes for a message whose header or body holds raw 8-bit bytes: `parts` joined.
    static func bytes(_ parts: [UInt8]...) -> Data {
        Data(parts.joined())
    }

    static func ascii(_ text: String) -> [UInt8] { Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8) }

    /// A typical order confirmation: multipart/mixed holding multipart/alternative (plain + HTML
    /// with an item table) and a PDF attachment.
    static let orderConfirmation = crlf("""
    Return-Path: <bounce@mail.shop.example>
    Received: from mx.example.net by mx.example.org; Tue, 4 Jun 2024 10:00:00 +0200
    DKIM-Signature: v=1; a=rsa-sha256; d=Shop.Example; s=sel1; i=@shop.example;
     h=from:to:subject; bh=abc=; b=dGVzdA==
    Authentication-Results: mx.example.org; dkim=pass header.d=shop.example header.i=@shop.example;
     spf=pass (sender ok) smtp.mailfrom=bounce@mail.shop.example; dmarc=pass header.from=shop.example
    From: =?utf-8?Q?Shop_Caf=C3=A9?= <orders@shop.example>
    To: "Jane Doe" <jane@example.org>, bob@example.org
    Subject: =?utf-8?B?Q29tbWFuZGUgY29uZmlybcOpZQ==?= #171-123
    Date: Tue, 4 Jun 2024 10:00:00 +0200
    Message-ID: <order-171-123@shop.example>
    List-Unsubscribe: <mailto:unsub@shop.example>, <https://shop.example/u?id=1>
    List-Unsubscribe-Post: List-Unsubscribe=One-Click
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="outer"

    This is a multi-part message.
    --outer
    Content-Type: multipart/alternative; boundary="inner"

    --inner
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    Merci pour votre commande =E2=82=AC 19,98
    --inner
    Content-Type: text/html; charset=iso-8859-1
    Content-Transfer-Encoding: base64

    PGh0bWw+PGJvZHk+PHA+TWVyY2k8L3A+PHRhYmxlPjx0cj48dGQ+VVNCLUMgY2FibGU8L3RkPjx0
    ZD4yPC90ZD48dGQ+OSw5OSCAPC90ZD48L3RyPjwvdGFibGU+PC9ib2R5PjwvaHRtbD4=
    --inner--

    --outer
    Content-Type: application/pdf; name="invoice.pdf"
    Content-Disposition: attachment; filename="invoice.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQKJcfsj6IK
    --outer--
    """)
}
