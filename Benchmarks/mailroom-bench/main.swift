import Classification
import Extraction
import Foundation
import Logging
import MIME
import MailroomCore
import Pipeline
import Rules
import Store

// mailroom-bench: prints figures, never asserts (targets are in README, "Benchmarks").
//
//   mailroom-bench generate COUNT DIR [SEED]   write a synthetic Maildir of COUNT messages
//   mailroom-bench import [--parse-only] DIR [STORE]   import DIR into a fresh store: messages/s and peak RSS
//   mailroom-bench parse DIR            no store: parse and classify throughput, one thread and all cores
//   mailroom-bench classify DIR [N]     classification alone on parsed messages, one thread, best of N rounds
//   mailroom-bench dashboard [N] [V]    a synthetic store of N messages from V vendors: vendors, vendor NAME, report
//   mailroom-bench extract DIR          order extraction throughput on the order mail of DIR, one thread
//   mailroom-bench stages DIR           each stage of an import on one thread, CPU time per message
//   mailroom-bench dump PATH...         all the pipeline derives from each message, to diff two builds

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU time of this thread, in seconds: on a shared machine it measures one core's work.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
    guard RulesLocation.isRulesFolder(folder) else {
        fail("\(folder.path) is not a rules folder (it has no vendors/): set MAILROOM_RULES to Mailroom's Rules folder")
    }
    // MAILROOM_BENCH_EXTRACTION=0 leaves order extraction out, to see what it costs.
    let extracts = ProcessInfo.processInfo.environment["MAILROOM_BENCH_EXTRACTION"] != "0"
    return Analyzer(classifier: Classifier(rules: try RulesLoader.load(folders: [folder])), extractsOrders: extracts)
}

MemoryArenas.limit()  // as `mailroom` does

/// Runs one subcommand; its errors (a file that cannot be read, rules that do not load) are
/// printed, not trapped on.
func run(_ arguments: [String]) throws {
    switch arguments.first {
    case "generate":
        guard arguments.count == 3 || arguments.count == 4, let count = Int(arguments[1]) else { fail("usage: generate COUNT DIR [SEED]") }
        var generator = MailboxGenerator(seed: arguments.count == 4 ? UInt64(arguments[3]) ?? 2026 : 2026)
        let started = Date()
        let bytes = try generator.writeMaildir(count: count, to: URL(fileURLWithPath: arguments[2]))
        print(String(format: "generated %d messages, %.1f MB (mean %.1f KB) in %.1f s",
                     count, Double(bytes) / 1e6, Double(bytes) / Double(count) / 1e3, Date().timeIntervalSince(started)))

    case "import":
        // A second argument keeps the store there (to compare two builds' stores). `--parse-only`
        // stores parsed messages without classification or extraction (issue #2's parse + store).
        let parseOnly = arguments.contains("--parse-only")
        let operands = arguments.filter { $0 != "--parse-only" }
        guard operands.count == 2 || operands.count == 3 else { fail("usage: import [--parse-only] DIR [STORE]") }
        let kept = operands.count == 3
        let storePath = kept ? operands[2] : FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-\(getpid()).sqlite").path
        defer { if !kept { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) } } }
        let source = try MailSource(paths: [operands[1]])
        let sizes = source.files().map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }.sorted()
        let analyzer = parseOnly ? Analyzer(classifier: nil) : try makeAnalyzer()
        let importer = Importer(store: try MailStore(path: storePath), analyzer: analyzer, logger: Logger(label: "bench"), now: { Date() })
        let clock = ContinuousClock()
        let started = clock.now
        let summary = try importer.run(source)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let totalBytes = sizes.reduce(0, +)
        print(parseOnly ? "import, parse and store only (no classification or extraction)" : "import (parse, classify, extract, store)")
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

    case "classify":
        // Classification alone on parsed messages, one thread: the best of several rounds.
        guard arguments.count == 2 || arguments.count == 3 else { fail("usage: classify DIR [ROUNDS]") }
        let rounds = arguments.count == 3 ? max(1, Int(arguments[2]) ?? 3) : 3
        let files = try MailSource(paths: [arguments[1]]).files()
        let messages = try files.flatMap { try MailSource.messages(in: $0) }.map { MessageParser.parse($0.data) }
        guard let classifier = try makeAnalyzer().classifier else { fail("no rules") }
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var categorized = 0
        for _ in 0..<rounds {
            let started = clock.now
            categorized = messages.reduce(0) { $0 + (classifier.classify($1).category != nil ? 1 : 0) }
            best = min(best, clock.now - started)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("classification of \(messages.count) parsed messages (\(categorized) categorised), one thread, best of \(rounds)")
        print(String(format: "  throughput        %.0f messages/s (%.0f µs per message)", Double(messages.count) / seconds, seconds * 1e6 / Double(messages.count)))

    case "dashboard":
        var benchmark = DashboardBenchmark()
        if arguments.count > 1, let count = Int(arguments[1]) { benchmark.messages = count }
        if arguments.count > 2, let count = Int(arguments[2]) { benchmark.vendorCount = count }
        try benchmark.run()

    case "extract":
        // Order extraction alone: messages parsed and classified beforehand, kept in memory; the
        // order mail among them extracted again and again on this one thread.
        guard arguments.count == 2 else { fail("usage: extract DIR") }
        let files = try MailSource(paths: [arguments[1]]).files()
        let analyzer = try makeAnalyzer()
        guard let classifier = analyzer.classifier, let extractor = analyzer.extractor else { fail("no classifier") }
        var inputs: [(Message, ExtractionVendor, MailroomCore.Category?)] = []
        for file in files {
            for raw in try MailSource.messages(in: file) {
                let message = MessageParser.parse(raw.data)
                let result = classifier.classify(message)
                guard result.category == .orders else { continue }
                inputs.append((message, ExtractionVendor(id: result.vendor?.id, domain: result.vendor?.domain), result.category))
            }
        }
        guard !inputs.isEmpty else { fail("no order mail in \(arguments[1])") }
        let clock = ContinuousClock()
        var extracted = 0
        var items = 0
        var rounds = 0
        var roundSeconds: [Double] = []
        let started = clock.now
        let cpuStarted = threadCPUSeconds()
        repeat {
            let roundStart = clock.now
            for (message, vendor, category) in inputs {
                if let order = extractor.extract(message, vendor: vendor, category: category) {
                    extracted += 1
                    items += order.items.count
                }
            }
            let round = clock.now - roundStart
            roundSeconds.append(Double(round.components.seconds) + Double(round.components.attoseconds) / 1e18)
            rounds += 1
        } while clock.now - started < .seconds(5) || rounds < 5
        let cpuSeconds = threadCPUSeconds() - cpuStarted
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let count = inputs.count * rounds
        roundSeconds.sort()
        let median = roundSeconds[roundSeconds.count / 2]
        let best = roundSeconds[0]
        var sources: [String: Int] = [:]
        for (message, vendor, category) in inputs {
            sources[extractor.extract(message, vendor: vendor, category: category)?.extractedBy.rawValue ?? "none", default: 0] += 1
        }
        print("order extraction on \(inputs.count) order messages (\(rounds) rounds, one thread)")
        print("  by source         " + sources.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(String(format: "  orders found      %d of %d, %.1f items per order", extracted / rounds, inputs.count, Double(items) / Double(max(1, extracted))))
        print(String(format: "  throughput        %.0f order messages per CPU second, one core (%.0f µs each)", Double(count) / cpuSeconds, cpuSeconds / Double(count) * 1e6))
        print(String(format: "  wall clock        %.0f order messages/s", Double(count) / seconds))
        print(String(format: "  per round         median %.0f, best %.0f order messages/s (the machine is shared: the best round is the least disturbed)",
                     Double(inputs.count) / median, Double(inputs.count) / best))

    case "dump":
        guard arguments.count >= 2 else { fail("usage: dump PATH...") }
        try AnalysisDump(paths: Array(arguments.dropFirst()), analyzer: try makeAnalyzer()).run()

    case "stages":
        guard arguments.count == 2 else { fail("usage: stages DIR") }
        try StageBenchmark(directory: arguments[1], analyzer: try makeAnalyzer()).run()

    default:
        fail("usage: mailroom-bench generate COUNT DIR [SEED] | import [--parse-only] DIR [STORE] | parse DIR | classify DIR [ROUNDS] | extract DIR | stages DIR | dump PATH... | dashboard [MESSAGES] [VENDORS]")
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error)")
}
