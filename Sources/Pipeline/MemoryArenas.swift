#if canImport(Glibc)
import Glibc
#endif
/// Process-wide memory settings for the commands that import or sync.
public enum MemoryArenas {
    /// Two malloc arenas: import and sync free on the writer's thread what the analysis threads
    /// allocated, and with glibc's default of 8 arenas per core peak memory grew with the
    /// mailbox (114 MB for 100,000 messages against 98 MB with two), at no measurable cost in
    /// speed. `mallopt` is not in Swift's Glibc module: it is looked up by name.
    public static func limit() {
        #if canImport(Glibc)
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)(-8, 2)  // M_ARENA_MAX
        }
        #endif
    }
}
