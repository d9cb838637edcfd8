import Foundation
import Testing
@testable import MIME

@Suite("Body parts")
struct BodyTests {
    private func codes(_ message: Message) -> [String] { message.warnings.map(\.code) }

    @Test func singlePartQuotedPrintable() {
        let message = MessageParser.parse(Fixture.crlf("""
        Date: Tue, 4 Jun 2024 10:00:00 +0200
        Content-Type: text/plain; charset="ISO-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Prix : 9,99 =80, caf=E9 tr=
        =E8s bon
        """))
        #expect(message.textParts == [TextPart(kind: .plain, section: "1", declaredCharset: "iso-8859-1", text: "Prix : 9,99 €, café très bon")])
        #expect(message.warnings.isEmpty, "\(message.warnings)")
    }

    @Test func singlePartBase64HTML() {
        let html = "<p>Bonjour&nbsp;<b>Zoë</b></p><p>Total: 42 €</p>"
        let encoded = Data(html.utf8).base64EncodedString(options: .lineLength76Characters)
        let message = MessageParser.parse(Fixture.crlf("Date: Tue, 4 Jun 2024 10:00:00 +0200\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: BASE64\n\n\(encoded)\n"))
        #expect(message.textParts.count == 1)
        #expect(message.html == html)
        #expect(message.textParts.first?.renderedText == "Bonjour Zoë\nTotal: 42 €")
        #expect(message.bodyText == "Bonjour Zoë\nTotal: 42 €")
        #expect(message.warnings.isEmpty)
    }

    @Test func noContentTypeIsPlainText() {
        let utf8 = MessageParser.parse(Fixture.bytes(Fixture.ascii("Subject: x\nDate: Tue, 4 Jun 2024 10:00:00 +0200\n\ncaf"), [0xC3, 0xA9]))
        #expect(utf8.textParts == [TextPart(kind: .plain, section: "1", declaredCharset: nil, text: "café")])
        let latin = MessageParser.parse(Fixture.bytes(Fixture.ascii("Subject: x\nDate: Tue, 4 Jun 2024 10:00:00 +0200\n\n"), [0x80, 0x20, 0xE9]))
        #expect(latin.plainText == "€ é")
    }

    @Test func badQuotedPrintableAndBase64() {
        let qp = MessageParser.parse(Fixture.crlf("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n100% =ZZ sure =C3=A9\n"))
        #expect(qp.plainText == "100% =ZZ sure é\n")
        #expect(codes(qp).contains(WarningCode.badQuotedPrintable))
        let b64 = MessageParser.parse(Fixture.crlf("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nSGVs*bG8g!d29y\nbGQ\n"))
        #expect(b64.plainText == "Hello world")
        #expect(codes(b64).contains(WarningCode.badBase64))
    }

    @Test func unknownCharsetBody() {
        let message = MessageParser.parse(Fixture.bytes(Fixture.ascii("Content-Type: text/plain; charset=x-unknown-foo\n\n"), [0xE9, 0x74, 0xE9]))
        #expect(message.plainText == "été")
        #expect(codes(message).contains(WarningCode.unknownCharset))
    }

    @Test func rfc2231AndEncodedFilenames() {
        let message = MessageParser.parse(Fixture.crlf("""
        Content-Type: multipart/mixed; boundary=b1

        --b1
        Content-Type: text/plain

        hi
        --b1
        Content-Type: application/pdf
        Content-Disposition: attachment; filename*=utf-8''%E2%82%AC%20rates.pdf

        x
        --b1
        Content-Type: application/pdf
        Content-Disposition: attachment;
         filename*0*=utf-8'fr'factur;
         filename*1*=%C3%A9;
         filename*2=".pdf"

        x
        --b1
        Content-Type: application/octet-stream; name="=?utf-8?B?w6l0w6kucGRm?="

        x
        --b1
        Content-Type: text/plain; name*=iso-8859-1'en'%E9t%E9.txt

        x
        --b1
        Content-Type: text/csv
        Content-Disposition: inline

        a,b
        --b1--
        """))
        #expect(message.textParts.map(\.section) == ["1"])
        #expect(message.attachments.map(\.filename) == ["€ rates.pdf", "facturé.pdf", "été.pdf", "été.txt", nil])
        #expect(message.attachments.map(\.mimeType) == ["application/pdf", "application/pdf", "application/octet-stream", "text/plain", "text/csv"])
        #expect(message.attachments.map(\.section) == ["2", "3", "4", "5", "6"])
    }

    @Test func nestedSectionsAndRFC822() {
        let message = MessageParser.parse(Fixture.crlf("""
        Date: Tue, 4 Jun 2024 10:00:00 +0200
        Content-Type: multipart/mixed; boundary="A"

        --A
        Content-Type: multipart/related; boundary="B"

        --B
        Content-Type: multipart/alternative; boundary="C"

        --C
        Content-Type: text/plain; charset=us-ascii

        plain
        --C
        Content-Type: text/html

        <p>html</p>
        --C--
        --B
        Content-Type: image/png
        Content-ID: <logo>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --B--
        --A
        Content-Type: message/rfc822

        Subject: forwarded
        Content-Type: text/plain

        inner text
        --A
        Content-Type: TEXT/PLAIN; charset=utf-8
        Content-Disposition: inline

        footer
        --A--
        """))
        #expect(message.textParts.map(\.section) == ["1.1.1", "1.1.2", "3"])
        #expect(message.textParts.map(\.text) == ["plain", "<p>html</p>", "footer"])
        #expect(message.attachments.map(\.section) == ["1.2", "2"])
        #expect(message.attachments.map(\.mimeType) == ["image/png", "message/rfc822"])
        #expect(message.attachments.first?.size == 8)
        #expect(message.warnings.isEmpty, "\(message.warnings)")
    }

    @Test func lfOnlyAndMixedLineEndings() {
        let lf = Data("Subject: lf\nContent-Type: multipart/alternative; boundary=x\n\n--x\nContent-Type: text/plain\n\none\n--x\r\nContent-Type: text/html\r\n\r\n<b>two</b>\n--x--\n".utf8)
        let message = MessageParser.parse(lf)
        #expect(message.subject == "lf")
        #expect(message.textParts.map(\.section) == ["1", "2"])
        #expect(message.plainText == "one")
        #expect(message.textParts.last?.renderedText == "two")
        #expect(String(decoding: message.rawHeader, as: UTF8.self) == "Subject: lf\nContent-Type: multipart/alternative; boundary=x\n")
    }
}
