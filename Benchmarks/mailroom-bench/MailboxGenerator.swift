import Foundation

/// Writes a synthetic Maildir that looks like a real vendor mailbox: newsletters, order mail,
/// account and service notices, support replies and personal mail in the proportions of a
/// typical inbox; DKIM and list headers; multipart/alternative bodies whose HTML is mostly
/// layout (inline styles, nested tables, images, links) around a little text, as senders'
/// templates are; quoted-printable and base64; a PDF or photo attachment on some messages.
/// Sizes follow a long-tailed distribution with a median around 25 KB.
///
/// Version 2 (session 6). Version 1 gave every message, whatever its kind, an HTML table of
/// priced rows and a subject of random words, so that one message in six was read as an order
/// with some sixty item rows (real order mail lists one to a few items).
struct MailboxGenerator {
    /// Bumped when the mail it writes changes; the benchmark scripts keep one folder per version.
    static let version = 2

    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    struct Vendor {
        let name: String
        let domain: String
        let language: Language
        let sells: Bool
    }

    static let vendors: [Vendor] = [
        Vendor(name: "Maison Lumière", domain: "maison-lumiere.fr", language: .french, sells: true),
        Vendor(name: "Rail Express", domain: "rail-express.fr", language: .french, sells: true),
        Vendor(name: "Bleu Télécom", domain: "bleu-telecom.fr", language: .french, sells: false),
        Vendor(name: "Northwind Books", domain: "northwind-books.co.uk", language: .english, sells: true),
        Vendor(name: "Cascade Outdoor", domain: "cascade-outdoor.com", language: .english, sells: true),
        Vendor(name: "Énergie Verte", domain: "energie-verte.fr", language: .french, sells: false),
        Vendor(name: "Banque Horizon", domain: "banque-horizon.fr", language: .french, sells: false),
        Vendor(name: "Streamly", domain: "streamly.tv", language: .english, sells: false),
        Vendor(name: "Kiosque Presse", domain: "kiosque-presse.fr", language: .french, sells: true),
        Vendor(name: "Parcel Pilot", domain: "parcelpilot.com", language: .english, sells: true),
        Vendor(name: "Atelier du Vélo", domain: "atelier-du-velo.fr", language: .french, sells: true),
        Vendor(name: "Greenleaf Grocer", domain: "greenleaf-grocer.co.uk", language: .english, sells: true),
    ]

    enum Language { case french, english }

    /// The kinds of mail in an inbox, with their share in percent.
    enum Kind: CaseIterable {
        case newsletter, notification, order, account, support, personal

        var share: Int {
            switch self {
            case .newsletter: 40
            case .notification: 22
            case .order: 14
            case .account: 10
            case .support: 6
            case .personal: 8
            }
        }
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func kind(for vendor: Vendor) -> Kind {
        var roll = number(0...99)
        for kind in Kind.allCases {
            if roll < kind.share { return kind == .order && !vendor.sells ? .notification : kind }
            roll -= kind.share
        }
        return .newsletter
    }

    /// Target HTML size: log-normal-ish around 18 KB, from 3 KB to 120 KB.
    mutating func htmlBudget() -> Int {
        let u = Double.random(in: 0.0001..<1, using: &random)
        let v = Double.random(in: 0.0001..<1, using: &random)
        let normal = (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        return min(120_000, max(3_000, Int(18_000 * exp(0.55 * normal))))
    }

    static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"
        return formatter
    }()

    /// One message's bytes.
    mutating func message(index: Int, date: Date) -> Data {
        let vendor = pick(Self.vendors)
        let kind = kind(for: vendor)
        let dateText = Self.dateFormatter.string(from: date)
        let content = kind == .personal ? personalContent(index: index) : vendorContent(kind, vendor: vendor, index: index)
        let encodedSubject = "=?UTF-8?B?\(Data(content.subject.utf8).base64EncodedString())?="

        var header = ""
        if kind == .personal {
            header = """
                Return-Path: <\(content.fromAddress)>
                Received: from mail-wr1-f41.google.com (mail-wr1-f41.google.com [209.85.221.41])
                \tby mx.example.net with ESMTPS id \(index); \(dateText)
                From: \(content.fromName) <\(content.fromAddress)>

                """
        } else {
            header = """
                Return-Path: <bounce-\(index)@mail.\(vendor.domain)>
                Received: from mail.\(vendor.domain) (mail.\(vendor.domain) [192.0.2.\(index % 250 + 1)])
                \tby mx.example.net with ESMTPS id \(index); \(dateText)
                Authentication-Results: mx.example.net; dkim=pass header.d=\(vendor.domain) header.s=s1;
                \tspf=pass smtp.mailfrom=mail.\(vendor.domain); dmarc=pass header.from=\(vendor.domain)
                DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=\(vendor.domain); s=s1;
                \th=from:to:subject:date:message-id; bh=\(randomBase64(32));
                \tb=\(randomBase64(128))
                From: \(vendor.name) <\(content.fromAddress)>

                """
        }
        header += """
            To: Camille Martin <camille.martin@example.org>
            Subject: \(encodedSubject)
            Date: \(dateText)
            Message-ID: <\(index).\(UInt64.random(in: .min ... .max, using: &random))@\(kind == .personal ? "mail.gmail.com" : "mail." + vendor.domain)>
            MIME-Version: 1.0

            """
        if kind == .newsletter || (kind != .personal && chance(30)) {
            header += """
                List-Unsubscribe: <mailto:unsubscribe-\(index)@\(vendor.domain)>, <https://\(vendor.domain)/u/\(index)>
                List-Unsubscribe-Post: List-Unsubscribe=One-Click

                """
        }
        if kind == .newsletter {
            header += "List-Id: \(vendor.name) <news.\(vendor.domain)>\nPrecedence: bulk\n"
        }

        let boundary = "=_mr_\(index)_\(UInt32.random(in: .min ... .max, using: &random))"
        var body: String
        if let html = content.html {
            body = """
                --\(boundary)-alt
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                \(Self.quotedPrintable(content.text))
                --\(boundary)-alt
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: \(index % 3 == 0 ? "base64" : "quoted-printable")

                \(index % 3 == 0 ? Self.base64Lines(Data(html.utf8)) : Self.quotedPrintable(html))
                --\(boundary)-alt--

                """
        } else {
            body = """
                --\(boundary)-alt
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                \(Self.quotedPrintable(content.text))
                --\(boundary)-alt--

                """
        }
        // Attachments: an invoice or statement PDF on some transactional mail, a photo on some
        // personal mail; 8% of the mailbox in all.
        let attachmentShare = switch kind {
        case .order: 30
        case .account, .notification: 8
        case .personal: 15
        case .newsletter, .support: 2
        }
        if chance(attachmentShare) {
            let size = number(50_000...300_000)
            let bytes = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
            let (type, name) = kind == .personal ? ("image/jpeg", "IMG_\(4000 + index % 5000).jpg") : ("application/pdf", "document-\(index).pdf")
            header += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n"
            body = """
                --\(boundary)
                Content-Type: multipart/alternative; boundary="\(boundary)-alt"

                \(body)
                --\(boundary)
                Content-Type: \(type); name="\(name)"
                Content-Disposition: attachment; filename="\(name)"
                Content-Transfer-Encoding: base64

                \(Self.base64Lines(bytes))
                --\(boundary)--

                """
        } else {
            header += "Content-Type: multipart/alternative; boundary=\"\(boundary)-alt\"\n"
        }
        return Self.crlf(header + "\n" + body)
    }

    /// The text with CRLF line endings, as mail travels.
    static func crlf(_ text: String) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 40)
        for byte in text.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return Data(bytes)
    }

    mutating func randomBase64(_ count: Int) -> String {
        Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString()
    }

    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 11 / 10)
        var lineLength = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                output.append(byte)
                lineLength = 0
                continue
            }
            let plain = (byte >= 33 && byte <= 126 && byte != 61) || byte == 32
            let width = plain ? 1 : 3
            if lineLength + width > 75 {
                output.append(contentsOf: [61, 0x0A])
                lineLength = 0
            }
            if plain {
                output.append(byte)
            } else {
                output.append(contentsOf: [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            }
            lineLength += width
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func base64Lines(_ data: Data) -> String {
        data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
    }

    /// Writes `count` messages into `directory/cur`, returning the bytes written.
    mutating func writeMaildir(count: Int, to directory: URL) throws -> Int {
        let manager = FileManager.default
        for sub in ["cur", "new", "tmp"] {
            try manager.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var bytes = 0
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        for index in 0..<count {
            let date = start.addingTimeInterval(Double(index) * 1_700)
            let data = message(index: index, date: date)
            bytes += data.count
            let name = "\(Int(date.timeIntervalSince1970)).M\(index)P1.bench:2,S"
            try data.write(to: directory.appendingPathComponent("cur").appendingPathComponent(name))
        }
        return bytes
    }
}
