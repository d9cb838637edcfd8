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
            if isRulesFolder(candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return FileManager.default.fileExists(atPath: installed.path) ? installed : nil
    }

    /// Whether `folder` holds rules (a `vendors/` folder): any other folder would load as no
    /// rules at all, every message unclassified.
    public static func isRulesFolder(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("vendors").path)
    }
}
