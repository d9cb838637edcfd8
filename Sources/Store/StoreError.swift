/// Why the store could not do what was asked; messages read "cannot <verb> <object>: <reason>".
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case query(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the store \(path): \(reason)"
        case .query(let reason): "cannot read or write the store: \(reason)"
        }
    }
}
