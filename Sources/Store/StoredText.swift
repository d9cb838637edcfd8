import CZstd
import Foundation

/// A text part's bytes as the store keeps them: compressed with zstd when that saves room, else
/// its UTF-8 bytes as they are.
///
/// Mail's HTML is mostly template markup (style blocks, nested tables, tracked links): a part
/// compresses to a sixth to a tenth of its size, so the store writes (and the disk syncs) that
/// much less per message, and a store holds years of mail in a fraction of the room.
/// Compressing is done where the message is analysed (``NewMessage/compressTexts()``), on all
/// cores, not by the one thread that writes.
struct StoredText: Sendable, Hashable {
    /// The algorithm of a compressed part, as written in `message_text.compression`.
    enum Compression: String, Sendable {
        case zstd
    }

    var content: Data
    /// `nil`: `content` is the UTF-8 text itself.
    var compression: Compression?

    /// Parts shorter than this many bytes are stored as they are: a frame's header and the
    /// call would cost more than they save.
    static let smallestCompressed = 256
    /// zstd's fastest regular level: about 400 MB/s here, and mail markup still shrinks 6–10×.
    static let level: Int32 = 1
    /// A stored part never decompresses past this (a damaged frame could claim any size).
    static let largestText = 64 << 20

    init(content: Data, compression: Compression?) {
        self.content = content
        self.compression = compression
    }

    /// The text, compressed when it is long enough and compression saves room.
    ///
    /// The frame is written into a buffer kept with the compression context and copied out at
    /// its own size: a `Data` of zstd's bound per part was zero-filled (the bound is larger than
    /// the text) and then copied again to drop the bound's unused tail.
    init(_ text: String) {
        var text = text
        let compressed: Data? = text.withUTF8 { utf8 in
            guard utf8.count >= Self.smallestCompressed, let source = utf8.baseAddress else { return nil }
            return Self.contexts.withContext { context, scratch in
                let bound = ZSTD_compressBound(utf8.count)
                let output = scratch.reserve(bound)
                let written = ZSTD_compressCCtx(context, output, bound, source, utf8.count, Self.level)
                guard ZSTD_isError(written) == 0, written < utf8.count else { return nil }
                return Data(bytes: output, count: written)
            }
        }
        if let compressed {
            self.init(content: compressed, compression: .zstd)
        } else {
            self.init(content: Data(text.utf8), compression: nil)
        }
    }

    /// The text back; bytes that are not UTF-8 are repaired (U+FFFD), as when the part was read.
    func text() throws(StoreError) -> String {
        guard compression == .zstd else { return String(decoding: content, as: UTF8.self) }
        let decoded: Result<String, StoreError> = content.withUnsafeBytes { frame in
            let size = ZSTD_getFrameContentSize(frame.baseAddress, frame.count)
            // ZSTD_CONTENTSIZE_UNKNOWN and ZSTD_CONTENTSIZE_ERROR are the two largest values.
            guard size <= UInt64(Self.largestText) else {
                return .failure(.query("a stored text part is damaged (its frame claims \(size) bytes)"))
            }
            var failure: String?
            let text = String(unsafeUninitializedCapacity: max(1, Int(size))) { buffer in
                let written = ZSTD_decompress(buffer.baseAddress, Int(size), frame.baseAddress, frame.count)
                guard ZSTD_isError(written) == 0 else {
                    failure = String(cString: ZSTD_getErrorName(written))
                    return 0
                }
                return written
            }
            if let failure { return .failure(.query("a stored text part is damaged: \(failure)")) }
            return .success(text)
        }
        return try decoded.get()
    }
}

extension StoredText {
    /// Compression contexts kept for reuse: making one per part (its tables allocated and
    /// cleared) cost about as much as compressing a typical part.
    static let contexts = ContextPool()

    final class ContextPool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [(context: OpaquePointer, scratch: Scratch)] = []

        /// Runs `body` with a context and an output buffer no other thread uses meanwhile;
        /// `nil` when zstd could not allocate a context (the part is then stored uncompressed).
        func withContext<T>(_ body: (OpaquePointer, Scratch) -> T?) -> T? {
            guard let entry = lock.withLock({ idle.popLast() }) ?? ZSTD_createCCtx().map({ (context: $0, scratch: Scratch()) }) else { return nil }
            defer {
                entry.scratch.shrink()
                lock.withLock { idle.append(entry) }
            }
            return body(entry.context, entry.scratch)
        }
    }

    /// An output buffer that grows to the largest frame bound asked of it and is reused.
    final class Scratch {
        private var buffer: UnsafeMutableRawPointer?
        private var capacity = 0

        /// At least `size` writable bytes (their content is undefined).
        func reserve(_ size: Int) -> UnsafeMutableRawPointer {
            if let buffer, capacity >= size { return buffer }
            buffer?.deallocate()
            capacity = max(size, 64 << 10)
            let fresh = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            buffer = fresh
            return fresh
        }

        /// Frees a buffer grown past what typical parts need, so one huge part is not kept.
        func shrink() {
            guard capacity > Self.kept else { return }
            buffer?.deallocate()
            buffer = nil
            capacity = 0
        }

        private static let kept = 1 << 20

        deinit { buffer?.deallocate() }
    }
}
