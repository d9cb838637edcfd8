import Foundation
import GRDB

extension MailStore {
    /// Applies the pending migrations, tolerating another process doing the same.
    ///
    /// GRDB reads which migrations are applied, then runs each missing one in its own
    /// transaction: two processes opening a new store together (the daemon and a command, two
    /// commands) can both start the same migration, and the second fails ("table … already
    /// exists"). Each migration is atomic, so running the migrator again once the other
    /// process has committed finds it applied and goes on. A migration that really fails
    /// still fails, after a few tries.
    static func migrate(_ pool: DatabasePool) throws {
        var attempt = 0
        while true {
            do {
                return try migrator.migrate(pool)
            } catch {
                attempt += 1
                guard attempt < 5 else { throw error }
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }
}
