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
    /// Feature hash → index into `names` and the rows of `logLikelihoods`.
    private var index: [UInt64: Int32] = [:]
    /// Feature names (`s:commande`), for explanations.
    private var names: [String] = []
    /// Occurrence counts, `categories.count` per feature.
    private var counts: [Int32] = []
    /// Log P(feature | category), `categories.count` per feature.
    private var logLikelihoods: [Float] = []
    /// Log P(category).
    private var logPriors: [Double] = []
    /// `index` as an open-addressing table, for the lookups of every message's words.
    private var table = FeatureTable()

    public init() {
        messages = Array(repeating: 0, count: Self.categories.count)
    }

    /// How many features the model knows.
    public var featureCount: Int { names.count }

    /// Adds counts of another model (the person's own training extends the shipped one).
    public mutating func add(_ other: CategoryModel) {
        for (column, count) in other.messages.enumerated() { messages[column] += count }
        for (row, name) in other.names.enumerated() {
            let offset = row * Self.categories.count
            add(name, counts: other.counts[offset..<offset + Self.categories.count])
        }
        prepare()
    }

    mutating func add(_ name: String, counts added: ArraySlice<Int32>) {
        let hash = FeatureHash.of(name)
        let row: Int
        if let known = index[hash] {
            row = Int(known)
        } else {
            row = names.count
            index[hash] = Int32(row)
            names.append(name)
            counts += repeatElement(0, count: Self.categories.count)
        }
        for (column, count) in added.enumerated() { counts[row * Self.categories.count + column] += count }
    }

    /// Works out the log probabilities from the counts.
    mutating func prepare() {
        let width = Self.categories.count
        var totals = Array(repeating: 0.0, count: width)
        for row in names.indices {
            for column in 0..<width { totals[column] += Double(counts[row * width + column]) }
        }
        let vocabulary = Double(names.count)
        let denominators = totals.map { log($0 + Self.smoothing * vocabulary) }
        logLikelihoods = counts.enumerated().map { offset, count in
            Float(log(Double(count) + Self.smoothing) - denominators[offset % width])
        }
        let all = Double(messages.reduce(0, +))
        logPriors = messages.map { log((Double($0) + 1) / (all + Double(width))) }
        table = FeatureTable(index)
    }

    /// What the model says of a message given the hashes of its features (duplicates allowed):
    /// those of its text count `textWeight` each, the others one.
    public func score(_ hashes: [UInt64], text: [UInt64] = [], textWeight: Double = 1) -> Score {
        var logScores = logPriors
        var known: [Int32] = []
        add(hashes, weight: 1, to: &logScores, known: &known)
        add(text, weight: textWeight, to: &logScores, known: &known)
        return Score(logScores: logScores, rows: known)
    }

    private func add(_ hashes: [UInt64], weight: Double, to logScores: inout [Double], known: inout [Int32]) {
        let width = Self.categories.count
        var rows: [Int32] = []
        rows.reserveCapacity(hashes.count)
        for hash in hashes {
            if let row = table.row(of: hash) { rows.append(row) }
        }
        rows.sort()
        var sums = Array(repeating: 0.0, count: width)
        logLikelihoods.withUnsafeBufferPointer { weights in
            var previous: Int32 = -1
            for row in rows where row != previous {
                previous = row
                known.append(row)
                let offset = Int(row) * width
                for column in 0..<width { sums[column] += Double(weights[offset + column]) }
            }
        }
        for column in 0..<width { logScores[column] += weight * sums[column] }
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
        return best.map { names[Int($0.row)] }
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
    private var keys: [UInt64] = [0]
    private var rows: [Int32] = [0]
    private var mask = 0

    init() {}

    init(_ index: [UInt64: Int32]) {
        var capacity = 16
        while capacity < index.count * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        rows = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for (hash, row) in index {
            var slot = Self.slot(of: hash, mask: mask)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = Self.key(hash)
            rows[slot] = row
        }
    }

    /// 0 marks an empty slot, so a hash of 0 is stored as 1 (a collision FNV-1a makes once in 2^64).
    @inline(__always) static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }
    @inline(__always) static func slot(of hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask }

    @inline(__always)
    func row(of hash: UInt64) -> Int32? {
        let key = Self.key(hash)
        return keys.withUnsafeBufferPointer { keys in
            var slot = Self.slot(of: key, mask: mask)
            while keys[slot] != 0 {
                if keys[slot] == key { return rows[slot] }
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

    public static func of(_ name: String) -> UInt64 {
        var hash = seed
        for byte in name.utf8 { add(byte, to: &hash) }
        return hash
    }
}
