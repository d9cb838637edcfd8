@testable import Extraction
import Testing

@Suite("Tracking numbers")
struct TrackingNumberTests {
    @Test("check digits that hold", arguments: [
        ("1ZE6R2740681239710", "UPS"), ("1ZA9W3X16844173056", "UPS"), ("1Z8W2V416804193277", "UPS"),
        ("LA274501631FR", "Colissimo"), ("CB803165941FR", "Colissimo"), ("FJ402851735GB", "Royal Mail"),
        ("00340434161094042557", nil), ("4730182656", "DHL"), ("RR123456785DE", "Deutsche Post"),
    ])
    func valid(_ number: String, _ carrier: String?) throws {
        let tracking = try #require(TrackingNumber.validated(number, carrier: nil), "\(number)")
        #expect(tracking.carrier == carrier)
    }

    @Test("a wrong check digit is rejected", arguments: [
        "1ZE6R2740681239711", "RM482210937GB", "LA274501632FR", "00340434161094042558", "4730182657",
    ])
    func invalid(_ number: String) {
        #expect(TrackingNumber.validated(number, carrier: "UPS") == nil, "\(number)")
        #expect(TrackingNumber.format(of: number)?.valid == false, "\(number)")
    }

    @Test("spaces are ignored and the stated carrier wins")
    func normalised() {
        #expect(TrackingNumber.validated("1Z E6R 274 0681239710", carrier: "ups") == TrackingNumber(carrier: "UPS", number: "1ZE6R2740681239710"))
    }

    @Test("the finder keeps valid numbers, rejects bad check digits and skips the order number")
    func finder() {
        let lines = [
            "Commande n° 9RD2LW8KHC3NF", "Transporteur : Colissimo", "Numéro de suivi : LA274501631FR",
            "Autre colis : LA274501632FR", "Suivre : https://www.laposte.fr/suivi?code=LA274501631FR",
        ]
        let result = TrackingFinder.find(in: lines, excluding: "9RD2LW8KHC3NF")
        #expect(result.numbers == [TrackingNumber(carrier: "Colissimo", number: "LA274501631FR")])
        #expect(result.rejected == ["LA274501632FR"])
    }
}
