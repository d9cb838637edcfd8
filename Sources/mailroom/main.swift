#if canImport(Glibc)
import Glibc
#endif
import MailroomCLI

#if canImport(Glibc)
// Import and sync free on the writer's thread what the analysis threads allocated; with glibc's
// default of 8 arenas per core, that mix left peak memory growing with the mailbox (114 MB for
// 100,000 messages against 98 MB with two arenas), at no measurable cost in speed. `mallopt` is
// not in Swift's Glibc module: it is looked up by name.
if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-8, 2)  // M_ARENA_MAX
}
#endif

await Mailroom.runMain()
