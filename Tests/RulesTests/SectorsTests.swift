import Foundation
import MailroomCore
import Testing

@testable import Rules

extension RulesLoaderTests {
    @Test("sectors.yaml names every sector; a user file overrides some; an unknown sector is reported")
    func sectors() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("user"), withIntermediateDirectories: true)
        try write("sectors:\n  food: {name: Alimentation, description: Courses et repas livrés}\n", "user/sectors.yaml")
        let set = try RulesLoader.load(folders: [shipped, root.appendingPathComponent("user")])
        #expect(set.displayName(of: .transport) == "Transport and travel")
        #expect(set.displayName(of: .food) == "Alimentation")
        #expect(set.lint().isEmpty)

        try write("sectors:\n  fod: {name: Food, description: Meals}\n", "shipped/sectors.yaml")
        #expect(diagnostics().first == "sectors.yaml:2:3: unknown key 'fod' in the sector list; did you mean 'food'?")
        let partial = try RulesLoader.load(folders: [root.appendingPathComponent("user")])
        #expect(partial.lint().contains { $0.message == "sector 'retail' has no name and description" })
    }
}
