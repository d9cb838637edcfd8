import Foundation
import MIME
import MailroomCore
import Testing

@testable import Classification

/// Digests of people followed, a publication's own posts, space used, debits about to leave a
/// bank account, refund requests, opening hours, booked lessons, contribution notices and
/// maintenance works (rules only: the model is left out).
@Suite("Category notices and digests")
struct CategoryNoticesTests {
    let classifier = Classifier(rules: ClassifierTests.rules)

    func classify(from: String, subject: String, list: Bool = true, body: String = "Hello,\n\nMore inside.\n") -> Classification {
        var headers = ["From: \(from)", "Subject: \(subject)", "Date: Tue, 4 Mar 2025 10:00:00 +0100"]
        if list { headers.append("List-Unsubscribe: <https://example.org/unsubscribe?t=x>") }
        return classifier.classify(mail(headers, body: body))
    }

    @Test("a payment of the person's own that the vendor received is its receipt", arguments: [
        "Nous avons bien reçu votre paiement", "Your payment has been received", "Deine Zahlung ist eingegangen",
        "Hemos recibido tu pago", "Il tuo pagamento è stato ricevuto", "We hebben je betaling ontvangen",
        "Otrzymaliśmy Twoją płatność",
    ])
    func paymentReceived(subject: String) {
        let result = classify(from: "Kinetta <billing@kinetta.example>", subject: subject, list: false)
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("what the person bought is on its way: the shop's shipping notice", arguments: [
        "Your flowers are on their way", "Tus zapatillas están en camino", "I tuoi libri sono in viaggio",
        "Je bestelde planten zijn onderweg", "Twoje książki są w drodze",
    ])
    func onItsWay(subject: String) {
        let result = classify(from: "Kinetta <hello@kinetta.example>", subject: subject, list: false)
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("a new bank card on its way is the account's life, not a parcel", arguments: [
        "Votre nouvelle carte est en route", "Your new debit card is on its way", "Deine neue Bankkarte ist unterwegs",
        "Tu nueva tarjeta está en camino", "La tua nuova carta è in arrivo", "Je nieuwe pas is onderweg",
        "Twoja nowa karta jest w drodze",
    ])
    func cardOnItsWay(subject: String) {
        let result = classify(from: "Kinetta Bank <noreply@kinetta.example>", subject: subject, list: false)
        #expect(result.category == .account, "\(result.explanation)")
    }

    @Test("money someone else sent the person is a notice, not a receipt", arguments: [
        "Sie haben eine Zahlung erhalten", "Has recibido un pago", "Hai ricevuto un pagamento",
    ])
    func moneyReceived(subject: String) {
        let result = classify(from: "Kinetta <service@kinetta.example>", subject: subject, list: false)
        #expect(result.category != .orders, "\(result.explanation)")
    }

    @Test("a digest of what the people one follows released is a newsletter (not the person's own activity)")
    func followedDigest() {
        let result = classify(from: "Soundshelf <news@soundshelf.example>", subject: "Fresh picks from artists you follow: Ana Lua, Kettle Drum")
        #expect(result.category == .newsletters, "\(result.explanation)")
    }

    @Test("following someone is still the person's own activity", arguments: ["You followed Ana Lua", "Shops you've saved are on sale"])
    func followed(subject: String) {
        let result = classify(from: "Soundshelf <noreply@soundshelf.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a publication's own new post is its newsletter; a new event is a notice")
    func newPost() {
        let post = classify(from: "Slow Garden <newsletter@slowgarden.example>", subject: "New post: Mulching the raised beds before frost")
        #expect(post.category == .newsletters, "\(post.explanation)")
        let event = classify(from: "Meetups <info@meetups.example>", subject: "New event: Board games night")
        #expect(event.category == .notifications, "\(event.explanation)")
    }

    @Test("a space used up to a level is a usage report, not a percentage off", arguments: [
        "Votre hébergement est utilisé à 91 %", "Tu buzón está ocupado al 90 %", "Il tuo spazio è utilizzato al 85%",
    ])
    func spaceUsed(subject: String) {
        let result = classify(from: "Hostly <info@hostly.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a percentage off stays a promotion")
    func percentOff() {
        let result = classify(from: "Hostly <info@hostly.example>", subject: "Jusqu'à 50 % sur l'hébergement")
        #expect(result.category == .newsletters, "\(result.explanation)")
    }

    @Test("a bank's notice of a debit about to leave the account is a notification", arguments: [
        "Your direct debit to Thames Water will be taken tomorrow", "Lastschrift an Stadtwerke Nord morgen fällig",
    ])
    func upcomingDebit(subject: String) {
        let result = classify(from: "N26 <no-reply@n26.com>", subject: subject, list: false)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a request for a refund is support; the refund itself is order mail")
    func refundRequest() {
        let request = classify(from: "Railways <no-reply@railways.example>", subject: "Your refund request for booking 55120 has been received", list: false)
        #expect(request.category == .support, "\(request.explanation)")
        let refund = classify(from: "Railways <no-reply@railways.example>", subject: "Your refund for booking 55120 has been issued", list: false)
        #expect(refund.category == .orders, "\(refund.explanation)")
    }

    @Test("changed opening hours are a notice, list headers or not", arguments: [
        "Geänderte Öffnungszeiten über Ostern", "Horaires modifiés pour le 1er mai", "Holiday opening hours at our studios",
    ])
    func openingHours(subject: String) {
        let result = classify(from: "Studio Nord <info@studio-nord.example>", subject: subject)
        #expect(result.category == .notifications, "\(result.explanation)")
    }

    @Test("a lesson or a session booked is order mail; places kept for members are not")
    func booked() {
        let lesson = classify(from: "Auto-école du Parc <contact@ae-parc.example>", subject: "Séance réservée - mardi 14/04 à 14h", list: false)
        #expect(lesson.category == .orders, "\(lesson.explanation)")
        let members = classify(from: "Club Nautique <info@club-nautique.example>", subject: "Cours réservés aux adhérents : le programme du printemps")
        #expect(members.category != .orders, "\(members.explanation)")
    }

    @Test("an insurer's contribution notice or payment schedule is its bill", arguments: [
        "Votre avis de cotisation habitation 2027", "Votre échéancier de paiement 2027",
    ])
    func contributionNotice(subject: String) {
        let result = classify(from: "Mutuelle du Centre <contact@mutuelle-centre.example>", subject: subject, list: false,
                              body: "Bonjour,\n\nLes prélèvements auront lieu le 5 de chaque mois.\n")
        #expect(result.category == .orders, "\(result.explanation)")
    }

    @Test("maintenance works announced in the text are a notice's words, in every language", arguments: [
        "Este sábado realizaremos trabajos de mantenimiento en la estación.", "Des travaux de maintenance auront lieu samedi.",
        "Am Samstag finden Wartungsarbeiten statt.", "Sabato sono previsti lavori di manutenzione.",
        "Las estaciones estarán cerradas el domingo.",
    ])
    func maintenanceBody(body: String) {
        let result = classify(from: "Bicis <hola@bicis.example>", subject: "Estación Plaza Mayor", body: "Hola,\n\n\(body)\n")
        #expect(result.explanation.contains { $0.contains("notification-body") }, "\(result.explanation)")
    }
}
