import Config
import Foundation
import Store

/// The server-side refusal action a sync applies after each pass (`refusals:` in the config),
/// and how to learn what refusals hide.
public struct RefusalActionPlan: Sendable {
    /// The action, its keyword or folder, and whether the folder may be created.
    public var settings: RefusalSettings
    /// What refusals hide now. Asked before each pass's action, so a `mailroom refuse` or
    /// `accept` made while the daemon runs counts from its next pass. (The decision lives in
    /// the Dashboard module, above this one: the command line passes it in.)
    public var hiddenMail: @Sendable () throws -> HiddenMail

    public init(settings: RefusalSettings, hiddenMail: @escaping @Sendable () throws -> HiddenMail) {
        self.settings = settings
        self.hiddenMail = hiddenMail
    }
}

/// Messages told once per process: the daemon reports a missing folder or a server limit on
/// its first pass, not on every pass after it.
final class OnceNotices: @unchecked Sendable {
    private let lock = NSLock()
    private var told: Set<String> = []

    /// True the first time `key` is seen.
    func first(_ key: String) -> Bool {
        lock.withLock { told.insert(key).inserted }
    }
}
