import Foundation
import Store

/// Why a pipeline step could not run; messages read "cannot <verb> <object>: <reason>".
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case store(StoreError)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .store(let error): error.description
        }
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
