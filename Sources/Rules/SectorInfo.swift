import MailroomCore
import Yams

/// What `Rules/sectors.yaml` says of a sector: the name people read and what belongs there.
public struct SectorInfo: Sendable, Hashable {
    public var name: String
    public var description: String
}

extension RuleSet {
    /// The display name of a sector (`Transport and travel`), else its id.
    public func displayName(of sector: Sector) -> String {
        sectors[sector]?.name ?? sector.rawValue
    }
}

extension SectorInfo {
    /// Reads `sectors.yaml`: sectors of the closed list, each with a name and a description (a user
    /// file may describe only some; `lint` checks that the merged rules describe them all).
    static func readAll(_ text: String, reader: inout YAMLReader) -> [Sector: SectorInfo] {
        guard let root = reader.compose(text),
            let top = reader.mapping(root, allowed: ["sectors"], required: ["sectors"], what: "sectors.yaml"),
            let list = top["sectors"]
        else { return [:] }
        guard let entries = reader.mapping(list, allowed: Sector.allCases.map(\.rawValue), required: [], what: "the sector list")
        else { return [:] }
        var result: [Sector: SectorInfo] = [:]
        for (key, node) in entries {
            guard let sector = Sector(rawValue: key),
                let fields = reader.mapping(node, allowed: ["name", "description"], required: ["name", "description"], what: "a sector"),
                let name = reader.string(fields["name"], what: "name"),
                let description = reader.string(fields["description"], what: "description")
            else { continue }
            result[sector] = SectorInfo(name: name, description: description)
        }
        return result
    }
}
