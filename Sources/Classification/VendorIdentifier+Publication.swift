import Domains
import Foundation
import MIME

/// A publication hosted on a platform's subdomain (`noahpinion.substack.com`) that has a domain
/// of its own (`noahpinion.blog`): the publication is the vendor, not the platform.
extension VendorIdentifier {
    /// The vendor of the publication's own domain when the List-Id is one label under the
    /// sender's domain and the mail links (text or List-Unsubscribe) to a domain whose name is
    /// that label; `nil` otherwise.
    func ownDomainPublication(_ message: Message, platformDomain: String, sender: MailAddress?) -> (vendor: IdentifiedVendor, reason: String)? {
        guard let listID = message.list.id.map(DomainLabels.trimmingBlanks)?.lowercased(),
            listID.hasSuffix("." + platformDomain)
        else { return nil }
        let label = listID.dropLast(platformDomain.count + 1)
        guard label.count >= 4, !label.contains(".") else { return nil }
        let platforms = rules.platforms
        let unsubscribeHosts = message.list.unsubscribe.compactMap {
            URL(string: DomainLabels.trimming($0, asciiMembers: " <>"))?.host?.lowercased()
        }
        // Reading every host of the text is dear (a String per word): only when the text names
        // a host whose name starts with the label other than the List-Id's own (most
        // newsletters' List-Id is `news.<their domain>`, and their text links nowhere else
        // under that name).
        let labelBytes = Array(label.utf8), platformBytes = Array(platformDomain.utf8)
        guard unsubscribeHosts.contains(where: { host in
            var host = host
            return host.withUTF8 { Self.namesHost(startingWith: labelBytes, other: platformBytes, in: $0) }
        }) || message.textParts.contains(where: { part in
            var text = part.text
            return text.withUTF8 { Self.namesHost(startingWith: labelBytes, other: platformBytes, in: $0) }
        })
        else { return nil }
        var hosts = Self.hosts(in: message)
        hosts.formUnion(unsubscribeHosts)
        let own = Set(hosts.compactMap(RegistrableDomain.of)).filter { domain in
            domain != platformDomain && !platforms.emailServiceProviders.contains(domain) && !platforms.mailboxProviders.contains(domain)
                && DomainLabels.first(of: domain).map(DomainLabels.dehyphenated) == String(label)
        }
        guard let domain = own.sorted().first else { return nil }
        let name = sender?.name.flatMap { IdentifiedVendor.spelling(of: domain, in: $0) } ?? domain
        return (business(at: domain, named: name),
                "vendor: List-Id \(listID) is a publication on \(platformDomain); the mail links to \(domain), its own domain")
    }

    /// Whether `text` names a host with a label `<label>` (hyphens in the text ignored, ASCII
    /// case folded) followed by a dot, other than `<label>.<other>`: a cheap test before every
    /// host of the text is read.
    static func namesHost(startingWith label: [UInt8], other: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = label.first, let base = text.baseAddress else { return false }
        let count = text.count
        // The bytes `b` with `b | 0x20 == first`: none when `first` lacks the 0x20 bit, else
        // `first` and `first` without it. Each is found with memchr (a text is thousands of
        // bytes, a label's first letter a few dozen of them); the order the places are tried in
        // does not change the answer.
        guard first & 0x20 != 0 else { return false }
        for candidate in [first, first & 0xDF] {
            var offset = 0
            while offset < count, let hit = memchr(base + offset, Int32(candidate), count - offset) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                offset = index + 1
                if namesHost(at: index, label: label, other: other, in: text) { return true }
            }
        }
        return false
    }

    /// Whether a host `<label>.` other than `<label>.<other>` starts at `index` of `text`, whose
    /// byte there is the label's first letter in either case.
    private static func namesHost(at index: Int, label: [UInt8], other: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        func isHostByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2E || byte == 0x2D
        }
        let count = text.count
        guard index == 0 || !isHostByte(text[index - 1]) || text[index - 1] == UInt8(ascii: ".") else { return false }
        var position = index + 1
        var matched = 1
        while matched < label.count, position < count {
            if text[position] == UInt8(ascii: "-") {
                position += 1
            } else if text[position] | 0x20 == label[matched] {
                position += 1
                matched += 1
            } else {
                break
            }
        }
        guard matched == label.count, position + 1 < count, text[position] == UInt8(ascii: "."), isHostByte(text[position + 1]) else { return false }
        // `<label>.<other>` is the List-Id's own host.
        let rest = position + 1
        var same = rest + other.count <= count
        var offset = 0
        while same, offset < other.count {
            same = text[rest + offset] | 0x20 == other[offset] | 0x20
            offset += 1
        }
        if same, rest + other.count == count || !isHostByte(text[rest + other.count]) { return false }
        return true
    }
}
