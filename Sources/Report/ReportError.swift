import Dashboard

/// Why the report or the export could not be written; "cannot <verb> <object>: <reason>".
public enum ReportError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(String, reason: String)
    case template(String)
    case dashboard(DashboardError)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .template(let reason): "cannot render the report: \(reason)"
        case .dashboard(let error): error.description
        }
    }
}
