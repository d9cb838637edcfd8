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
        guard let listID = message.list.id?.trimmingCharacters(in: .whitespaces).lowercased(),
            listID.hasSuffix("." + platformDomain)
        else { return nil }
        let label = listID.dropLast(platformDomain.count + 1)
        guard label.count >= 4, !label.contains(".") else { return nil }
        let platforms = rules.platforms
        var hosts = Self.hosts(in: message)
        for value in message.list.unsubscribe {
            if let host = URL(string: value.trimmingCharacters(in: .init(charactersIn: " <>")))?.host?.lowercased() { hosts.insert(host) }
        }
        let own = Set(hosts.compactMap(RegistrableDomain.of)).filter { domain in
            domain != platformDomain && !platforms.emailServiceProviders.contains(domain) && !platforms.mailboxProviders.contains(domain)
                && domain.split(separator: ".").first.map { $0.replacingOccurrences(of: "-", with: "") } == String(label)
        }
        guard let domain = own.sorted().first else { return nil }
        let name = sender?.name.flatMap { IdentifiedVendor.spelling(of: domain, in: $0) } ?? domain
        return (business(at: domain, named: name),
                "vendor: List-Id \(listID) is a publication on \(platformDomain); the mail links to \(domain), its own domain")
    }
}
