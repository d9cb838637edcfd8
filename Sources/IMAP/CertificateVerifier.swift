import Crypto
import Foundation
@_spi(FixedExpiryValidationTime) import X509

/// Checks a server's certificate chain, since libetpan's GnuTLS build checks nothing.
///
/// A chain is accepted when it leads to a trusted root (the system's, or a configured CA
/// file), names the host (RFC 6125, through swift-certificates' `ServerIdentityPolicy`) and is
/// valid at `now` (RFC 5280); or, with a pin, when the leaf's SHA-256 fingerprint matches.
public struct CertificateVerifier: Sendable {
    /// What the chain is checked against.
    public var trust: CertificateTrust
    /// The clock validity dates are checked against.
    public var now: @Sendable () -> Date

    public init(trust: CertificateTrust, now: @escaping @Sendable () -> Date) {
        self.trust = trust
        self.now = now
    }

    /// The SHA-256 fingerprint of a DER certificate, as 64 lowercase hex digits.
    public static func fingerprint(of der: Data) -> String {
        SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
    }

    /// Throws ``IMAPError/certificateRefused(server:reason:fingerprint:)`` unless the chain
    /// (leaf first, DER) is acceptable for `host`.
    public func verify(chain: [Data], host: String, server: String) async throws(IMAPError) {
        guard let leafDER = chain.first else {
            throw .certificateRefused(server: server, reason: "the server sent no certificate", fingerprint: "")
        }
        let fingerprint = Self.fingerprint(of: leafDER)
        if case .pinned(let pinned) = trust {
            guard fingerprint == pinned else {
                throw .certificateRefused(
                    server: server, reason: "its SHA-256 fingerprint \(fingerprint) is not the pinned \(pinned)", fingerprint: fingerprint)
            }
            return
        }
        let certificates: [Certificate]
        do {
            certificates = try chain.map { try Certificate(derEncoded: Array($0)) }
        } catch {
            throw .certificateRefused(server: server, reason: "its certificate cannot be read (\(error))", fingerprint: fingerprint)
        }
        let roots = try loadRoots(server: server, fingerprint: fingerprint)
        let isAddress = host.contains(":") || host.split(separator: ".").allSatisfy { UInt8($0) != nil }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: now())
            ServerIdentityPolicy(serverHostname: isAddress ? nil : host, serverIP: isAddress ? host : nil)
        }
        let result = await verifier.validate(leaf: certificates[0], intermediates: CertificateStore(certificates.dropFirst()))
        switch result {
        case .validCertificate:
            return
        case .couldNotValidate(let failures):
            throw .certificateRefused(server: server, reason: Self.reason(failures, leaf: certificates[0], now: now()), fingerprint: fingerprint)
        }
    }

    private func loadRoots(server: String, fingerprint: String) throws(IMAPError) -> [Certificate] {
        let path: String
        switch trust {
        case .caFile(let file): path = file
        case .systemRoots, .pinned: path = CertificateTrust.systemRootsFile
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .certificateRefused(server: server, reason: "the trusted certificates in \(path) cannot be read", fingerprint: fingerprint)
        }
        let roots = Self.derBlocks(pem: text).compactMap { try? Certificate(derEncoded: Array($0)) }
        guard !roots.isEmpty else {
            throw .certificateRefused(server: server, reason: "\(path) holds no certificate", fingerprint: fingerprint)
        }
        return roots
    }

    /// The DER bytes of each `CERTIFICATE` block of a PEM text.
    static func derBlocks(pem text: String) -> [Data] {
        var blocks: [Data] = []
        var body: String?
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "-----BEGIN CERTIFICATE-----" {
                body = ""
            } else if trimmed == "-----END CERTIFICATE-----" {
                if let encoded = body, let data = Data(base64Encoded: encoded) { blocks.append(data) }
                body = nil
            } else if let current = body {
                body = current + trimmed
            }
        }
        return blocks
    }

    /// A short reason a person understands.
    static func reason(_ failures: [CertificateValidationResult.PolicyFailure], leaf: Certificate, now: Date) -> String {
        if leaf.notValidAfter < now { return "it expired on \(leaf.notValidAfter)" }
        if leaf.notValidBefore > now { return "it is not valid before \(leaf.notValidBefore)" }
        if let failure = failures.first {
            let text = String(describing: failure.policyFailureReason)
            if text.lowercased().contains("name") || text.lowercased().contains("identity") {
                return "it is not issued for this host name (\(text))"
            }
            return text
        }
        if leaf.issuer == leaf.subject { return "it is self-signed, not signed by a trusted authority" }
        return "it is not signed by a trusted authority"
    }
}
