import Foundation
import MailroomCore

/// Word statistics learned from labelled mail (`Rules/model/categories.tsv`, written by
/// `mailroom rules train`), read as a naive Bayes model: how likely each category makes the
/// words of a message (its subject words and word pairs, the start of its text, its sender's
/// local part and subdomain, its list and reply headers).
///
/// The rules name the signals a person can state; the model carries the vocabulary no list
/// of phrases ever finishes. The classifier weighs both (`Classifier`).
public struct CategoryModel: Sendable {
    /// The categories the model tells apart, in the file's column order. Personal mail is told
    /// by its sender, not by its words.
    public static let categories: [Category] = [.orders, .account, .support, .newsletters, .notifications]
    /// Additive smoothing of the counts: a feature never seen in a category is unlikely there,
    /// not impossible.
    static let smoothing = 0.1

    /// Training messages per category.
    public internal(set) var messages: [Int]
    /// Feature hash → row of `counts` and `logLikelihoods`; it keeps each row's hash.
    private var table = FeatureTable()
    /// The rows' feature names (`s:commande`) back to back, for explanations; row `r` ends at
    /// `nameEnds[r]` and starts where the row before ends.
    private var nameBytes: [UInt8] = []
    private var nameEnds: [Int32] = []
    /// Occurrence counts, `categories.count` per feature.
    private var counts: [Int32] = []
    /// Log P(feature | category), `categories.count` per feature.
    private var logLikelihoods: [Float] = []
    /// Log P(category).
    private var logPriors: [Double] = []

    public init() {
        messages = Array(repeating: 0, count: Self.categories.count)
    }

    /// How many features the model knows.
    public var featureCount: Int { table.hashes.count }

    /// The name of a row's feature.
    func name(_ row: Int) -> String {
        let start = row == 0 ? 0 : Int(nameEnds[row - 1])
        return String(decoding: nameBytes[start..<Int(nameEnds[row])], as: UTF8.self)
    }

    /// Adds counts of another model (the person's own training extends the shipped one).
    public mutating func add(_ other: CategoryModel) {
        for (column, count) in other.messages.enumerated() { messages[column] += count }
        let width = Self.categories.count
        for (row, hash) in other.table.hashes.enumerated() {
            let start = row == 0 ? 0 : Int(other.nameEnds[row - 1])
            add(other.nameBytes[start..<Int(other.nameEnds[row])], hash: hash,
                counts: other.counts[row * width..<(row + 1) * width])
        }
        prepare()
    }

    /// Adds a feature's counts, to its row when it has one.
    mutating func add(_ name: some Collection<UInt8>, hash: UInt64, counts added: ArraySlice<Int32>) {
        let row: Int
        if let known = table.row(of: hash) {
            row = Int(known)
        } else {
            row = featureCount
            table.insert(hash, row: Int32(row))
            nameBytes.append(contentsOf: name)
            nameEnds.append(Int32(nameBytes.count))
            counts.append(contentsOf: repeatElement(0, count: Self.categories.count))
        }
        var column = row * Self.categories.count
        for count in added {
            counts[column] += count
            column += 1
        }
    }

    /// Works out the log probabilities from the counts.
    mutating func prepare() {
        let width = Self.categories.count
        var totals = Array(repeating: 0.0, count: width)
        for (offset, count) in counts.enumerated() { totals[offset % width] += Double(count) }
        let vocabulary = Double(featureCount)
        let denominators = totals.map { log($0 + Self.smoothing * vocabulary) }
        logLikelihoods = counts.enumerated().map { offset, count in
            Float(log(Double(count) + Self.smoothing) - denominators[offset % width])
        }
        let all = Double(messages.reduce(0, +))
        logPriors = messages.map { log((Double($0) + 1) / (all + Double(width))) }
    }

    /// What the model says of a message given the hashes of its features (duplicates allowed):
    /// those of its text count `textWeight` each, the others one.
    public func score(_ hashes: [UInt64], text: [UInt64] = [], textWeight: Double = 1) -> Score {
        let width = Self.categories.count
        var head = Array(repeating: 0.0, count: width)
        var body = Array(repeating: 0.0, count: width)
        var known: [Int32] = []
        known.reserveCapacity(hashes.count + text.count)
        // One bit per row marks the features already counted: each counts once per message.
        var seen = [UInt64](repeating: 0, count: (featureCount + 63) / 64)
        logLikelihoods.withUnsafeBufferPointer { weights in
            func add(_ list: [UInt64], to sums: inout [Double]) {
                for hash in list {
                    guard let row = table.row(of: hash) else { continue }
                    let word = Int(row) >> 6
                    let bit = UInt64(1) << UInt64(row & 63)
                    if seen[word] & bit != 0 { continue }
                    seen[word] |= bit
                    known.append(row)
                    let offset = Int(row) * width
                    for column in 0..<width { sums[column] += Double(weights[offset + column]) }
                }
            }
            add(hashes, to: &head)
            add(text, to: &body)
        }
        var logScores = logPriors
        for column in 0..<width { logScores[column] += head[column] + textWeight * body[column] }
        return Score(logScores: logScores, rows: known)
    }

    /// The features of `score` that speak most for `category` against the others' best, strongest first.
    public func strongestFeatures(of score: Score, for category: Category, count: Int) -> [String] {
        guard let column = Self.categories.firstIndex(of: category), count > 0 else { return [] }
        let width = Self.categories.count
        // The `count` largest margins, kept in order as the rows go by (a message has a few
        // hundred known features; sorting them all for four would cost more than the decision).
        var best: [(row: Int32, margin: Float)] = []
        for row in score.rows {
            let offset = Int(row) * width
            var others = -Float.infinity
            for other in 0..<width where other != column { others = max(others, logLikelihoods[offset + other]) }
            let margin = logLikelihoods[offset + column] - others
            guard margin > 0, best.count < count || margin > best[best.count - 1].margin else { continue }
            if best.count == count { best.removeLast() }
            best.insert((row, margin), at: best.firstIndex { $0.margin < margin } ?? best.count)
        }
        return best.map { name(Int($0.row)) }
    }

    /// The model's reading of one message.
    public struct Score: Sendable {
        /// Log P(category) + Σ log P(feature | category), in `categories` order.
        public var logScores: [Double]
        /// The rows of the known features found in the message.
        var rows: [Int32]
        /// How many of the message's features the model knows.
        public var knownFeatures: Int { rows.count }
    }
}

/// Feature hash → row, by linear probing in a table at most half full: a lookup per word of
/// every message, several times cheaper than a dictionary's.
struct FeatureTable: Sendable {
    /// Each slot holds the row + 1 in its low 32 bits (0: empty) and the hash's high 32 bits
    /// above, so a lookup reads one word of memory: the table is larger than the processor's
    /// caches, and a second array would cost a second miss per word.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var count = 0

    init() {}

    @inline(__always) static func slot(of hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }
    @inline(__always) static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// Adds a hash that is not in the table yet. Two features whose hashes agree on the slot
    /// and the high 32 bits would share a row: with 32,000 features, a chance of about 10^-10.
    mutating func insert(_ hash: UInt64, row: Int32) {
        if (count + 1) * 2 > slots.count {
            let old = slots.filter { $0 != 0 }
            slots = Array(repeating: 0, count: slots.count * 2)
            for entry in old { place(entry, home: hashes[Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1]) }
        }
        hashes.append(hash)
        place(Self.tag(hash) | UInt64(UInt32(row) + 1), home: hash)
        count += 1
    }

    /// The hash of each row, in row order (entries are placed again from them when the table grows).
    private(set) var hashes: [UInt64] = []

    private mutating func place(_ entry: UInt64, home hash: UInt64) {
        let mask = slots.count - 1
        var slot = Self.slot(of: hash, mask: mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    @inline(__always)
    func row(of hash: UInt64) -> Int32? {
        let tag = Self.tag(hash)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.slot(of: hash, mask: mask)
            while slots[slot] != 0 {
                if slots[slot] & 0xFFFF_FFFF_0000_0000 == tag { return Int32(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1 }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}

/// FNV-1a, 64 bits: the hash of a feature's UTF-8 bytes, the same whether computed from the
/// model file's names or from a message's words as they are read.
public enum FeatureHash {
    public static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    public static func add(_ byte: UInt8, to hash: inout UInt64) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    public static func of(_ name: String) -> UInt64 { of(name.utf8) }

    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = seed
        for byte in bytes { add(byte, to: &hash) }
        return hash
    }
}
