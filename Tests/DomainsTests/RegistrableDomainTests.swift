import Domains
import Testing

@Suite("Registrable domains")
struct RegistrableDomainTests {
    @Test("hosts map to their registrable domain", arguments: [
        ("ship-confirm.amazon.fr", "amazon.fr"),
        ("mail.amazon.co.uk", "amazon.co.uk"),
        ("marketplace.amazon.de", "amazon.de"),
        ("Email.Apple.com", "apple.com"),
        ("dgfip.finances.gouv.fr", "finances.gouv.fr"),
        ("impots.gouv.fr", "impots.gouv.fr"),
        ("foo.bar.github.io", "bar.github.io"),
        ("amazon.fr.", "amazon.fr"),
    ])
    func registrable(host: String, expected: String) {
        #expect(RegistrableDomain.of(host) == expected)
    }

    @Test("public suffixes and junk have none", arguments: ["co.uk", "gouv.fr", "", "not a host", "a@b.com"])
    func none(host: String) {
        #expect(RegistrableDomain.of(host) == nil)
    }
}
