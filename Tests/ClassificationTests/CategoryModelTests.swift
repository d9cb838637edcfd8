import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification
@testable import Rules

@Suite("Category model")
struct CategoryModelTests {
    /// A model trained on the features of `examples`, read back from its file as the loader does.
    static func model(_ examples: [(Message, Category)], rules: RuleSet = RuleSet()) -> CategoryModel {
        let classifier = Classifier(rules: rules)
        var training = CategoryModel.Training()
        for (message, category) in examples {
            if let names = classifier.modelFeatureNames(of: message) { training.add(names, category: category) }
        }
        return CategoryModel.read(training.text(comment: ["test"]), file: "test.tsv").0
    }

    static func notice(_ from: String, _ subject: String, _ body: String, headers: [String] = []) -> Message {
        mail(["From: \(from)", "Subject: \(subject)", "Date: Mon, 2 Mar 2026 09:00:00 +0100"] + headers, body: body)
    }

    @Test("the model file: training's counts are read back; a bad line is reported at its line and column")
    func file() {
        var training = CategoryModel.Training()
        training.add(["s:commande", "b:colis"], category: .orders)
        training.add(["s:commande", "s:password"], category: .account)
        training.add(["s:ignored"], category: .personal)
        let text = training.text(comment: ["two messages"])
        #expect(text.hasPrefix("# two messages\nfeature\torders\taccount\tsupport\tnewsletters\tnotifications\nmessages\t1\t1\t0\t0\t0\n"))
        #expect(text.contains("s:commande\t1\t1\t0\t0\t0\n"))
        let (model, problems) = CategoryModel.read(text, file: "m.tsv")
        #expect(problems.isEmpty)
        #expect(model.featureCount == 3)
        #expect(model.messages == [1, 1, 0, 0, 0])

        let broken = "feature\torders\taccount\tsupport\tnewsletters\tnotifications\ns:a\t1\t2\n# note\ns:b\t1\tx\t0\t0\t0\n"
        let diagnostics = CategoryModel.read(broken, file: "m.tsv").1.map(\.description)
        #expect(diagnostics == ["m.tsv:2:1: expected a feature and 5 counts separated by tabs", "m.tsv:4:7: 'x' is not a count"])
        #expect(CategoryModel.read("s:a\t1\t0\t0\t0\t0\n", file: "m.tsv").1.first?.message.hasPrefix("expected the header line") == true)
    }

    @Test("features: folded subject words and pairs, text words, the sender's words, list and reply headers")
    func features() {
        let message = Self.notice("Boutique Été <confirmation-commande@news.boutique.example>", "RE: Votre Commande expédiée",
                                  "Votre colis n° 42 arrive demain.\n", headers: ["List-Unsubscribe: <https://boutique.example/u>"])
        let names = Classifier(rules: RuleSet()).modelFeatureNames(of: message) ?? []
        for expected in ["s:votre", "s:commande", "s:expediee", "s2:votre_commande", "s2:commande_expediee", "b:colis", "b:42",
                         "b:demain", "l:confirmation", "l:commande", "d:news", "h:list-unsubscribe", "h:re"]
        {
            #expect(names.contains(expected), "\(expected) in \(names.sorted())")
        }
        #expect(!names.contains("b:n"), "one-letter words are not features")
        let hashes = ModelFeatures.hashes(in: MessageFeatures(message, sender: message.from.first))
        #expect(Set(hashes.head + hashes.text) == Set(names.map(FeatureHash.of)), "words hashed as read hash like their names")
        #expect(hashes.text.count == 5, "votre, colis, 42, arrive, demain: the text's words of two characters or more")
        #expect(!names.contains("h:in-reply-to"))
        let polish = Classifier(rules: RuleSet()).modelFeatureNames(of: Self.notice("Sklep <sklep@sklep.example>", "Zamówienie przyjęte", "Dziękujemy.\n")) ?? []
        #expect(polish.contains("s:zamowienie") && polish.contains("b:dziekujemy"), "\(polish.sorted())")
        #expect(ModelFeatures.isReply(Array("fwd: x".utf8), firstWord: 0..<3))
        #expect(!ModelFeatures.isReply(Array("reunion: x".utf8), firstWord: 0..<7))
    }

    /// Three short examples per category, in a shop's voice.
    static let examples: [(Message, Category)] = [
        (notice("Shop <orders@shop.example>", "Your parcel is on its way", "Your parcel left our warehouse. Track your parcel.\n"), .orders),
        (notice("Shop <orders@shop.example>", "Order received", "Thanks for your order. Your parcel leaves soon.\n"), .orders),
        (notice("Shop <orders@shop.example>", "Parcel delivered", "Your parcel was delivered to the locker.\n"), .orders),
        (notice("Shop <security@shop.example>", "New sign-in", "We noticed a sign-in to your account from a new device.\n"), .account),
        (notice("Shop <security@shop.example>", "Reset your password", "Use this link to choose a new password for your account.\n"), .account),
        (notice("Shop <security@shop.example>", "Your verification code", "Your code to sign in to your account is 482910.\n"), .account),
        (notice("Shop <news@shop.example>", "Spring sale: 30% off", "Discover the spring collection, this weekend only.\n"), .newsletters),
        (notice("Shop <news@shop.example>", "New arrivals", "Discover our new collection and this week's favourites.\n"), .newsletters),
        (notice("Shop <news@shop.example>", "Last days of the sale", "Discover the last sale prices of the season.\n"), .newsletters),
    ]

    @Test("the model decides what the rules leave open, and says which words counted")
    func modelDecides() {
        var rules = RuleSet()
        rules.categoryModel = Self.model(Self.examples)
        let classifier = Classifier(rules: rules)
        let cases: [(String, String, Category)] = [
            ("Tracking update", "Your parcel will be delivered tomorrow; track it from your order page.\n", .orders),
            ("Security notice", "Someone tried to sign in to your account; choose a new password.\n", .account),
            ("This weekend", "Discover the collection at sale prices.\n", .newsletters),
        ]
        for (subject, body, expected) in cases {
            let result = classifier.classify(Self.notice("Shop <hello@shop.example>", subject, body))
            #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
            #expect(result.explanation.contains { $0.hasPrefix("  model \(expected.rawValue) by ") && $0.contains("known features") })
            #expect(result.confidence > 0.5 && result.confidence <= 1)
        }
    }

    @Test("a clear rule outweighs the model: a password reset full of order words stays account mail")
    func ruleOutweighsModel() {
        var rules = ClassifierTests.rules
        rules.categoryModel = Self.model(Self.examples, rules: rules)
        let result = Classifier(rules: rules).classify(Self.notice(
            "Shop <hello@shop.example>", "Passwort zurücksetzen",
            "Parcel left the warehouse. Parcel in the locker. Parcel soon.\n"))
        #expect(result.category == .account, "\(result.explanation.joined(separator: " | "))")
        #expect(result.explanation.contains { $0.hasPrefix("  model orders by ") }, "the model leaned to orders and was outweighed")
    }

    @Test("without known words the rules decide alone")
    func unknownWords() {
        var rules = ClassifierTests.rules
        rules.categoryModel = Self.model(Self.examples, rules: rules)
        let result = Classifier(rules: rules).classify(Self.notice("Zzz <zz@zz.example>", "Qqq", "Xxxy zzzw.\n"))
        #expect(!result.explanation.contains { $0.contains("model") })
    }

    @Test("the shipped rules and model sort realistic mail written for this test", arguments: [
        ("Ferme du Vallon <commandes@fermeduvallon.example>", "Votre panier du jeudi est prêt",
         "Bonjour Camille,\n\nVotre commande n° 20417 (panier légumes 6 kg, 1 douzaine d'œufs) est prête. Retrait au point relais de la gare jeudi entre 17 h et 19 h.\nMontant réglé : 31,40 €.\n\nÀ jeudi !\n", Category.orders),
        ("Stadtwerke Nordheim <kundenportal@stadtwerke-nordheim.example>", "Ihr Zugang zum Kundenportal",
         "Guten Tag,\n\nSie haben soeben ein neues Passwort für Ihr Kundenkonto festgelegt. Wenn Sie das nicht waren, sperren Sie Ihren Zugang bitte sofort über den Link unten.\n", .account),
        ("Vélocité Atelier <atelier@velocite.example>", "Re: Demande #5521 – frein arrière",
         "Bonjour,\n\nNotre technicien a regardé votre demande : la pièce est sous garantie, nous la remplaçons gratuitement. Déposez le vélo à l'atelier quand vous le souhaitez, le délai est de deux jours.\n\nL'équipe atelier\n", .support),
        ("Libreria Portici <novita@libreriaportici.example>", "Le novità di marzo e un invito in libreria",
         "Ciao,\n\nquesto mese ti proponiamo dieci nuovi romanzi, la nostra selezione per ragazzi e un incontro con l'autrice sabato alle 18. Sconto del 15% su tutta la narrativa fino a domenica.\n\nDisiscriviti\n", .newsletters),
        ("Gemeente Oosterveld <noreply@oosterveld.example>", "Wijziging ophaaldagen afval",
         "Beste bewoner,\n\nVanaf 1 april wordt het restafval in uw wijk op dinsdag opgehaald in plaats van op vrijdag. De nieuwe afvalkalender staat in de app.\n", .notifications),
    ])
    func shippedModel(from: String, subject: String, body: String, expected: Category) {
        let result = Classifier(rules: ClassifierTests.shippedRules).classify(Self.notice(from, subject, body))
        #expect(result.category == expected, "\(subject): \(result.explanation.joined(separator: " | "))")
    }
}

@Suite("schema.org types")
struct SchemaTypeTests {
    /// The expressions the byte reader replaced, as the reference.
    static let jsonLD = try! NSRegularExpression(pattern: #""@type"\s*:\s*"(?:https?://schema\.org/)?([A-Za-z]+)""#)
    static let microdata = try! NSRegularExpression(pattern: #"itemtype\s*=\s*["']?https?://schema\.org/([A-Za-z]+)"#)

    static func reference(_ html: String) -> Set<String> {
        guard html.contains("schema.org") else { return [] }
        var types: Set<String> = []
        for regex in [jsonLD, microdata] {
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                if let range = Range(match.range(at: 1), in: html) { types.insert(String(html[range])) }
            }
        }
        return types
    }

    @Test("JSON-LD @type and microdata itemtype read on bytes as the regular expressions read them")
    func sameAsExpressions() throws {
        let cases = [
            #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Order","acceptedOffer":{"@type" : "Offer"}}</script>"#,
            #"{"@context": "http://schema.org", "@type":"http://schema.org/ParcelDelivery"} {"@type": ["Invoice"]} {"@type":"Bad name"}"#,
            #"<div itemscope itemtype="https://schema.org/Order"><span itemtype = 'http://schema.org/Product'></span><p itemtype=https://schema.org/Offer>"#,
            #"<div itemtype="https://example.org/Order"> "@type" "Order" "@type":"" schema.org itemtype="https://schema.org/"#,
            "\"@type\"\n:\t\"Reservation\" schema.org \"@type\":\"FlightReservation",
        ]
        for html in cases {
            #expect(MessageFeatures.schemaTypes(in: html) == Self.reference(html), "\(html)")
        }
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        var compared = 0
        for case let url as URL in FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil)! where url.pathExtension == "eml" {
            let html = MessageParser.parse(try Data(contentsOf: url)).html ?? ""
            #expect(MessageFeatures.schemaTypes(in: html) == Self.reference(html), "\(url.lastPathComponent)")
            if !Self.reference(html).isEmpty { compared += 1 }
        }
        #expect(compared >= 5, "samples with schema.org markup")
    }
}
