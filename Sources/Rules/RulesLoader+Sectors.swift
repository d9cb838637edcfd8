import Foundation
import MailroomCore

extension RulesLoader {
    /// The sectors' names and descriptions of `folders` alone (`sectors.yaml` of each, a later
    /// folder's entries replacing an earlier's): what listings need to show sector names
    /// without loading the whole catalog.
    public static func sectors(folders: [URL]) throws(RulesError) -> [Sector: SectorInfo] {
        var sectors: [Sector: SectorInfo] = [:]
        var diagnostics: [Diagnostic] = []
        for folder in folders {
            if let read = read(folder.appendingPathComponent("sectors.yaml"), diagnostics: &diagnostics, SectorInfo.readAll) {
                sectors.merge(read) { $1 }
            }
        }
        guard diagnostics.isEmpty else { throw RulesError(diagnostics: diagnostics) }
        return sectors
    }
}
