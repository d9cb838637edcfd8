/// A message's MIME structure as the server describes it (BODYSTRUCTURE, RFC 3501 §7.4.2).
public indirect enum BodyStructure: Sendable, Hashable {
    /// A multipart container: `subtype` (`mixed`, `alternative`…), parameters (`boundary`),
    /// and its parts.
    case multipart(subtype: String, parameters: [String: String], parts: [BodyStructure], section: String)
    /// A leaf part.
    case single(BodyPart)

    /// How many nodes the tree has, multiparts and leaves.
    public var nodeCount: Int {
        switch self {
        case .single: 1
        case .multipart(_, _, let parts, _): 1 + parts.reduce(0) { $0 + $1.nodeCount }
        }
    }

    /// The multiparts below the top and the `message/rfc822` leaves: the containers a MIME
    /// parser descends into.
    public var containerCount: Int {
        func count(_ node: BodyStructure, top: Bool) -> Int {
            switch node {
            case .single(let part): part.type == "message" && part.subtype == "rfc822" ? 1 : 0
            case .multipart(_, _, let parts, _): (top ? 0 : 1) + parts.reduce(0) { $0 + count($1, top: false) }
            }
        }
        return count(self, top: true)
    }

    /// Every leaf, in document order.
    public var leaves: [BodyPart] {
        switch self {
        case .single(let part): [part]
        case .multipart(_, _, let parts, _): parts.flatMap(\.leaves)
        }
    }
}

/// One leaf part of a BODYSTRUCTURE.
public struct BodyPart: Sendable, Hashable {
    /// Section number (`1`, `2.1`), RFC 3501 §6.4.5.
    public var section: String
    /// Lowercased type and subtype: `text`, `plain`.
    public var type: String
    public var subtype: String
    /// Content-Type parameters, names lowercased (`charset`, `name`).
    public var parameters: [String: String]
    /// Content-Transfer-Encoding, lowercased (`base64`, `quoted-printable`, `7bit`).
    public var encoding: String
    /// Size in octets of the encoded part.
    public var size: Int
    /// Content-Disposition type, lowercased (`inline`, `attachment`), if given.
    public var disposition: String?
    /// Content-Disposition parameters, names lowercased (`filename`).
    public var dispositionParameters: [String: String]
    /// Content-ID, when given.
    public var contentID: String?

    public init(
        section: String, type: String, subtype: String, parameters: [String: String], encoding: String,
        size: Int, disposition: String?, dispositionParameters: [String: String], contentID: String? = nil
    ) {
        self.section = section
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.encoding = encoding
        self.size = size
        self.disposition = disposition
        self.dispositionParameters = dispositionParameters
        self.contentID = contentID
    }

    /// `type/subtype`.
    public var mimeType: String { "\(type)/\(subtype)" }

    /// The file name from the disposition or the content type, when there is one.
    public var filename: String? { dispositionParameters["filename"] ?? parameters["name"] }
}
