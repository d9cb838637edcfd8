import Classification
import Foundation
import Logging
import MIME
import Pipeline
import Rules
import Store

// mailroom-bench: prints figures, never asserts (targets are in README, "Benchmarks").
//
//   mailroom-bench generate COUNT DIR [SEED]   write a synthetic Maildir of COUNT messages
//   mailroom-bench import DIR           import DIR into a fresh store: messages/s and peak RSS
//   mailroom-bench parse DIR            no store: parse and classify throughput, one thread and all cores

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("mailroom-bench: \(message)\n".utf8))
    exit(2)
}

/// The pipeline with the shipped rules, as `mailroom import` runs it.
func makeAnalyzer() throws -> Analyzer {
    guard let folder = RulesLocation.shipped(environment: ProcessInfo.processInfo.environment, executable: CommandLine.arguments[0]) else {
        fail("cannot find the Rules folder: set MAILROOM_RULES")
    }
    return Analyzer(classifier: Classifier(rules: try RulesLoader.load(folders: [folder])))
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate":
    guard arguments.count == 3 || arguments.count == 4, let count = Int(arguments[1]) else { fail("usage: generate COUNT DIR [SEED]") }
    var generator = MailboxGenerator(seed: arguments.count == 4 ? UInt64(arguments[3]) ?? 2026 : 2026)
    let started = Date()
    let bytes = try generator.writeMaildir(count: count, to: URL(fileURLWithPath: arguments[2]))
    print(String(format: "generated %d messages, %.1f MB (mean %.1f KB) in %.1f s",
                 count, Double(bytes) / 1e6, Double(bytes) / Double(count) / 1e3, Date().timeIntervalSince(started)))

case "import":
    guard arguments.count == 2 else { fail("usage: import DIR") }
    let storePath = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-\(getpid()).sqlite").path
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) } }
    let source = try MailSource(paths: [arguments[1]])
    let sizes = source.files().map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }.sorted()
    let importer = Importer(store: try MailStore(path: storePath), analyzer: try makeAnalyzer(), logger: Logger(label: "bench"), now: { Date() })
    let clock = ContinuousClock()
    let started = clock.now
    let summary = try importer.run(source)
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let totalBytes = sizes.reduce(0, +)
    print("import (parse, classify, store)")
    print(String(format: "  messages          %d (imported %d, duplicates %d, with warnings %d)",
                 sizes.count, summary.imported, summary.duplicates, summary.warnings))
    print(String(format: "  size              %.1f MB, median %.1f KB", Double(totalBytes) / 1e6,
                 Double(sizes.isEmpty ? 0 : sizes[sizes.count / 2]) / 1e3))
    print(String(format: "  wall time         %.2f s", seconds))
    print(String(format: "  throughput        %.0f messages/s, %.1f MB/s", Double(sizes.count) / seconds, Double(totalBytes) / 1e6 / seconds))
    print(String(format: "  peak RSS          %.1f MB", peakResidentMegabytes()))
    let storeBytes = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0
    print(String(format: "  store size        %.1f MB", Double(storeBytes) / 1e6))

case "parse":
    // Where the time goes: parsing alone and classification alone on one thread, then the whole
    // analysis on all cores.
    guard arguments.count == 2 else { fail("usage: parse DIR") }
    let files = try MailSource(paths: [arguments[1]]).files()
    let raws = try files.flatMap { try MailSource.messages(in: $0) }.map { raw -> RawMessage in
        var copy = raw
        copy.data = Data(raw.data)  // read from disk now, not while timing
        return copy
    }
    let analyzer = try makeAnalyzer()
    let clock = ContinuousClock()
    func perSecond(_ duration: Duration) -> Double {
        Double(raws.count) / (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
    var started = clock.now
    let messages = raws.map { MessageParser.parse($0.data) }
    let parsing = clock.now - started
    started = clock.now
    var categorized = 0
    for message in messages where analyzer.classifier?.classify(message).category != nil { categorized += 1 }
    let classifying = clock.now - started
    started = clock.now
    let analysed = analyzer.analyze(raws).count
    let parallel = clock.now - started
    print("analysis of \(raws.count) messages (\(categorized) categorised, \(analysed) analysed)")
    print(String(format: "  parse, one thread            %.0f messages/s", perSecond(parsing)))
    print(String(format: "  classify, one thread         %.0f messages/s", perSecond(classifying)))
    print(String(format: "  parse + classify, all cores  %.0f messages/s", perSecond(parallel)))

default:
    fail("usage: mailroom-bench generate COUNT DIR [SEED] | import DIR | parse DIR")
}
