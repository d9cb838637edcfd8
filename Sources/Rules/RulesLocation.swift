import Foundation

/// Where the shipped rules are: `$MAILROOM_RULES`; else a `Rules` folder (one holding `vendors/`)
/// beside the executable or above it (a build tree: `.build/release/mailroom`); else
/// `<prefix>/share/mailroom/Rules` for an installed `<prefix>/bin/mailroom`.
public enum RulesLocation {
    public static func shipped(environment: [String: String], executable: String) -> URL? {
        if let path = environment["MAILROOM_RULES"], !path.isEmpty { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/mailroom/Rules")
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("Rules")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("vendors").path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return FileManager.default.fileExists(atPath: installed.path) ? installed : nil
    }
}
