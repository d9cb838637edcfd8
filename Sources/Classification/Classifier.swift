import Foundation
import MIME
import MailroomCore
import Rules

/// The outcome of classifying one message, with the reasons for it.
public struct Classification: Sendable, Hashable {
    /// `nil` for personal mail, or when no sender domain could be found.
    public var vendor: IdentifiedVendor?
    /// `nil` when there is nothing to classify: no sender, no subject, no text.
    public var category: Category?
    /// How clearly the winning category beat the others: its share of all scores, 0…1.
    public var confidence: Double
    /// The rules and signals that decided, in order.
    public var explanation: [String]
}

/// Vendor identification and category classification: a pure function of the message and the
/// rules (ARCHITECTURE.md, "Categories").
public struct Classifier: Sendable {
    public let rules: RuleSet
    let identifier: VendorIdentifier
    /// The category rules as read per message, in the rule set's order.
    let matchers: [CategoryRuleMatcher]

    public init(rules: RuleSet) {
        self.rules = rules
        identifier = VendorIdentifier(rules: rules)
        matchers = rules.categoryRules.map(CategoryRuleMatcher.init)
    }

    /// Classifies one message; a correction the person made outranks every rule.
    public func classify(_ message: Message, correction: Correction? = nil) -> Classification {
        var decision = identifier.identify(message)
        var explanation = decision.reasons
        if let correction, let vendor = correction.vendor {
            decision.vendor = vendor
            decision.isPersonal = false
            explanation.append("vendor \(vendor.id): user correction (\(correction.label))")
        }
        if let correction, let category = correction.category {
            explanation.append("category \(category.rawValue): user correction (\(correction.label))")
            return Classification(vendor: decision.vendor, category: category, confidence: 1, explanation: explanation)
        }
        if decision.sender == nil, decision.vendor == nil, (message.subject ?? "").isEmpty {
            explanation.append("category: none (no sender and no subject to classify)")
            return Classification(vendor: nil, category: nil, confidence: 0, explanation: explanation)
        }
        if decision.isPersonal {
            explanation.append("category personal: a person writing")
            return Classification(vendor: nil, category: .personal, confidence: 1, explanation: explanation)
        }
        let features = MessageFeatures(message, sender: decision.sender, senderDomain: decision.senderDomain)
        // A vendor the catalog does not know still has a sector when its domain says it: a
        // public body's (`tfl.gov.uk`, `ants.gouv.fr`).
        let sector = decision.vendor?.sector ?? decision.vendor.flatMap { PublicBodyDomain.sector(of: $0.domain) }
        if decision.vendor?.sector == nil, let sector {
            explanation.append("sector \(sector.rawValue): \(decision.vendor?.domain ?? "") is under a public administration's suffix")
        }
        var scores: [Category: Double] = [:]
        var fired: [(rule: Int, signal: String, weight: Double)] = []
        // Rules are read through their matchers (a class each): a copy of each rule per message
        // retained and released its every pattern, list and string.
        for (index, matcher) in matchers.enumerated() where matcher.applies(sector: sector, headers: features.headerNames) {
            guard let (signal, weight) = matcher.strongestSignal(in: features) else { continue }
            scores[matcher.category, default: 0] += weight
            fired.append((index, signal, weight))
        }
        let counted = Self.countOncePerGroup(fired, rules: rules.categoryRules, scores: &scores)
        // A delivery header (List-Unsubscribe, Feedback-ID, a sending platform's stack header) is
        // on receipts and alerts as much as on marketing: alone, it makes no newsletter.
        let newsletterSignals = fired.filter { matchers[$0.rule].category == .newsletters }
        if newsletterSignals.count == 1, let only = newsletterSignals.first,
            matchers[only.rule].headers.contains(where: features.headerNames.contains)
        {
            scores[.newsletters] = nil
            explanation.append("newsletters: \(only.signal) alone is no sign of marketing")
        }
        let category: Category
        let confidence: Double
        let model = rules.categoryModel
        let modelScore = model.map { model in
            let hashes = ModelFeatures.hashes(in: features)
            return model.score(hashes.head, text: hashes.text, textWeight: Self.modelTextWeight)
        }
        if let model, let modelScore, modelScore.knownFeatures >= Self.modelMinimumFeatures {
            (category, confidence) = Self.weigh(rules: scores, model: model, score: modelScore, explanation: &explanation)
        } else if let best = Self.priority.max(by: { (scores[$0] ?? 0) < (scores[$1] ?? 0) || ((scores[$0] ?? 0) == (scores[$1] ?? 0) && Self.rank($0) > Self.rank($1)) }),
            let top = scores[best], top > 0
        {
            category = best
            confidence = top / scores.values.reduce(0, +)
            explanation.append("category \(category.rawValue) (confidence \(Self.format(confidence)); scores: \(Self.summary(scores)))")
        } else {
            // Nothing matched: vendor mail with no sign of anything else is an automated notice.
            category = decision.vendor == nil ? .personal : .notifications
            confidence = 0.3
            explanation.append("category \(category.rawValue): no rule matched (default)")
        }
        for (index, entry) in fired.enumerated() {
            let rule = rules.categoryRules[entry.rule]
            let note = counted[index] ? "" : " (not counted: group \(rule.group ?? "") counts its strongest signal once)"
            explanation.append("  \(rule.category.rawValue) +\(Self.format(entry.weight)): \(rule.id) (\(rule.source)) \(entry.signal)\(note)")
        }
        return Classification(vendor: decision.vendor, category: category, confidence: confidence, explanation: explanation)
    }

    /// How much one point of a rule's weight counts against the model's log-odds: a rule names
    /// a signal a person stated, so one rule firing outweighs a few words.
    static let ruleWeight = 1.5
    /// The most the model can hold a category back (in log-odds): the model alone never
    /// overrules a clear signal from the rules.
    static let modelFloor = 5.0
    /// How much a word of the text counts next to a word of the subject, the sender or the
    /// headers: the text is long and its footer speaks of everything (unsubscribing, the
    /// account, orders), so its many words would otherwise drown the few that name the mail.
    static let modelTextWeight = 0.3
    /// A message of fewer known words than this is decided by the rules alone.
    static let modelMinimumFeatures = 3

    /// The category the rules' scores and the model's log-odds choose together, with its
    /// probability once both are weighed.
    static func weigh(rules scores: [Category: Double], model: CategoryModel, score: CategoryModel.Score,
                      explanation: inout [String]) -> (Category, Double)
    {
        let top = score.logScores.max() ?? 0
        var best = Category.notifications
        var bestScore = -Double.infinity
        var combined: [Double] = []
        for (column, category) in CategoryModel.categories.enumerated() {
            let value = ruleWeight * (scores[category] ?? 0) + max(score.logScores[column] - top, -modelFloor)
            combined.append(value)
            if value > bestScore || (value == bestScore && rank(category) < rank(best)) {
                best = category
                bestScore = value
            }
        }
        let confidence = 1 / combined.reduce(0) { $0 + exp($1 - bestScore) }
        let ranked = zip(CategoryModel.categories, score.logScores).sorted { $0.1 > $1.1 }
        let rulesPart = scores.isEmpty ? "no rule" : "rules: \(summary(scores))"
        explanation.append("category \(best.rawValue) (confidence \(format(confidence)); \(rulesPart); model: \(ranked[0].0.rawValue))")
        let words = model.strongestFeatures(of: score, for: ranked[0].0, count: 4)
        let margin = ranked.count > 1 ? ranked[0].1 - ranked[1].1 : 0
        explanation.append("  model \(ranked[0].0.rawValue) by \(format(margin)) over \(ranked.count > 1 ? ranked[1].0.rawValue : "-"): "
            + "\(words.joined(separator: ", ")) (\(score.knownFeatures) known features; model/categories.tsv)")
        return (best, confidence)
    }

    static func summary(_ scores: [Category: Double]) -> String {
        priority.compactMap { category in scores[category].map { "\(category.rawValue) \(format($0))" } }.joined(separator: ", ")
    }

    /// Rules of one group read one fact: of those that fired, only the strongest counts; the
    /// others' weights are taken back from their category. Returns, for each fired entry,
    /// whether it counted.
    static func countOncePerGroup(_ fired: [(rule: Int, signal: String, weight: Double)], rules: [CategoryRule],
                                  scores: inout [Category: Double]) -> [Bool]
    {
        var counted = Array(repeating: true, count: fired.count)
        var strongest: [String: Int] = [:]
        for (index, entry) in fired.enumerated() {
            guard let group = rules[entry.rule].group else { continue }
            let key = "\(rules[entry.rule].category.rawValue)/\(group)"
            guard let best = strongest[key] else {
                strongest[key] = index
                continue
            }
            let loser = entry.weight > fired[best].weight ? best : index
            if loser == best { strongest[key] = index }
            counted[loser] = false
            scores[rules[fired[loser].rule].category, default: 0] -= fired[loser].weight
        }
        return counted
    }

    /// Ties go to the category listed first.
    static let priority: [Category] = [.orders, .account, .support, .notifications, .newsletters]
    static func rank(_ category: Category) -> Int { priority.firstIndex(of: category) ?? priority.count }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
