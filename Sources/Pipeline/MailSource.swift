import Foundation

/// Finds the messages under the paths a user names: `.eml` files, folders of them (recursive),
/// Maildir folders (`cur/` and `new/`) and mbox files.
///
/// Paths are listed lazily so that a mailbox of any size is read one batch at a time.
public struct MailSource: Sendable {
    /// The paths as given on the command line.
    public let paths: [String]

    /// Checks that every path exists and can be read, before any work starts.
    public init(paths: [String]) throws(PipelineError) {
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw PipelineError.cannotRead(path: path, reason: "no such file or directory")
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw PipelineError.cannotRead(path: path, reason: "permission denied")
            }
        }
        self.paths = paths
    }

    /// Every mail file under the paths, sorted within each folder so runs are reproducible.
    public func files() -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                collect(directory: path, into: &result)
            } else {
                result.append(path)
            }
        }
        return result
    }

    /// Reads one file: an mbox yields each of its messages, any other file one message.
    public static func messages(in path: String) throws(PipelineError) -> [RawMessage] {
        try MailFileReader(path: path).all()
    }

    /// Files up to this size are read into memory; larger ones (mbox archives) are mapped.
    public static let mappingThreshold = 16 << 20

    /// The bytes of a regular file of at most ``mappingThreshold`` bytes, read with one `read`
    /// (a mail file is read once, whole: mapping it costs a page fault per page and an
    /// `munmap`); `nil` for a larger file, or on any error (the caller maps and reports it).
    static func readSmallFile(_ path: String, limit: Int = mappingThreshold) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= limit else { return nil }
        var data = Data(count: Int(status.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }  // an empty file
            var done = 0
            while done < buffer.count {
                let read = Glibc.read(descriptor, base + done, buffer.count - done)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return false }
                done += read
            }
            return true
        }
        return complete ? data : nil
    }

    private func collect(directory: String, into result: inout [String]) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: directory) else { return }
        let isMaildir = ["cur", "new", "tmp"].allSatisfy { entries.contains($0) }
        for entry in entries.sorted() {
            let path = (directory as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            // Hidden entries are skipped, except Maildir++ sub-folders (`.Archive`) inside a Maildir.
            if entry.hasPrefix(".") && !(isMaildir && isDirectory.boolValue) { continue }
            if isDirectory.boolValue {
                if isMaildir && entry == "tmp" { continue }  // messages still being delivered
                if isMaildir && (entry == "cur" || entry == "new") {
                    collectMaildirFiles(path, into: &result)
                } else {
                    collect(directory: path, into: &result)
                }
            } else if Self.isMailFile(entry) {
                result.append(path)
            }
        }
    }

    private func collectMaildirFiles(_ directory: String, into result: inout [String]) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            result.append((directory as NSString).appendingPathComponent(entry))
        }
    }

    /// Inside plain folders, only files named like mail are read: `*.eml`, `*.mbox`, `mbox`.
    static func isMailFile(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        return lowercased.hasSuffix(".eml") || lowercased.hasSuffix(".mbox") || lowercased == "mbox"
    }
}
