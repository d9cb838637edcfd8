import IMAP
import MailroomCore
import Testing

@Suite("modified UTF-7 mailbox names (RFC 3501 §5.1.3)")
struct ModifiedUTF7Tests {
    @Test("round trips", arguments: [
        ("INBOX", "INBOX"),
        ("Reçus", "Re&AOc-us"),
        ("Été 2025", "&AMk-t&AOk- 2025"),
        ("A&B", "A&-B"),
        ("日本語", "&ZeVnLIqe-"),
        ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
        ("emoji 📦", "emoji &2D3c5g-"),
    ])
    func roundTrip(name: String, wire: String) {
        #expect(ModifiedUTF7.encode(name) == wire)
        #expect(ModifiedUTF7.decode(wire) == name)
    }

    @Test("malformed names come back as they are")
    func malformed() {
        #expect(ModifiedUTF7.decode("&AOc") == "&AOc")
        #expect(ModifiedUTF7.decode("&!!-") == "&!!-")
    }
}

@Suite("UID sets")
struct UIDSetTests {
    @Test("merging, membership and IMAP syntax")
    func basics() {
        var set = UIDSet([IMAPUID(1), IMAPUID(2), IMAPUID(3), IMAPUID(7), IMAPUID(9), IMAPUID(10)])
        #expect(set.description == "1:3,7,9:10")
        #expect(set.count == 6)
        #expect(set.contains(IMAPUID(2)) && !set.contains(IMAPUID(4)) && set.contains(IMAPUID(10)))
        set.insert(IMAPUID(5))
        #expect(set.description == "1:3,5,7,9:10")
        set.insert(4...8)
        #expect(set.description == "1:10")
        #expect(Array(UIDSet([IMAPUID(3), IMAPUID(1)])) == [IMAPUID(1), IMAPUID(3)])
    }
}

@Suite("hosts")
struct HostTests {
    @Test("loopback hosts")
    func loopback() {
        #expect(HostName.isLoopback("127.0.0.1"))
        #expect(HostName.isLoopback("localhost"))
        #expect(HostName.isLoopback("::1"))
        #expect(!HostName.isLoopback("imap.example.org"))
        #expect(!HostName.isLoopback("127.0.0.1.example.org"))
    }
}

@Suite("refusal action values")
struct RefusalActionValueTests {
    func selected(_ permanentFlags: [String]?) -> SelectedMailbox {
        SelectedMailbox(name: "INBOX", uidValidity: UIDValidity(7), uidNext: nil, highestModSeq: nil, exists: 0, permanentFlags: permanentFlags)
    }

    @Test("PERMANENTFLAGS: a keyword lasts with \\* or when named; without PERMANENTFLAGS every flag lasts")
    func permanentFlags() {
        #expect(selected(["\\Seen", "\\Deleted", "\\*"]).keepsKeyword("$MailroomRefused"))
        #expect(selected(["\\Seen", "$mailroomrefused"]).keepsKeyword("$MailroomRefused"))
        #expect(!selected(["\\Seen", "\\Flagged"]).keepsKeyword("$MailroomRefused"))
        #expect(!selected([]).keepsKeyword("$MailroomRefused"))
        #expect(selected(nil).keepsKeyword("$MailroomRefused"))
    }

    @Test("COPYUID pairs its two sets in order; sets of different sizes are not trusted")
    func copyUID() throws {
        let mapping = try #require(UIDMapping(
            uidValidity: UIDValidity(9), sources: [IMAPUID(4), IMAPUID(2), IMAPUID(3)], destinations: [IMAPUID(10), IMAPUID(11), IMAPUID(12)]))
        #expect(mapping.destinations[IMAPUID(4)] == IMAPUID(10))
        #expect(mapping.destinations[IMAPUID(2)] == IMAPUID(11))
        #expect(mapping.sources.description == "2:4")
        #expect(UIDMapping(uidValidity: UIDValidity(9), sources: [IMAPUID(1)], destinations: []) == nil)
        #expect(UIDMapping(uidValidity: UIDValidity(0), sources: [IMAPUID(1)], destinations: [IMAPUID(2)]) == nil)
    }
}
