import Dashboard
import Foundation
import MailroomCore
import Store
import Testing

@Suite("Refusal policy")
struct RefusalPolicyTests {
    static let amazon = VendorID("amazon")
    static let fnac = VendorID("fnac")
    static let date = Date(timeIntervalSince1970: 0)

    static func rule(_ target: Refusal.Target, _ category: Category?, _ action: Refusal.Action) -> Refusal {
        Refusal(target: target, category: category, action: action, createdAt: date)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var rules: [Refusal]
        var vendor: VendorID?
        var category: Category?
        var hidden: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no rule: shown", rules: [], vendor: amazon, category: .orders, hidden: false),
        Case(name: "vendor refused: every category hidden", rules: [rule(.vendor(amazon), nil, .refuse)],
             vendor: amazon, category: .orders, hidden: true),
        Case(name: "vendor refused: unclassified mail hidden too", rules: [rule(.vendor(amazon), nil, .refuse)],
             vendor: amazon, category: nil, hidden: true),
        Case(name: "vendor refused: other vendors shown", rules: [rule(.vendor(amazon), nil, .refuse)],
             vendor: fnac, category: .orders, hidden: false),
        Case(name: "vendor + category refused: that category hidden", rules: [rule(.vendor(amazon), .newsletters, .refuse)],
             vendor: amazon, category: .newsletters, hidden: true),
        Case(name: "vendor + category refused: other categories shown", rules: [rule(.vendor(amazon), .newsletters, .refuse)],
             vendor: amazon, category: .orders, hidden: false),
        Case(name: "vendor + category refused: unclassified shown", rules: [rule(.vendor(amazon), .newsletters, .refuse)],
             vendor: amazon, category: nil, hidden: false),
        Case(name: "sector refused: its vendors hidden", rules: [rule(.sector(.retail), nil, .refuse)],
             vendor: amazon, category: .account, hidden: true),
        Case(name: "sector + category refused: that category hidden", rules: [rule(.sector(.retail), .newsletters, .refuse)],
             vendor: amazon, category: .newsletters, hidden: true),
        Case(name: "sector + category refused: other categories shown", rules: [rule(.sector(.retail), .newsletters, .refuse)],
             vendor: amazon, category: .orders, hidden: false),
        Case(name: "vendor + category accept beats vendor refusal",
             rules: [rule(.vendor(amazon), nil, .refuse), rule(.vendor(amazon), .orders, .accept)],
             vendor: amazon, category: .orders, hidden: false),
        Case(name: "vendor + category accept leaves the rest of the vendor refused",
             rules: [rule(.vendor(amazon), nil, .refuse), rule(.vendor(amazon), .orders, .accept)],
             vendor: amazon, category: .newsletters, hidden: true),
        Case(name: "vendor accept beats sector + category refusal",
             rules: [rule(.sector(.retail), .newsletters, .refuse), rule(.vendor(amazon), nil, .accept)],
             vendor: amazon, category: .newsletters, hidden: false),
        Case(name: "sector + category accept beats sector refusal",
             rules: [rule(.sector(.retail), nil, .refuse), rule(.sector(.retail), .orders, .accept)],
             vendor: amazon, category: .orders, hidden: false),
        Case(name: "vendor refusal beats sector + category accept",
             rules: [rule(.sector(.retail), .orders, .accept), rule(.vendor(amazon), nil, .refuse)],
             vendor: amazon, category: .orders, hidden: true),
        Case(name: "vendor + category refusal beats vendor accept",
             rules: [rule(.vendor(amazon), nil, .accept), rule(.vendor(amazon), .newsletters, .refuse)],
             vendor: amazon, category: .newsletters, hidden: true),
        Case(name: "mail without a vendor is never hidden", rules: [rule(.sector(.retail), nil, .refuse)],
             vendor: nil, category: .personal, hidden: false),
    ]

    @Test("the most specific rule decides", arguments: cases)
    func decides(_ test: Case) {
        let policy = RefusalPolicy(rules: test.rules)
        #expect(policy.hides(vendor: test.vendor, sector: .retail, category: test.category) == test.hidden)
    }

    @Test("a vendor with no sector is untouched by sector rules")
    func noSector() {
        let policy = RefusalPolicy(rules: [Self.rule(.sector(.retail), nil, .refuse)])
        #expect(!policy.hides(vendor: Self.amazon, sector: nil, category: .orders))
    }

    @Test("what a policy hides, as the store filters it: whole vendors and pairs")
    func hiddenMail() {
        let vendors = [VendorRow(id: Self.amazon, name: "Amazon", sector: .retail, domain: "amazon.fr"),
                       VendorRow(id: Self.fnac, name: "Fnac", sector: .retail, domain: "fnac.com")]
        let policy = RefusalPolicy(rules: [Self.rule(.vendor(Self.amazon), nil, .refuse),
                                           Self.rule(.vendor(Self.fnac), .newsletters, .refuse)])
        let hidden = policy.hiddenMail(vendors: vendors)
        #expect(hidden.vendors == [Self.amazon])
        #expect(hidden.pairs == [HiddenMail.Pair(vendor: Self.fnac, category: .newsletters)])
        #expect(hidden.hides(vendor: Self.fnac, category: .newsletters))
        #expect(!hidden.hides(vendor: Self.fnac, category: .orders))
    }
}
