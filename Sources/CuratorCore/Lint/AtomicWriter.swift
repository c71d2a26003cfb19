import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that each one is either wholly old or wholly new, and a set of files is checked
/// as a whole before any of them changes.
///
/// A file is written through exactly one temporary file, in its own directory: created with
/// `O_CREAT | O_EXCL` (so it is never another file), written, flushed with `fsync`, given the
/// original's permission bits, and renamed over the original. Nothing else is created. Foundation's
/// `createFile` and atomic `Data.write` make temporaries of their own (`.dat.nosync*`), which a
/// process killed mid-write leaves behind.
public enum AtomicWriter {
    /// One file to write: where, the path to name it by in messages, and its new bytes.
    public struct Target: Sendable {
        public var url: URL
        public var display: String
        public var bytes: [UInt8]

        public init(url: URL, display: String, bytes: [UInt8]) {
            self.url = url
            self.display = display
            self.bytes = bytes
        }
    }

    /// A file that was not written, why, and which files of the same set were written before it.
    public struct Failure: Error, CustomStringConvertible, LocalizedError {
        public var path: String
        public var reason: String
        public var written: [String]

        public var description: String {
            let outcome =
                written.isEmpty
                ? "nothing was written" : "already written: \(written.joined(separator: ", "))"
            return "\(path): cannot write: \(reason); \(outcome)"
        }

        /// The reason alone, for callers that say the path and "cannot write" themselves.
        public var errorDescription: String? { reason }
    }

    /// Writes one file.
    public static func write(_ bytes: [UInt8], to url: URL) throws(Failure) {
        try write([Target(url: url, display: url.path, bytes: bytes)])
    }

    /// Writes every target, or none when one of them cannot be written.
    ///
    /// Every target is checked first (its directory writable, the file itself not read-only),
    /// then every temporary file is written and flushed, and only then are they renamed into
    /// place, one after another. A rename that still fails (the disk vanished between two of
    /// them) ends the run with the names of the files already replaced.
    public static func write(_ targets: [Target]) throws(Failure) {
        try write(targets, rename: { Foundation.rename($0, $1) })
    }

    /// `write(_:)` with the rename injected, so that a test can make one fail.
    static func write(_ targets: [Target], rename: (String, String) -> Int32) throws(Failure) {
        var destinations: [String] = []
        for target in targets {
            destinations.append(try destination(of: target))
        }
        var staged: [String] = []
        func discardStaged() {
            for temporary in staged where !temporary.isEmpty { unlink(temporary) }
        }
        for (target, destination) in zip(targets, destinations) {
            do {
                staged.append(try stage(target.bytes, for: destination))
            } catch {
                discardStaged()
                throw Failure(path: target.display, reason: error.reason, written: [])
            }
        }
        var written: [String] = []
        for (index, target) in targets.enumerated() {
            guard rename(staged[index], destinations[index]) == 0 else {
                let reason = String(cString: strerror(errno))
                discardStaged()
                throw Failure(path: target.display, reason: reason, written: written)
            }
            staged[index] = ""
            written.append(target.display)
        }
        for directory in Set(destinations.map { ($0 as NSString).deletingLastPathComponent }) {
            syncDirectory(directory)
        }
    }

    /// Checks that a target can be replaced, and returns the path to write: the file itself, or
    /// the file a symbolic link names, so that the link stays a link.
    ///
    /// The checks read the permission bits as well as asking `access`: root may write anything,
    /// so `access` alone would let a run as root replace a file its owner made read-only.
    static func destination(of target: Target) throws(Failure) -> String {
        func refuse(_ reason: String) -> Failure { Failure(path: target.display, reason: reason, written: []) }
        var path = target.url.standardizedFileURL.path
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw refuse("it is a broken symbolic link") }
            path = String(cString: resolved)
            free(resolved)
        }
        let directory = (path as NSString).deletingLastPathComponent
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw refuse("no such directory \(directory)")
        }
        guard isWritable(directory, status) else {
            throw refuse("the directory \(directory) is read-only")
        }
        guard stat(path, &status) == 0 else { return path }
        guard status.st_mode & S_IFMT == S_IFREG else { throw refuse("it is not a regular file") }
        guard isWritable(path, status) else {
            throw refuse(
                "the file is read-only (mode \(String(status.st_mode & 0o7777, radix: 8))), so it is not replaced")
        }
        return path
    }

    /// Whether a file's permission bits allow anyone to write it and the process may write it.
    private static func isWritable(_ path: String, _ status: stat) -> Bool {
        status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 && access(path, W_OK) == 0
    }

    private struct StageError: Error {
        var reason: String
    }

    /// Writes `bytes` to a new temporary file beside `destination`, flushed to disk and with the
    /// destination's permission bits, and returns its path.
    private static func stage(_ bytes: [UInt8], for destination: String) throws(StageError) -> String {
        let directory = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var status = stat()
        let mode = stat(destination, &status) == 0 ? status.st_mode & 0o7777 : nil
        var temporary = ""
        var descriptor: Int32 = -1
        // A name already taken (a temporary of another run) is never reused: another is drawn.
        for _ in 0..<8 {
            temporary = "\(directory)/.\(name).curator-\(UUID().uuidString).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw StageError(reason: String(cString: strerror(errno))) }
        func fail() -> StageError {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            return StageError(reason: reason)
        }
        // `open` applies the umask; the original's bits are set exactly.
        if let mode, fchmod(descriptor, mode) != 0 { throw fail() }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw fail() }
            offset += count
        }
        guard fsync(descriptor) == 0 else { throw fail() }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StageError(reason: reason)
        }
        return temporary
    }

    /// Flushes a directory's entries, so that the renames survive a power cut too. A directory
    /// that cannot be opened for this costs durability only, not the write.
    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
