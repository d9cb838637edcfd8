import Foundation
import MailroomCore
import Store

/// A refusal rule as `mailroom refusals` lists it, with the command that undoes it and how
/// many stored messages it decides to hide (or, for `accept`, to show):
/// `{"target":"vendor","vendor":"amazon","sector":null,"category":"newsletters","action":"refuse",
/// "createdAt","messages","undo":"mailroom accept amazon --category newsletters"}`.
public struct RefusalItem: Sendable, Hashable, Encodable {
    public var rule: Refusal
    /// Stored messages this rule is the deciding one for.
    public var messages: Int

    public init(rule: Refusal, messages: Int) {
        self.rule = rule
        self.messages = messages
    }

    /// The command that undoes the rule.
    public var undo: String {
        let verb = rule.action == .refuse ? "accept" : "refuse"
        return "mailroom \(verb) \(Self.arguments(rule.target, rule.category))"
    }

    /// The command that made the rule.
    public var command: String {
        "mailroom \(rule.action.rawValue) \(Self.arguments(rule.target, rule.category))"
    }

    /// `amazon --category newsletters`, `--sector retail`.
    static func arguments(_ target: Refusal.Target, _ category: Category?) -> String {
        var text: String
        switch target {
        case .vendor(let id): text = id.rawValue
        case .sector(let sector): text = "--sector \(sector.rawValue)"
        }
        if let category { text += " --category \(category.rawValue)" }
        return text
    }

    enum CodingKeys: String, CodingKey { case target, vendor, sector, category, action, createdAt, messages, undo }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch rule.target {
        case .vendor(let id):
            try container.encode("vendor", forKey: .target)
            try container.encode(id, forKey: .vendor)
            try container.encodeNil(forKey: .sector)
        case .sector(let sector):
            try container.encode("sector", forKey: .target)
            try container.encodeNil(forKey: .vendor)
            try container.encode(sector, forKey: .sector)
        }
        try container.encode(rule.category, forKey: .category)
        try container.encode(rule.action.rawValue, forKey: .action)
        try container.encode(DateText.instant(rule.createdAt), forKey: .createdAt)
        try container.encode(messages, forKey: .messages)
        try container.encode(undo, forKey: .undo)
    }
}
