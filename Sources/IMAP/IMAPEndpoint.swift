import Foundation
import MailroomCore

/// Where an IMAP server is and how to talk to it securely.
public struct IMAPEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// TLS from the first byte (port 993), RFC 8314.
        case tls
        /// Plain connection upgraded with STARTTLS (port 143), RFC 3501 §6.2.1.
        case starttls
        /// No encryption: allowed only for loopback hosts.
        case plain

        /// The usual port for this kind of connection.
        public var defaultPort: Int { self == .tls ? 993 : 143 }
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var trust: CertificateTrust

    public init(host: String, port: Int? = nil, security: Security = .tls, trust: CertificateTrust = .systemRoots) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.trust = trust
    }

    /// `host:port`.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Which certificates a TLS connection accepts.
public enum CertificateTrust: Sendable, Hashable {
    /// A chain to the system's root certificates, for the endpoint's host name.
    case systemRoots
    /// A chain to the certificates in this PEM file (a private CA), for the endpoint's host name.
    case caFile(String)
    /// Exactly the certificate with this SHA-256 fingerprint (64 hex digits, lowercase).
    case pinned(sha256: String)

    /// The system's bundle of trusted roots (Debian's `ca-certificates`).
    public static let systemRootsFile = "/etc/ssl/certs/ca-certificates.crt"
}

/// A user name and password for LOGIN; the password never appears in descriptions.
public struct IMAPCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "\(user) (password hidden)" }
    public var debugDescription: String { description }
}
