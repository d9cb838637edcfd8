import CICU

/// A regular expression in ICU syntax, compiled once and matched from any thread.
///
/// Each thread matches with its own clone of the compiled pattern, so matching neither locks nor
/// recompiles. Compiled patterns live as long as the process.
public final class ICURegex: Sendable {
    // The handle is only read after init; ICU state per thread lives in the C layer.
    nonisolated(unsafe) let handle: OpaquePointer

    /// Compiles `pattern`; the error message says where it is wrong.
    public init(_ pattern: String, caseInsensitive: Bool = true) throws(ICURegexError) {
        var message = [CChar](repeating: 0, count: 128)
        guard let compiled = mr_icu_regex_compile(pattern, caseInsensitive ? 1 : 0, &message, message.count) else {
            throw ICURegexError(message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        handle = compiled
    }

    /// The UTF-16 range of the first match in `text`, if any.
    public func firstMatch(in text: UTF16Text) -> Range<Int>? {
        var start: Int32 = 0
        var end: Int32 = 0
        let found = text.units.withUnsafeBufferPointer { buffer in
            mr_icu_regex_find(handle, buffer.baseAddress, Int32(buffer.count), &start, &end)
        }
        return found == 1 ? Int(start)..<Int(end) : nil
    }
}

/// Why a pattern does not compile.
public struct ICURegexError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A text prepared once for matching many patterns: its UTF-16 code units.
public struct UTF16Text: Sendable {
    public let string: String
    /// The text's UTF-16 code units, the offsets matches are given in.
    public let units: [UInt16]

    public init(_ string: String) {
        self.string = string
        // ASCII bytes are the UTF-16 units: widened without walking the UTF-16 view.
        let ascii = string.utf8.withContiguousStorageIfAvailable { bytes -> [UInt16]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.map { UInt16($0) }
        }
        units = (ascii ?? nil) ?? Array(string.utf16)
    }

    /// Whether the text is empty.
    public var isEmpty: Bool { units.isEmpty }

    /// The text in a UTF-16 range, as a match returned it.
    public func substring(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { units in
            let slice = UnsafeBufferPointer(rebasing: units[range])
            // ASCII units are the UTF-8 bytes: no transcoding (the generic decoding of an array
            // slice took ten thousand instructions for a match).
            guard slice.allSatisfy({ $0 < 0x80 }) else { return String(decoding: slice, as: UTF16.self) }
            return String(unsafeUninitializedCapacity: slice.count) { bytes in
                for (index, unit) in slice.enumerated() { bytes[index] = UInt8(truncatingIfNeeded: unit) }
                return slice.count
            }
        }
    }
}
