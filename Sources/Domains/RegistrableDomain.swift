import CPSL

/// Registrable domains from the Public Suffix List (libpsl's built-in and system list).
///
/// `ship-confirm.amazon.fr` → `amazon.fr`, `mail.amazon.co.uk` → `amazon.co.uk`,
/// `dgfip.finances.gouv.fr` → `finances.gouv.fr`.
public enum RegistrableDomain {
    /// The registrable domain of `host`, lowercased; `nil` for a bare public suffix or an
    /// empty or malformed host.
    public static func of(_ host: String) -> String? {
        guard let trimmed = asciiTrimmed(host) ?? characterTrimmed(host) else { return nil }
        guard let list = list.context else { return trimmed }
        return trimmed.withCString { pointer -> String? in
            guard let result = psl_registrable_domain(list, pointer) else { return nil }
            return String(cString: result)
        }
    }

    /// The host lowercased without its trailing dots; `nil` when it is empty, longer than 253
    /// characters or holds a space or an `@`.
    static func characterTrimmed(_ host: String) -> String? {
        var trimmed = host.lowercased()
        while trimmed.hasSuffix(".") { trimmed.removeLast() }
        guard !trimmed.isEmpty, trimmed.count <= 253, !trimmed.contains(where: { $0 == " " || $0 == "@" }) else {
            return nil
        }
        return trimmed
    }

    /// ``characterTrimmed(_:)`` on the bytes of an ASCII host without a carriage return (each
    /// byte one character then); `.some(nil)` is a rejected host, `nil` a host to read as
    /// characters. Hosts are looked up several times per message: lowercasing and counting
    /// characters cost as much as the lookup.
    static func asciiTrimmed(_ host: String) -> String?? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(host.utf8.count)
        for byte in host.utf8 {
            guard byte < 0x80, byte != 0x0D else { return nil }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        while bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.count <= 253, !bytes.contains(where: { $0 == 0x20 || $0 == 0x40 }) else { return .some(nil) }
        return .some(String(decoding: bytes, as: UTF8.self))
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
