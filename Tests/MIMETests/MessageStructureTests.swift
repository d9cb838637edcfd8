import Foundation
import Testing
@testable import MIME

@Suite("Message structure")
struct MessageStructureTests {
    @Test func orderConfirmationHeaders() {
        let message = MessageParser.parse(Fixture.orderConfirmation)
        #expect(message.warnings.isEmpty, "\(message.warnings)")
        #expect(message.subject == "Commande confirmée #171-123")
        #expect(message.from == [MailAddress(name: "Shop Café", address: "orders@shop.example")])
        #expect(message.to == [MailAddress(name: "Jane Doe", address: "jane@example.org"), MailAddress(name: nil, address: "bob@example.org")])
        #expect(message.returnPath == "bounce@mail.shop.example")
        #expect(message.messageID == "<order-171-123@shop.example>")
        #expect(message.date == Date(timeIntervalSince1970: 1_717_488_000))
        #expect(message.dkimSignatures == [DKIMSignature(domain: "shop.example", selector: "sel1", identity: "@shop.example")])
        #expect(message.authenticationResults.map(\.method) == ["dkim", "spf", "dmarc"])
        #expect(message.authenticationResults.first?.properties["header.d"] == "shop.example")
        #expect(message.list.unsubscribe == ["mailto:unsub@shop.example", "https://shop.example/u?id=1"])
        #expect(message.list.unsubscribePost == "List-Unsubscribe=One-Click")
        #expect(message.size == Fixture.orderConfirmation.count)
        #expect(message.headers.count == 13)
        #expect(message.headers.first == HeaderField(name: "Return-Path", value: "<bounce@mail.shop.example>"))
        let raw = String(decoding: message.rawHeader, as: UTF8.self)
        #expect(raw.hasPrefix("Return-Path: <bounce@mail.shop.example>\r\n"))
        #expect(raw.hasSuffix("boundary=\"outer\"\r\n"))
    }

    @Test func orderConfirmationBody() {
        let message = MessageParser.parse(Fixture.orderConfirmation)
        #expect(message.textParts.map(\.section) == ["1.1", "1.2"])
        #expect(message.textParts.map(\.kind) == [.plain, .html])
        #expect(message.plainText == "Merci pour votre commande € 19,98")
        #expect(message.textParts[1].declaredCharset == "iso-8859-1")
        #expect(message.textParts[1].renderedText == "Merci\nUSB-C cable\t2\t9,99 €")
        #expect(message.attachments == [Attachment(filename: "invoice.pdf", mimeType: "application/pdf", size: 15, section: "2")])
    }
}
