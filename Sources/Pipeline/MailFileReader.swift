import Foundation

/// Reads the messages of one mail file in order, one at a time: an mbox is read in chunks and
/// split as it goes, so memory holds one message and one chunk whatever the size of the file
/// (a mail archive of several gigabytes imports in the memory of its largest message); any
/// other file is one message.
public final class MailFileReader {
    private let path: String
    private var source: Source
    private var splitter = Mbox.Splitter()
    private var position = 0

    private enum Source {
        /// A single-message file, not yet returned (`nil` once it was).
        case single(Data?)
        /// An mbox file being split: read from `descriptor`, or all given already (`nil`).
        case mbox(descriptor: Int32?)
        case finished
    }

    /// Bytes read from a large mbox file at a time.
    private let chunkSize: Int

    /// Opens `path`; throws when it cannot be read. Files up to `wholeFileLimit` bytes are read
    /// at once; a larger mbox is read `chunkSize` bytes at a time.
    public init(path: String, chunkSize: Int = 4 << 20, wholeFileLimit: Int = MailSource.mappingThreshold) throws(PipelineError) {
        self.path = path
        self.chunkSize = max(1, chunkSize)
        if let small = MailSource.readSmallFile(path, limit: wholeFileLimit) {
            if Mbox.looksLikeMbox(small) {
                splitter.append(ArraySlice(small))
                splitter.finish()
                source = .mbox(descriptor: nil)
            } else {
                source = .single(small)
            }
            return
        }
        // A large file: an mbox archive is read in chunks, anything else mapped.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        var head = [UInt8](repeating: 0, count: 5)
        let headLength = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, 5) }
        if headLength == 5, Mbox.looksLikeMbox(Data(head)) {
            splitter.append(head[...])
            source = .mbox(descriptor: descriptor)
            return
        }
        close(descriptor)
        do {
            source = .single(try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped))
        } catch {
            throw .cannotRead(path: path, reason: PipelineError.reason(error))
        }
    }

    deinit {
        if case .mbox(let descriptor?) = source { close(descriptor) }
    }

    /// The next message of the file, `nil` after the last one.
    public func next() throws(PipelineError) -> RawMessage? {
        switch source {
        case .finished:
            return nil
        case .single(let data):
            source = .single(nil)
            return data.map { RawMessage(path: path, position: 0, data: $0) }
        case .mbox(let descriptor):
            while true {
                if let message = splitter.next() {
                    defer { position += 1 }
                    return RawMessage(path: path, position: position, data: message)
                }
                guard let descriptor, !splitter.isFinished else {
                    if let descriptor { close(descriptor) }
                    source = .finished
                    return nil
                }
                var chunk = [UInt8](repeating: 0, count: chunkSize)
                let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                    while true {
                        let read = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                        if read < 0, errno == EINTR { continue }
                        return read
                    }
                }
                guard count >= 0 else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    source = .finished
                    throw .cannotRead(path: path, reason: reason)
                }
                if count == 0 {
                    splitter.finish()
                } else {
                    splitter.append(chunk[..<count])
                }
            }
        }
    }

    /// Every message of the file (for callers that read small files whole).
    public func all() throws(PipelineError) -> [RawMessage] {
        var messages: [RawMessage] = []
        while let message = try next() { messages.append(message) }
        return messages
    }
}
