import MailroomCore

/// Domains that only public bodies can register: the second-level suffixes governments keep for
/// themselves (`gouv.fr`, `gov.uk`, `gob.es`…). A sender under one is a public administration,
/// whether or not the catalog knows it.
enum PublicBodyDomain {
    /// `administration` when the registrable domain lies under a government suffix.
    static func sector(of registrableDomain: String) -> Sector? {
        guard let dot = registrableDomain.firstIndex(of: ".") else { return nil }
        let suffix = registrableDomain[registrableDomain.index(after: dot)...].lowercased()
        return suffixes.contains(suffix) ? .administration : nil
    }

    static let suffixes: Set<String> = [
        "gouv.fr", "gov.uk", "gob.es", "gov.it", "gov.pl", "gv.at", "gov.ie", "gov.pt", "gov.gr", "gc.ca", "gouv.qc.ca", "gov.au",
        "govt.nz", "gov",
    ]
}
