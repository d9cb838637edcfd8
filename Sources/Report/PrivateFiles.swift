import Foundation

/// Writes report and export files the way personal data should be: the folder owner-only
/// (0700), each file owner-only (0600), written to a temporary file in the same folder and
/// renamed over the old one, so that a reader never sees half a file.
public struct PrivateFiles: Sendable {
    /// The folder written into.
    public let directory: URL

    /// Creates `directory` (and its parents) owner-only when missing.
    public init(directory: URL) throws(ReportError) {
        self.directory = directory
        try Self.makeDirectory(directory)
    }

    /// Creates a folder owner-only when missing (an existing one keeps its permissions).
    static func makeDirectory(_ url: URL) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportError.cannotWrite(url.path, reason: error.localizedDescription)
        }
    }

    /// Writes `text` to `relativePath` atomically, mode 0600.
    public func write(_ text: String, to relativePath: String) throws(ReportError) {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Writes `data` to `relativePath` atomically, mode 0600 (the folders on the way are created 0700).
    public func write(_ data: Data, to relativePath: String) throws(ReportError) {
        let target = directory.appendingPathComponent(relativePath)
        try Self.makeDirectory(target.deletingLastPathComponent())
        let stream = try open(relativePath)
        try stream.append(data)
        try stream.commit()
    }

    /// A file written piece by piece, appearing at `relativePath` only on `commit()`.
    public func open(_ relativePath: String) throws(ReportError) -> StreamedFile {
        let target = directory.appendingPathComponent(relativePath)
        try Self.makeDirectory(target.deletingLastPathComponent())
        return try StreamedFile(target: target)
    }

    /// Removes the files in `subfolder` whose names end with `suffix` and are not in `keep`
    /// (pages of vendors no longer shown must not stay behind).
    public func removeStale(in subfolder: String, suffix: String, keep: Set<String>) {
        let folder = directory.appendingPathComponent(subfolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasSuffix(suffix) && !keep.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}

/// A file being written: a temporary file (0600) beside its target, renamed on `commit()`.
public final class StreamedFile {
    let target: URL
    let temporary: URL
    let handle: FileHandle
    private var buffer = Data()
    private var committed = false

    init(target: URL) throws(ReportError) {
        self.target = target
        temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = Foundation.open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ReportError.cannotWrite(target.path, reason: String(cString: strerror(errno)))
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Appends `data` (buffered).
    public func append(_ data: Data) throws(ReportError) {
        buffer.append(data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends `text` as UTF-8.
    public func append(_ text: String) throws(ReportError) {
        try append(Data(text.utf8))
    }

    private func flush() throws(ReportError) {
        do {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        } catch {
            throw ReportError.cannotWrite(target.path, reason: error.localizedDescription)
        }
    }

    /// Writes what is buffered, syncs and renames the file into place.
    public func commit() throws(ReportError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ReportError.cannotWrite(target.path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw ReportError.cannotWrite(target.path, reason: String(cString: strerror(errno)))
        }
        committed = true
    }
}
