import Classification
import Extraction
import Foundation
import MIME
import Pipeline
import Store

/// Where an import's time goes: every stage of the pipeline run on one thread, timed in CPU
/// time of that thread (steady on a shared machine), per message.
struct StageBenchmark {
    let directory: String
    let analyzer: Analyzer

    private final class Timer {
        var seconds: [String: Double] = [:]
        var order: [String] = []
        func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
            let started = threadCPUSeconds()
            defer {
                if seconds[stage] == nil { order.append(stage) }
                seconds[stage, default: 0] += threadCPUSeconds() - started
            }
            return try body()
        }
    }

    func run() throws {
        let files = try MailSource(paths: [directory]).files()
        let storePath = FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-stages-\(getpid()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) } }
        let store = try MailStore(path: storePath)
        guard let classifier = analyzer.classifier else { fail("no rules") }
        let timer = Timer()
        var batch: [NewMessage] = []
        var count = 0
        var orders = 0
        let now = Date()
        for file in files {
            let raws = try timer.measure("read") { try MailSource.messages(in: file).map { raw -> RawMessage in
                var copy = raw
                copy.data = Data(raw.data)  // the pages read now, not while parsing
                return copy
            } }
            for raw in raws {
                count += 1
                let message = timer.measure("parse") { MessageParser.parse(raw.data) }
                let hash = timer.measure("hash") { Analyzer(classifier: nil).analyze(message, raw: raw, contentHash: "").contentHash }
                let classification = timer.measure("classify") { classifier.classify(message) }
                let order = timer.measure("extract") {
                    analyzer.extractor?.extract(message, vendor: ExtractionVendor(id: classification.vendor?.id, domain: classification.vendor?.domain),
                                                category: classification.category)
                }
                if order != nil { orders += 1 }
                let analysis = timer.measure("analysis (whole, again)") { analyzer.analyze(message, raw: raw, contentHash: hash) }
                batch.append(timer.measure("newMessage") {
                    var message = analysis.newMessage()
                    message.compressTexts()  // as the import's analysis threads do
                    return message
                })
                if batch.count == 256 {
                    _ = try timer.measure("store") { try store.insert(batch, now: now) }
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        _ = try timer.measure("store") { try store.insert(batch, now: now) }
        print("stages of an import of \(count) messages (\(orders) orders), one thread, CPU time per message")
        var pipeline = 0.0
        for stage in timer.order {
            let seconds = timer.seconds[stage] ?? 0
            if stage != "analysis (whole, again)" && stage != "classify" && stage != "extract" { pipeline += seconds }
            print("  " + stage.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: " %7.1f µs", seconds / Double(max(1, count)) * 1e6))
        }
        pipeline += timer.seconds["analysis (whole, again)"] ?? 0
        print("  " + "pipeline".padding(toLength: 24, withPad: " ", startingAt: 0)
              + String(format: " %7.1f µs: %.0f messages per CPU second", pipeline / Double(max(1, count)) * 1e6, Double(count) / pipeline))
    }
}
