import ArgumentParser
import Foundation
import Pipeline

/// `mailroom reclassify`: recomputes derived data of every stored message from its stored parts.
struct Reclassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute the vendor, category and orders of every stored message, after a rules change.",
        discussion: "Works from the stored headers and text parts: no network, no mail files. Your corrections are kept and followed."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Summary format: text or json.")
    var format: Format = .text

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore()
        let reclassifier = Reclassifier(store: store, analyzer: try global.analyzer(following: store))
        let start = ContinuousClock.now
        let summary = try reclassifier.run { done, total in
            let elapsed = start.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Double(done) / seconds : 0
            let eta = rate > 0 ? Int(Double(total - done) / rate) : 0
            Terminal.progress(ProgressBar.line(label: "Reclassifying", done: done, total: total, rate: Int(rate), eta: eta))
        }
        Terminal.endProgress()
        switch format {
        case .json:
            Terminal.output(String(decoding: try ClassifyRecord.jsonEncoder().encode(summary), as: UTF8.self))
        case .text:
            Terminal.output("Reclassified \(summary.messages) message\(summary.messages == 1 ? "" : "s"): \(summary.changed) changed vendor or category; \(summary.orders) order\(summary.orders == 1 ? "" : "s") rebuilt.")
        }
    }
}
