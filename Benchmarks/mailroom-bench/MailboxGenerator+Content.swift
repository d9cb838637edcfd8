import Foundation

/// What the generated mail says: subject, sender and bodies for each kind of mail, in French or
/// English. The HTML imitates senders' templates: a style block, nested presentation tables,
/// inline styles, tracked links and images around short runs of text.
extension MailboxGenerator {
    struct Content {
        var subject: String
        var fromName: String
        var fromAddress: String
        var text: String
        var html: String?
    }

    static let products: [Language: [String]] = [
        .french: ["Lampe de chevet en laiton", "Coussin en lin lavé", "Chambre à air 700x28", "Roman policier poche",
                  "Veste imperméable légère", "Gourde isotherme 750 ml", "Casque de vélo urbain", "Thé vert bio 100 g",
                  "Plaid en laine mérinos", "Carnet de croquis A5", "Chaussettes de randonnée", "Bougie parfumée figue",
                  "Jeu de société coopératif", "Tasse en grès émaillé", "Sac à dos 20 L", "Pompe à pied compacte"],
        .english: ["Brass bedside lamp", "Washed linen cushion", "Lightweight rain jacket", "Insulated bottle 750 ml",
                   "Paperback crime novel", "Organic green tea 100 g", "Trail running socks", "Merino wool throw",
                   "A5 sketchbook", "Urban cycling helmet", "Scented candle, fig", "Cooperative board game",
                   "Glazed stoneware mug", "Daypack 20 L", "Compact floor pump", "Bamboo cutting board"],
    ]

    static let sentences: [Language: [String]] = [
        .french: ["Merci pour votre confiance, toute l'équipe est heureuse de vous compter parmi ses clients.",
                  "Découvrez notre sélection de la saison, pensée pour durer et fabriquée avec soin.",
                  "Nos conseillers vous répondent du lundi au samedi, de 9 h à 19 h.",
                  "La livraison est offerte dès 49 € d'achat en France métropolitaine.",
                  "Vous pouvez suivre l'avancement à tout moment depuis votre espace client.",
                  "Cet e-mail vous est envoyé automatiquement, merci de ne pas y répondre directement.",
                  "Profitez de nos offres réservées aux membres jusqu'à dimanche minuit.",
                  "Nos ateliers sont ouverts tout l'été, venez nous rendre visite en boutique."],
        .english: ["Thank you for shopping with us, the whole team is glad to have you on board.",
                   "Discover this season's selection, designed to last and made with care.",
                   "Our advisers are available Monday to Saturday, 9 am to 7 pm.",
                   "Delivery is free on orders over £40 to mainland UK addresses.",
                   "You can follow progress at any time from your account.",
                   "This email was sent automatically, please do not reply to it directly.",
                   "Enjoy members-only offers until midnight on Sunday.",
                   "Our workshops are open all summer, come and see us in store."],
    ]

    mutating func price(_ language: Language, _ cents: Int) -> String {
        let whole = cents / 100, fraction = String(format: "%02d", cents % 100)
        return language == .french ? "\(whole),\(fraction) €" : "£\(whole).\(fraction)"
    }

    mutating func paragraph(_ language: Language, sentences count: ClosedRange<Int> = 1...3) -> String {
        (0..<number(count)).map { _ in pick(Self.sentences[language] ?? []) }.joined(separator: " ")
    }

    // MARK: - Kinds

    mutating func vendorContent(_ kind: Kind, vendor: Vendor, index: Int) -> Content {
        let french = vendor.language == .french
        let language = vendor.language
        let product = pick(Self.products[language] ?? [])
        let reference = "\(number(100_000...999_999))"
        var blocks: [String] = []
        var text: [String] = []
        let subject: String
        let local: String
        switch kind {
        case .newsletter:
            local = "news"
            subject = pick(french
                ? ["Nouveautés de la semaine : \(product) et plus", "Jusqu'à -\(number(2...6) * 10) % sur une sélection", "Vos idées pour le week-end",
                   "Derniers jours : \(product) à prix doux", "Le journal de \(vendor.name), édition de saison"]
                : ["New this week: \(product) and more", "Up to \(number(2...6) * 10)% off a selection", "Your weekend ideas",
                   "Last days: \(product) at a gentle price", "The \(vendor.name) journal, seasonal edition"])
            blocks.append(heading(subject) + textRow(paragraph(language, sentences: 2...3)))
            text.append(subject)
        case .order:
            local = french ? "commandes" : "orders"
            let stage = number(0...2)
            subject = switch (stage, french) {
            case (0, true): "Confirmation de votre commande n° \(reference)"
            case (1, true): "Votre commande \(reference) a été expédiée"
            case (_, true): "Votre facture pour la commande \(reference)"
            case (0, false): "Your order #\(reference) is confirmed"
            case (1, false): "Your order #\(reference) has shipped"
            default: "Your receipt for order #\(reference)"
            }
            let (table, lines) = orderSummary(language, reference: reference)
            blocks.append(heading(subject) + textRow(paragraph(language, sentences: 1...2)) + table)
            text.append(subject)
            text.append(contentsOf: lines)
        case .account:
            local = "no-reply"
            subject = pick(french
                ? ["Réinitialisation de votre mot de passe", "Nouvelle connexion à votre compte", "Votre code de vérification : \(reference)",
                   "Confirmez votre adresse e-mail"]
                : ["Reset your password", "New sign-in to your account", "Your verification code: \(reference)", "Confirm your email address"])
            blocks.append(heading(subject) + textRow(paragraph(language, sentences: 1...2)) + button(french ? "Continuer" : "Continue", vendor: vendor))
            text.append(subject)
        case .notification:
            local = french ? "info" : "notifications"
            subject = pick(french
                ? ["Votre relevé mensuel est disponible", "Mise à jour de nos conditions générales", "Rappel : votre rendez-vous de jeudi",
                   "Maintenance programmée ce week-end", "Votre consommation du mois"]
                : ["Your monthly statement is ready", "An update to our terms of service", "Reminder: your appointment on Thursday",
                   "Scheduled maintenance this weekend", "Your usage this month"])
            blocks.append(heading(subject) + textRow(paragraph(language, sentences: 2...3)))
            text.append(subject)
        case .support:
            local = french ? "service-client" : "support"
            subject = french ? "Re: Votre demande n° \(reference)" : "Re: Your request #\(reference)"
            let reply = paragraph(language, sentences: 3...5)
            blocks.append(textRow(reply) + textRow(paragraph(language, sentences: 1...2)))
            text.append(reply)
        case .personal:
            return personalContent(index: index)
        }
        text.append(paragraph(language, sentences: 2...4))

        // Everything else a template carries, up to the message's size: for newsletters,
        // product cards with prices; for other mail, editorial and service blocks.
        let budget = htmlBudget()
        var html = shellStart(vendor) + blocks.joined()
        var size = html.utf8.count
        while size < budget - 4_000 {
            let block: String
            if kind == .newsletter {
                block = productCards(language, vendor: vendor)
            } else if kind == .order, chance(25) {
                block = heading(french ? "Vous aimerez aussi" : "You may also like") + productCards(language, vendor: vendor)
            } else {
                block = chance(50) ? textRow(paragraph(language)) : imageRow(vendor) + spacer()
            }
            html += block
            size += block.utf8.count
        }
        html += footer(vendor, french: french)
        return Content(subject: subject, fromName: vendor.name, fromAddress: "\(local)@\(vendor.domain)",
                       text: text.joined(separator: "\n\n") + "\n\n" + (french ? "Se désabonner" : "Unsubscribe")
                           + ": https://\(vendor.domain)/u\n", html: html)
    }

    mutating func personalContent(index: Int) -> Content {
        let names = [("Léa Moreau", "lea.moreau"), ("Tom Baker", "tom.baker"), ("Inès Garcia", "ines.garcia"), ("Hugo Martin", "hugo.martin")]
        let (name, local) = pick(names)
        let lines = pick([
            "Coucou,\n\nOn se retrouve samedi vers 11 h au marché ? Je peux passer te prendre si tu veux.\n\nBises,\n",
            "Salut,\n\nVoici les photos de dimanche, dis-moi si tu en veux d'autres.\n\nÀ bientôt,\n",
            "Hi,\n\nAre we still on for dinner on Friday? I booked a table for four at eight.\n\nCheers,\n",
            "Hello,\n\nThanks again for the lift yesterday. I left my scarf in your car, no rush.\n\nSee you,\n",
        ])
        let quote = chance(40) ? "\n> " + paragraph(.french, sentences: 2...4).replacingOccurrences(of: ". ", with: ".\n> ") + "\n" : ""
        return Content(subject: chance(50) ? "Re: samedi" : "Des nouvelles", fromName: name, fromAddress: "\(local)\(index % 7)@gmail.com",
                       text: lines + String(name.prefix { $0 != " " }) + "\n" + quote, html: nil)
    }

    /// The order's item table and totals, as HTML rows and as plain-text lines.
    mutating func orderSummary(_ language: Language, reference: String) -> (html: String, text: [String]) {
        let french = language == .french
        var rows = ""
        var lines: [String] = []
        var total = 0
        for _ in 0..<number(1...4) {
            let name = pick(Self.products[language] ?? [])
            let quantity = chance(75) ? 1 : number(2...3)
            let unit = number(299...8_999)
            total += unit * quantity
            rows += """
                <tr><td style="padding:8px 0;border-bottom:1px solid #eeeeee"><img src="https://cdn.example-img.net/p/\(number(1_000...9_999)).jpg" width="64" height="64" alt="" style="display:block;border:0"></td>
                <td style="padding:8px 12px;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#333333;border-bottom:1px solid #eeeeee">\(name)</td>
                <td align="center" style="padding:8px;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#333333;border-bottom:1px solid #eeeeee">\(quantity)</td>
                <td align="right" style="padding:8px 0;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#111111;border-bottom:1px solid #eeeeee">\(price(language, unit * quantity))</td></tr>

                """
            lines.append("\(quantity) x \(name)  \(price(language, unit * quantity))")
        }
        let shipping = chance(50) ? 0 : 490
        total += shipping
        let labels = french ? ("Article", "Qté", "Prix", "Livraison", "Total TTC") : ("Item", "Qty", "Price", "Shipping", "Total")
        let html = """
            <tr><td style="padding:0 24px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            <tr><th colspan="2" align="left" style="font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#777777;text-transform:uppercase">\(labels.0)</th><th style="font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#777777">\(labels.1)</th><th align="right" style="font-family:Helvetica,Arial,sans-serif;font-size:12px;color:#777777">\(labels.2)</th></tr>
            \(rows)<tr><td colspan="3" align="right" style="padding:8px 12px;font-family:Helvetica,Arial,sans-serif;font-size:14px">\(labels.3)</td><td align="right" style="padding:8px 0;font-family:Helvetica,Arial,sans-serif;font-size:14px">\(price(language, shipping))</td></tr>
            <tr><td colspan="3" align="right" style="padding:8px 12px;font-family:Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold">\(labels.4)</td><td align="right" style="padding:8px 0;font-family:Helvetica,Arial,sans-serif;font-size:16px;font-weight:bold">\(price(language, total))</td></tr>
            </table></td></tr>

            """
        lines.append("\(labels.3): \(price(language, shipping))")
        lines.append("\(labels.4): \(price(language, total))")
        return (html, lines)
    }

    // MARK: - Template pieces

    func shellStart(_ vendor: Vendor) -> String {
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>\(vendor.name)</title>
        <style type="text/css">body{margin:0;padding:0;-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%}table,td{border-collapse:collapse;mso-table-lspace:0pt;mso-table-rspace:0pt}img{border:0;height:auto;line-height:100%;outline:none;text-decoration:none;-ms-interpolation-mode:bicubic}a{color:#1a5fb4}
        @media only screen and (max-width:620px){.container{width:100%!important}.stack{display:block!important;width:100%!important}.pad{padding-left:16px!important;padding-right:16px!important}.hide{display:none!important;max-height:0!important;overflow:hidden!important}}</style></head>
        <body style="margin:0;padding:0;background-color:#f4f4f4"><div class="hide" style="display:none;font-size:1px;color:#f4f4f4;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;</div>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f4"><tr><td align="center" style="padding:24px 0">
        <table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="background-color:#ffffff;width:600px">
        <tr><td align="center" style="padding:24px"><a href="https://\(vendor.domain)/?utm_source=email&amp;utm_medium=crm&amp;utm_campaign=header" target="_blank"><img src="https://\(vendor.domain)/static/email/logo@2x.png" width="160" height="40" alt="\(vendor.name)" style="display:block;border:0"></a></td></tr>

        """
    }

    func heading(_ text: String) -> String {
        """
        <tr><td class="pad" style="padding:16px 24px 8px;font-family:Georgia,'Times New Roman',serif;font-size:24px;line-height:30px;color:#111111">\(text)</td></tr>

        """
    }

    func textRow(_ text: String) -> String {
        """
        <tr><td class="pad" style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#333333">\(text)</td></tr>

        """
    }

    func spacer() -> String {
        "<tr><td height=\"24\" style=\"font-size:0;line-height:0\">&nbsp;</td></tr>\n"
    }

    mutating func imageRow(_ vendor: Vendor) -> String {
        """
        <tr><td align="center" style="padding:0"><a href="https://\(vendor.domain)/c/\(number(10_000...99_999))?utm_source=email&amp;utm_medium=crm&amp;utm_campaign=s\(number(1...52))&amp;utm_content=banner" target="_blank"><img src="https://\(vendor.domain)/static/email/banner-\(number(1...999)).jpg" width="600" height="300" alt="" class="stack" style="display:block;width:100%;max-width:600px;border:0"></a></td></tr>

        """
    }

    mutating func button(_ label: String, vendor: Vendor) -> String {
        """
        <tr><td align="center" style="padding:16px 24px"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="border-radius:4px;background-color:#1a5fb4"><a href="https://\(vendor.domain)/a/\(number(100_000...999_999))?t=\(randomBase64(24).replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))" target="_blank" style="display:inline-block;padding:12px 28px;font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#ffffff;text-decoration:none">\(label)</a></td></tr></table></td></tr>

        """
    }

    /// Two product cards side by side, as newsletters and "you may also like" blocks show them.
    mutating func productCards(_ language: Language, vendor: Vendor) -> String {
        var cells = ""
        for _ in 0..<2 {
            let name = pick(Self.products[language] ?? [])
            cells += """
                <td class="stack" width="50%" valign="top" style="padding:12px"><a href="https://\(vendor.domain)/p/\(number(10_000...99_999))?utm_source=email&amp;utm_medium=crm&amp;utm_campaign=s\(number(1...52))" target="_blank"><img src="https://\(vendor.domain)/static/p/\(number(10_000...99_999))-600.jpg" width="264" height="264" alt="\(name)" style="display:block;width:100%;border:0"></a>
                <p style="margin:8px 0 0;font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:20px;color:#333333">\(name)</p><p style="margin:4px 0 0;font-family:Helvetica,Arial,sans-serif;font-size:14px;font-weight:bold;color:#111111">\(price(language, number(499...12_999)))</p></td>

                """
        }
        return "<tr><td style=\"padding:0 12px\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>\n" + cells + "</tr></table></td></tr>\n"
    }

    func footer(_ vendor: Vendor, french: Bool) -> String {
        let legal = french
            ? "Vous recevez cet e-mail car vous êtes client de \(vendor.name). Conformément au RGPD, vous disposez d'un droit d'accès, de rectification et de suppression de vos données."
            : "You are receiving this email because you are a customer of \(vendor.name). You can update your preferences or unsubscribe at any time."
        let social = ["facebook", "instagram", "pinterest", "youtube"].map {
            "<a href=\"https://\(vendor.domain)/social/\($0)\" target=\"_blank\"><img src=\"https://\(vendor.domain)/static/email/\($0).png\" width=\"24\" height=\"24\" alt=\"\($0)\" style=\"border:0\"></a>"
        }.joined(separator: "&nbsp;&nbsp;")
        return """
            <tr><td align="center" style="padding:24px;background-color:#fafafa">\(social)</td></tr>
            <tr><td class="pad" style="padding:16px 24px;background-color:#fafafa;font-family:Helvetica,Arial,sans-serif;font-size:11px;line-height:16px;color:#888888">\(legal)<br><a href="https://\(vendor.domain)/preferences" style="color:#888888">\(french ? "Gérer mes préférences" : "Manage preferences")</a> · <a href="https://\(vendor.domain)/u" style="color:#888888">\(french ? "Se désabonner" : "Unsubscribe")</a></td></tr>
            </table></td></tr></table></body></html>
            """
    }
}
