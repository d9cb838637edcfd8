/// Facts about host names that several modules need.
public enum HostName {
    /// Whether `host` names this machine (`localhost`, `127.x.y.z`, `::1`): the only hosts a
    /// plain, unencrypted IMAP connection is allowed to.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if ["localhost", "::1", "[::1]"].contains(lowered) || lowered.hasSuffix(".localhost") { return true }
        let parts = lowered.split(separator: ".")
        return parts.count == 4 && parts.first == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
