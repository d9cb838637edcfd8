import Dashboard
import MailroomCore
import Store
import Testing

@Suite("Vendor lookup")
struct VendorLookupTests {
    static let vendors = [
        VendorRow(id: VendorID("galeries-lafayette"), name: "Galeries Lafayette", sector: .retail, domain: "galerieslafayette.com"),
        VendorRow(id: VendorID("credit-agricole"), name: "Crédit Agricole", sector: .bank, domain: "credit-agricole.fr"),
        VendorRow(id: VendorID("sncf-connect"), name: "SNCF Connect", sector: .transport, domain: "sncf-connect.com"),
        VendorRow(id: VendorID("amazon"), name: "Amazon", sector: .retail, domain: "amazon.fr"),
        VendorRow(id: VendorID("amazon-web-services"), name: "Amazon Web Services", sector: .software, domain: "aws.amazon.com"),
    ]
    static let lookup = VendorLookup(vendors: vendors, domains: [VendorID("amazon"): ["amazon.fr", "amazon.de", "amazon.com"]])

    @Test("found by id, by name whatever its case and accents, by domain, host or address", arguments: [
        ("sncf-connect", "sncf-connect"),
        ("Galeries Lafayette", "galeries-lafayette"),
        ("GALERIES-lafayette", "galeries-lafayette"),
        ("credit agricole", "credit-agricole"),
        ("CRÉDIT AGRICOLE", "credit-agricole"),
        ("amazon.de", "amazon"),
        ("marketplace.amazon.de", "amazon"),
        ("news@mail.galerieslafayette.com", "galeries-lafayette"),
        ("aws.amazon.com", "amazon-web-services"),
        ("lafayette", "galeries-lafayette"),
        ("Amazon", "amazon"),
    ])
    func finds(query: String, id: String) throws {
        #expect(try Self.lookup.find(query).id == VendorID(id))
    }

    @Test("a misspelled name suggests the closest vendors")
    func suggests() {
        #expect(throws: DashboardError.self) { try Self.lookup.find("Galeris Lafayete") }
        #expect(throws: Never.self) { try Self.lookup.find("Crédit Agricol") }
        do {
            _ = try Self.lookup.find("sncf konect")
            Issue.record("expected no match")
        } catch {
            guard case .noSuchVendor(_, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(suggestions.first == "SNCF Connect")
            #expect(error.description.contains("did you mean \"SNCF Connect\""))
        }
    }

    @Test("a name far from every vendor gets no suggestion")
    func nothingClose() {
        do {
            _ = try Self.lookup.find("Boulangerie Paul")
            Issue.record("expected no match")
        } catch {
            guard case .noSuchVendor(_, let suggestions) = error else { Issue.record("\(error)"); return }
            #expect(suggestions.isEmpty)
        }
    }

    @Test("a fragment shared by several vendors is ambiguous and lists them")
    func ambiguous() {
        do {
            _ = try Self.lookup.find("ama")
            Issue.record("expected an ambiguity")
        } catch {
            guard case .ambiguousVendor(_, let candidates) = error else { Issue.record("\(error)"); return }
            #expect(candidates == ["amazon", "amazon-web-services"])
        }
    }
}
