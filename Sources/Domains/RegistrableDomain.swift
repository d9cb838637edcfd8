import CPSL

/// Registrable domains from the Public Suffix List (libpsl's built-in and system list).
///
/// `ship-confirm.amazon.fr` → `amazon.fr`, `mail.amazon.co.uk` → `amazon.co.uk`,
/// `dgfip.finances.gouv.fr` → `finances.gouv.fr`.
public enum RegistrableDomain {
    /// The registrable domain of `host`, lowercased; `nil` for a bare public suffix or an
    /// empty or malformed host.
    public static func of(_ host: String) -> String? {
        var trimmed = host.lowercased()
        while trimmed.hasSuffix(".") { trimmed.removeLast() }
        guard !trimmed.isEmpty, trimmed.count <= 253, !trimmed.contains(where: { $0 == " " || $0 == "@" }) else {
            return nil
        }
        guard let list = list.context else { return trimmed }
        return trimmed.withCString { pointer -> String? in
            guard let result = psl_registrable_domain(list, pointer) else { return nil }
            return String(cString: result)
        }
    }

    /// The list, loaded once: `psl_latest` reads and parses the list file on every call and
    /// returns a new context, so it must not run per message. Lookups on a loaded context are
    /// thread-safe.
    private static let list = LoadedList()
}

private final class LoadedList: Sendable {
    nonisolated(unsafe) let context: OpaquePointer?
    init() {
        let latest: OpaquePointer? = psl_latest(nil)
        let builtin: OpaquePointer? = psl_builtin()
        context = latest ?? builtin
    }
}
