import Foundation
import Testing
@testable import MIME

/// A header-only message with `headers` (each `\n` becomes CRLF) and a short body.
private func message(_ headers: String) -> Message {
    MessageParser.parse(Fixture.crlf(headers + "\n\nbody\n"))
}

@Suite("Header decoding")
struct HeaderDecodingTests {
    @Test(arguments: [
        ("=?utf-8?Q?Caf=C3=A9_cr=C3=A8me?=", "Café crème"),
        ("=?UTF-8?B?Q2Fmw6kgY3LDqG1l?=", "Café crème"),
        ("=?iso-8859-1?Q?Caf=E9?=", "Café"),
        ("=?ISO-8859-1?B?Q2Fm6Q==?=", "Café"),
        ("=?iso-8859-1?Q?=80_5?=", "€ 5"),
        ("=?windows-1252?Q?=93quoted=94?=", "“quoted”"),
        ("=?iso-8859-15?Q?Prix_=A4?=", "Prix €"),
        ("=?koi8-r?B?8NLJ18XU?=", "Привет"),
        ("=?gb2312?B?1tDOxNPKvP4=?=", "中文邮件"),
        ("=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab"),
        ("=?utf-8?Q?a?=\n =?utf-8?Q?b?=", "ab"),
        ("=?utf-8?Q?=C3?= =?utf-8?Q?=A9?=", "é"),
        ("=?utf-8?B?w6k?=", "é"),
        ("Re: =?utf-8?Q?caf=C3=A9?= au lait", "Re: café au lait"),
        ("=?utf-8*fr?Q?caf=C3=A9?=", "café"),
        ("=?iso-8859-1?Q?a?= =?utf-8?Q?=C3=A9?=", "aé"),
        ("=?utf-8?Q?unterminated", "=?utf-8?Q?unterminated"),
        ("=?utf-8?X?abc?=", "=?utf-8?X?abc?="),
        ("=?utf-8?Q?with space?=", "=?utf-8?Q?with space?="),
        ("plain words  kept", "plain words  kept"),
    ])
    func rfc2047(_ encoded: String, _ expected: String) {
        let parsed = message("Subject: \(encoded)")
        #expect(parsed.subject == expected)
        #expect(parsed.headerValues("subject") == [expected])
    }

    @Test func unknownCharsetInEncodedWord() {
        let parsed = message("Subject: =?x-unknown-foo?Q?abc=C3=A9?=")
        #expect(parsed.subject == "abcé")
        #expect(parsed.warnings.map(\.code).contains(WarningCode.unknownCharset))
    }

    @Test func raw8BitHeaders() {
        let latin = MessageParser.parse(Fixture.bytes(Fixture.ascii("Subject: Caf"), [0xE9], Fixture.ascii("\nFrom: a@b.example\n\nx")))
        #expect(latin.subject == "Café")
        #expect(latin.warnings.map(\.code).contains(WarningCode.raw8BitHeader))
        let utf8 = MessageParser.parse(Fixture.bytes(Fixture.ascii("Subject: Caf"), [0xC3, 0xA9], Fixture.ascii("\nFrom: a@b.example\n\nx")))
        #expect(utf8.subject == "Café")
        #expect(!utf8.warnings.map(\.code).contains(WarningCode.raw8BitHeader))
    }

    @Test(arguments: [
        ("\"Jane Doe\" <jane@example.org>", [MailAddress(name: "Jane Doe", address: "jane@example.org")]),
        ("=?utf-8?Q?Ren=C3=A9e?= <r@example.org>", [MailAddress(name: "Renée", address: "r@example.org")]),
        ("\"=?utf-8?Q?Ren=C3=A9e_Dupont?=\" <r@example.org>", [MailAddress(name: "Renée Dupont", address: "r@example.org")]),
        ("=?utf-8?Q?Doe,_John?= <j@example.org>", [MailAddress(name: "Doe, John", address: "j@example.org")]),
        ("\"Doe, John\" <j@example.org>, b@example.org", [MailAddress(name: "Doe, John", address: "j@example.org"), MailAddress(name: nil, address: "b@example.org")]),
        ("j@example.org (John Doe)", [MailAddress(name: "John Doe", address: "j@example.org")]),
        ("Team: a@example.org, b@example.org;", [MailAddress(name: nil, address: "a@example.org"), MailAddress(name: nil, address: "b@example.org")]),
        ("undisclosed-recipients:;", []),
        ("Shop <orders@shop.example", [MailAddress(name: "Shop", address: "orders@shop.example")]),
        ("<@relay.example:user@example.org>", [MailAddress(name: nil, address: "user@example.org")]),
        ("\"Quote \\\"Q\\\" Inc\" <q@example.org>", [MailAddress(name: "Quote \"Q\" Inc", address: "q@example.org")]),
    ])
    func addresses(_ value: String, _ expected: [MailAddress]) {
        #expect(message("To: \(value)").to == expected)
    }

    @Test func badAddressIsReported() {
        let parsed = message("From: John Smith\nTo: ok@example.org")
        #expect(parsed.from.isEmpty)
        #expect(parsed.to == [MailAddress(name: nil, address: "ok@example.org")])
        #expect(parsed.warnings.map(\.code).contains(WarningCode.badAddress))
    }

    @Test func senderReplyToAndIDs() {
        let parsed = message("""
        Sender: Bulk <bulk@mailer.example>
        Reply-To: Support <support@shop.example>
        Cc: c@example.org
        Message-ID: bare-id@host.example
        In-Reply-To: <a@x.example> (comment)
        References: <r1@x.example>
         <r2@x.example> <r3@x.example>
        Return-Path: <>
        """)
        #expect(parsed.sender == MailAddress(name: "Bulk", address: "bulk@mailer.example"))
        #expect(parsed.replyTo == [MailAddress(name: "Support", address: "support@shop.example")])
        #expect(parsed.cc == [MailAddress(name: nil, address: "c@example.org")])
        #expect(parsed.messageID == "<bare-id@host.example>")
        #expect(parsed.inReplyTo == ["<a@x.example>"])
        #expect(parsed.references == ["<r1@x.example>", "<r2@x.example>", "<r3@x.example>"])
        #expect(parsed.returnPath == nil)
    }

    @Test func listHeaders() {
        let parsed = message("""
        List-Id: "=?utf-8?Q?Caf=C3=A9?= News" <news.shop.example>
        List-Unsubscribe: <mailto:u@shop.example?subject=unsubscribe>,
         <https://shop.example/unsub/abc>
        List-Unsubscribe-Post: List-Unsubscribe=One-Click
        Precedence: Bulk
        Feedback-ID: 123:campaign:shop:esp
        Auto-Submitted: Auto-Generated; x=1
        """)
        #expect(parsed.list == ListHeaders(
            id: "news.shop.example", name: "Café News",
            unsubscribe: ["mailto:u@shop.example?subject=unsubscribe", "https://shop.example/unsub/abc"],
            unsubscribePost: "List-Unsubscribe=One-Click", precedence: "bulk",
            feedbackID: "123:campaign:shop:esp", autoSubmitted: "auto-generated"))
        #expect(message("List-Id: plain.list.example").list.id == "plain.list.example")
    }

    @Test func dkimSignatures() {
        let parsed = message("""
        DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=SendGrid.NET;
         s=smtpapi; h=from:subject; bh=x; b=abc
         def
        DKIM-Signature: v=1; d = shop.example ; s = s1 ; i = orders@shop.example; b=xyz
        DKIM-Signature: v=1; s=orphan; b=xyz
        """)
        #expect(parsed.dkimSignatures == [
            DKIMSignature(domain: "sendgrid.net", selector: "smtpapi"),
            DKIMSignature(domain: "shop.example", selector: "s1", identity: "orders@shop.example"),
        ])
        #expect(parsed.warnings.map(\.code).contains(WarningCode.badDKIMSignature))
    }

    @Test func authenticationResults() {
        let parsed = message("""
        Authentication-Results: mx.google.com;
               dkim=pass header.i=@shop.example header.s=s1 header.b=AbCd;
               spf=pass (google.com: domain of bounce@shop.example designates 1.2.3.4 as permitted sender) smtp.mailfrom=bounce@shop.example;
               dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=shop.example
        Authentication-Results: mx.example.org 1; none
        Authentication-Results: (comment) relay.example ; DKIM = FAIL reason="bad sig" header.d = Other.example ; arc=none
        """)
        #expect(parsed.authenticationResults == [
            AuthenticationResult(authServID: "mx.google.com", method: "dkim", result: "pass",
                                 properties: ["header.i": "@shop.example", "header.s": "s1", "header.b": "AbCd"]),
            AuthenticationResult(authServID: "mx.google.com", method: "spf", result: "pass",
                                 properties: ["smtp.mailfrom": "bounce@shop.example"]),
            AuthenticationResult(authServID: "mx.google.com", method: "dmarc", result: "pass",
                                 properties: ["header.from": "shop.example"]),
            AuthenticationResult(authServID: "relay.example", method: "dkim", result: "fail",
                                 properties: ["reason": "bad sig", "header.d": "Other.example"]),
            AuthenticationResult(authServID: "relay.example", method: "arc", result: "none"),
        ])
    }

    @Test func mboxSeparatorAndObsoleteSyntax() {
        let mbox = MessageParser.parse(Fixture.crlf("From sender@example.org Tue Jun  4 10:00:00 2024\nSubject: boxed\n\nbody"))
        #expect(mbox.headers == [HeaderField(name: "Subject", value: "boxed")])
        #expect(!mbox.warnings.map(\.code).contains(WarningCode.noHeader))
        let obsolete = MessageParser.parse(Fixture.crlf("From : a@example.org\nSubject : spaced\n\nbody"))
        #expect(obsolete.from == [MailAddress(name: nil, address: "a@example.org")])
        #expect(obsolete.subject == "spaced")
    }

    @Test func unfoldingAndOrder() {
        let parsed = message("X-First: one\nSubject: folded\n\tacross lines\nX-Empty:\nX-First: two")
        #expect(parsed.headers == [
            HeaderField(name: "X-First", value: "one"),
            HeaderField(name: "Subject", value: "folded\tacross lines"),
            HeaderField(name: "X-Empty", value: ""),
            HeaderField(name: "X-First", value: "two"),
        ])
        #expect(parsed.headerValues("x-first") == ["one", "two"])
    }
}
