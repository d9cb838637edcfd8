import Foundation
import Pipeline

/// Everything the pipeline derives from each message, one line per message, to compare two
/// builds after a change that must not change results (run both with
/// `SWIFT_DETERMINISTIC_HASHING=1`, then diff). Long values are digested.
struct AnalysisDump {
    let paths: [String]
    let analyzer: Analyzer

    func run() throws {
        let files = try MailSource(paths: paths).files()
        for file in files {
            for raw in try MailSource.messages(in: file) {
                let analysis = analyzer.analyze(raw)
                let stored = analysis.newMessage()
                let fields = [
                    "\(raw.path)#\(raw.position)",
                    "message " + Self.digest(String(reflecting: analysis.message)) + Self.hex(analysis.message.rawHeader),
                    "stored " + Self.digest(String(reflecting: stored)) + Self.hex(stored.rawHeader),
                    "vendor \(String(describing: analysis.vendor))",
                    "category \(analysis.category?.rawValue ?? "-")",
                    "explanation \(analysis.explanation)",
                    "order \(String(reflecting: analysis.extractedOrder))",
                    "deadlines \(String(reflecting: analysis.deadlines))",
                ]
                print(fields.joined(separator: "\t"))
            }
        }
    }

    /// FNV-1a, 64 bits: enough to tell two builds' outputs apart.
    static func digest(_ text: String) -> String { hex(Data(text.utf8)) }

    static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
