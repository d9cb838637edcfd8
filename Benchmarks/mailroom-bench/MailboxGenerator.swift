import Foundation

/// Writes a synthetic Maildir that looks like a real vendor mailbox: DKIM and list headers,
/// multipart/alternative bodies with table-laid-out HTML, quoted-printable and base64, several
/// charsets, and a PDF attachment on some messages. Sizes follow a long-tailed distribution with
/// a median around 25 KB.
struct MailboxGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let vendors: [(name: String, domain: String, language: Language)] = [
        ("Maison Lumière", "maison-lumiere.fr", .french), ("Rail Express", "rail-express.fr", .french),
        ("Bleu Télécom", "bleu-telecom.fr", .french), ("Northwind Books", "northwind-books.co.uk", .english),
        ("Cascade Outdoor", "cascade-outdoor.com", .english), ("Énergie Verte", "energie-verte.fr", .french),
        ("Banque Horizon", "banque-horizon.fr", .french), ("Streamly", "streamly.tv", .english),
        ("Kiosque Presse", "kiosque-presse.fr", .french), ("Parcel Pilot", "parcelpilot.com", .english),
    ]

    enum Language { case french, english }

    static let frenchWords = """
        bonjour commande livraison votre compte merci pour achat article colis suivi facture paiement
        adresse retour échange remboursement offre exclusive découvrez nouveautés été hiver sélection
        qualité prix réduit économisez jusqu'à fin semaine profitez livraison gratuite dès euros délai
        disponible magasin réservation billet voyage départ arrivée quai voiture siège confirmation
        abonnement forfait consommation échéance prélèvement relevé mensuel sécurité connexion appareil
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let englishWords = """
        hello order delivery your account thanks purchase item parcel tracking invoice payment address
        return exchange refund exclusive offer discover new arrivals summer winter selection quality
        price save up to weekend enjoy free shipping from pounds dollars available store booking ticket
        journey departure arrival platform seat confirmation subscription plan usage due statement
        monthly security sign-in device receipt subtotal total
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    mutating func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &random)] }

    mutating func sentence(_ language: Language, words: ClosedRange<Int> = 8...22) -> String {
        let list = language == .french ? Self.frenchWords : Self.englishWords
        let count = Int.random(in: words, using: &random)
        var text = (0..<count).map { _ in pick(list) }.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst() + "."
        return text
    }

    /// Target HTML size: log-normal-ish around 18 KB, from 3 KB to 120 KB.
    mutating func htmlBudget() -> Int {
        let u = Double.random(in: 0.0001..<1, using: &random)
        let v = Double.random(in: 0.0001..<1, using: &random)
        let normal = (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        return min(120_000, max(3_000, Int(18_000 * exp(0.55 * normal))))
    }

    /// One message's bytes.
    mutating func message(index: Int, date: Date) -> Data {
        let vendor = pick(Self.vendors)
        let language = vendor.language
        let isNewsletter = Int.random(in: 0..<10, using: &random) < 4
        let hasAttachment = Int.random(in: 0..<100, using: &random) < 8
        let boundary = "=_mr_\(index)_\(UInt32.random(in: .min ... .max, using: &random))"
        let subject = sentence(language, words: 4...9)
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss Z"

        var header = """
            Return-Path: <bounce-\(index)@mail.\(vendor.domain)>
            Received: from mail.\(vendor.domain) (mail.\(vendor.domain) [192.0.2.\(index % 250 + 1)])
            \tby mx.example.net with ESMTPS id \(index); \(formatter.string(from: date))
            Authentication-Results: mx.example.net; dkim=pass header.d=\(vendor.domain) header.s=s1;
            \tspf=pass smtp.mailfrom=mail.\(vendor.domain); dmarc=pass header.from=\(vendor.domain)
            DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=\(vendor.domain); s=s1;
            \th=from:to:subject:date:message-id; bh=\(Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString());
            \tb=\(Data((0..<128).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString())
            From: \(vendor.name) <\(isNewsletter ? "news" : "no-reply")@\(vendor.domain)>
            To: Camille Martin <camille.martin@example.org>
            Subject: \(encodedSubject)
            Date: \(formatter.string(from: date))
            Message-ID: <\(index).\(UInt64.random(in: .min ... .max, using: &random))@mail.\(vendor.domain)>
            MIME-Version: 1.0

            """
        if isNewsletter {
            header += """
                List-Unsubscribe: <mailto:unsubscribe-\(index)@\(vendor.domain)>, <https://\(vendor.domain)/u/\(index)>
                List-Unsubscribe-Post: List-Unsubscribe=One-Click
                List-Id: \(vendor.name) <news.\(vendor.domain)>
                Precedence: bulk

                """
        }

        let plain = (0..<Int.random(in: 4...14, using: &random)).map { _ in sentence(language) }.joined(separator: "\n\n")
        let html = htmlBody(language: language, budget: htmlBudget())
        var body = """
            --\(boundary)-alt
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            \(Self.quotedPrintable(plain))
            --\(boundary)-alt
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: \(index % 3 == 0 ? "base64" : "quoted-printable")

            \(index % 3 == 0 ? Self.base64Lines(Data(html.utf8)) : Self.quotedPrintable(html))
            --\(boundary)-alt--

            """
        if hasAttachment {
            let size = Int.random(in: 50_000...300_000, using: &random)
            let pdf = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &random) })
            header += "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\n"
            body = """
                --\(boundary)
                Content-Type: multipart/alternative; boundary="\(boundary)-alt"

                \(body)
                --\(boundary)
                Content-Type: application/pdf; name="facture-\(index).pdf"
                Content-Disposition: attachment; filename="facture-\(index).pdf"
                Content-Transfer-Encoding: base64

                \(Self.base64Lines(pdf))
                --\(boundary)--

                """
        } else {
            header += "Content-Type: multipart/alternative; boundary=\"\(boundary)-alt\"\n"
        }
        return Data((header + "\n" + body).replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    mutating func htmlBody(language: Language, budget: Int) -> String {
        var html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>td{font-family:Arial,sans-serif}</style></head>
            <body style="margin:0;padding:0;background:#f4f4f4"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            """
        var row = 0
        while html.utf8.count < budget {
            row += 1
            let price = Double(Int.random(in: 199...19_999, using: &random)) / 100
            html += """
                <tr><td style="padding:12px 24px;font-size:14px;color:#333333;line-height:20px" class="row-\(row)">\(sentence(language))</td>
                <td style="padding:12px;font-size:14px;color:#333333" align="right">\(Int.random(in: 1...3, using: &random))</td>
                <td style="padding:12px 24px;font-size:14px;color:#111111;font-weight:bold" align="right">\(String(format: "%.2f", price).replacingOccurrences(of: ".", with: language == .french ? "," : ".")) \(language == .french ? "€" : "£")</td></tr>

                """
        }
        return html + "</table></body></html>"
    }

    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        var lineLength = 0
        for byte in text.utf8 {
            let piece: String
            if byte == 0x0A {
                output += "\n"
                lineLength = 0
                continue
            } else if (byte >= 33 && byte <= 126 && byte != 61) || byte == 32 {
                piece = String(UnicodeScalar(byte))
            } else {
                piece = String(format: "=%02X", byte)
            }
            if lineLength + piece.count > 75 {
                output += "=\n"
                lineLength = 0
            }
            output += piece
            lineLength += piece.count
        }
        return output
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
