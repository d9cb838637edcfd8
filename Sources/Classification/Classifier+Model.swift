import MIME
import Rules

extension Classifier {
    /// The names of the category model's features in a message, each once, as
    /// `mailroom rules train` counts them; `nil` for mail the model does not learn from:
    /// personal mail and mail without a sender.
    public func modelFeatureNames(of message: Message) -> Set<String>? {
        let decision = identifier.identify(message)
        guard !decision.isPersonal, decision.sender != nil || decision.vendor != nil else { return nil }
        return ModelFeatures.names(in: MessageFeatures(message, sender: decision.sender, senderDomain: decision.senderDomain))
    }
}
