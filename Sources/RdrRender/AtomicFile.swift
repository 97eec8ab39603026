#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Why an export could not be written, in one line that names the file.
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// E.g. "cannot write 'out/x.csv': directory 'out' does not exist".
    public var description: String

    public init(description: String) {
        self.description = description
    }

    init(path: String, reason: String) {
        self.init(description: "cannot write '\(path)': \(reason)")
    }
}

/// Writing an export so that a reader never sees half a file, and no temporary file outlives it.
public enum AtomicFile {
    /// Writes `contents` to `path` via a temporary file in the same directory + rename; on any failure
    /// nothing is left behind (no temp file, the old file untouched), nor when SIGTERM or SIGHUP ends
    /// rdr meanwhile (see `removeTemporaryFileOnTermination`). A replaced file keeps its permissions,
    /// but never setuid, setgid or sticky. Temporary files that rdr processes killed outright
    /// (SIGKILL, a crash) left beside the file are removed first. A symbolic link stays one: the
    /// file it leads to is written, beside which the temporary file lies.
    public static func write(_ contents: String, to path: String) throws(ExportError) {
        try write(Array(contents.utf8), to: path)
    }

    /// Writes `bytes` (a workbook) to `path`, as `write(_:to:)` writes text.
    public static func write(_ bytes: [UInt8], to path: String) throws(ExportError) {
        guard !PathParts(path).name.isEmpty else { throw ExportError(path: path, reason: "no file name given") }
        let target = PathParts(try linkTarget(of: path))
        target.removeStaleTemporaryFiles()
        let temporary = target.temporaryPath()
        InProgress.start(temporary)
        defer { InProgress.end() }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw target.error(errno) }
        let failure = fill(descriptor, with: bytes, permissionsOf: target.path) ?? move(temporary, to: target.path)
        if let failure {
            unlink(temporary)
            throw target.error(failure)
        }
    }

    /// The file that `path` finally names when it is a symbolic link (or a chain of them); else
    /// `path`. A link to a missing file leads to that file, which the write then creates.
    private static func linkTarget(of path: String) throws(ExportError) -> String {
        var current = path
        for _ in 0..<40 {  // as many as Linux follows
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let destination = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : "\(PathParts(current).prefix)\(destination)"
        }
        throw ExportError(path: path, reason: "it is a chain of more than 40 symbolic links")
    }

    /// Makes SIGTERM and SIGHUP (a closed terminal) remove the temporary file of a write in
    /// progress before they end rdr as they would have. One that came ignored (nohup) stays
    /// ignored. Call once at start-up.
    public static func removeTemporaryFileOnTermination() {
        InProgress.prepare()
        for signal in [SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0,
                  unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self)
            else { continue }
            _ = Glibc.signal(signal) { received in
                InProgress.removeFile()
                _ = Glibc.signal(received, SIG_DFL)
                _ = raise(received)
            }
        }
    }
}

/// The temporary file being written, for a signal handler: its path in a fixed buffer, published by
/// an atomic flag, so that the handler reads either a whole path or none.
private enum InProgress {
    static let capacity = Int(PATH_MAX) + 1
    nonisolated(unsafe) static let path = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    static let armed = Atomic<Bool>(false)

    /// Touches the globals, so that a signal handler never runs their one-time initialisation.
    static func prepare() {
        path[0] = 0
        armed.store(false, ordering: .sequentiallyConsistent)
    }

    static func start(_ temporary: String) {
        armed.store(false, ordering: .sequentiallyConsistent)
        let bytes = Array(temporary.utf8CString.prefix(capacity))
        guard bytes.last == 0 else { return }  // longer than any path the system can open
        bytes.withUnsafeBufferPointer { path.update(from: $0.baseAddress!, count: $0.count) }
        armed.store(true, ordering: .sequentiallyConsistent)
    }

    static func end() {
        armed.store(false, ordering: .sequentiallyConsistent)
    }

    /// Async-signal-safe.
    static func removeFile() {
        if armed.load(ordering: .sequentiallyConsistent) { unlink(path) }
    }
}

// The steps of a write, each returning the errno of its failure, or nil.

/// Writes, syncs and closes the file.
private func fill(_ descriptor: Int32, with contents: [UInt8], permissionsOf path: String) -> Int32? {
    let failure = copyPermissions(of: path, to: descriptor)
        ?? writeAll(contents, to: descriptor)
        ?? (fsync(descriptor) == 0 ? nil : errno)
    let closeFailure = close(descriptor) == 0 ? nil : errno
    return failure ?? closeFailure
}

/// So that replacing a file the user made private does not make it readable by others. Only the
/// read, write and execute bits: an export is data, never a setuid, setgid or sticky file.
private func copyPermissions(of path: String, to descriptor: Int32) -> Int32? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return fchmod(descriptor, status.st_mode & 0o777) == 0 ? nil : errno
}

private func writeAll(_ contents: [UInt8], to descriptor: Int32) -> Int32? {
    contents.withUnsafeBufferPointer { buffer -> Int32? in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

private func move(_ source: String, to destination: String) -> Int32? {
    rename(source, destination) == 0 ? nil : errno
}

/// A path split into its directory and file name.
struct PathParts {
    let path: String
    /// Everything up to and including the last "/"; empty for a bare file name.
    let prefix: Substring
    let name: Substring

    init(_ path: String) {
        self.path = path
        let start = path.lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
        prefix = path[..<start]
        name = path[start...]
    }
}

extension PathParts {
    /// A hidden, unique name beside the file, so the final rename stays on one file system:
    /// `.NAME.rdr-PID-RANDOM.tmp`, the process id telling whether its writer still runs.
    fileprivate func temporaryPath() -> String {
        "\(prefix)\(temporaryPrefix)\(getpid())-\(String(UInt64.random(in: .min ... .max), radix: 36)).tmp"
    }

    private var temporaryPrefix: String { ".\(name).rdr-" }

    /// Removes this file's temporary files whose writer no longer runs on this machine: files of the
    /// user's own, named with a process id that is gone. Any other is left alone.
    fileprivate func removeStaleTemporaryFiles() {
        guard let folder = opendir(directory) else { return }
        defer { closedir(folder) }
        var stale: [String] = []
        while let entry = readdir(folder) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard entryName.hasPrefix(temporaryPrefix), entryName.hasSuffix(".tmp") else { continue }
            let parts = entryName.dropFirst(temporaryPrefix.count).dropLast(4).split(separator: "-")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            stale.append("\(prefix)\(entryName)")
        }
        for path in stale {
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == getuid() else { continue }
            unlink(path)
        }
    }

    /// The directory as the user would name it: "out" for "out/x.csv", "." for "x.csv".
    fileprivate var directory: String {
        switch prefix {
        case "": "."
        case "/": "/"
        default: String(prefix.dropLast())
        }
    }

    fileprivate func error(_ code: Int32) -> ExportError {
        ExportError(path: path, reason: reason(code))
    }

    private func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT where access(directory, F_OK) != 0: "directory '\(directory)' does not exist"
        case ENOTDIR: "'\(directory)' is not a directory"
        case EACCES, EPERM: "directory '\(directory)' is not writable"
        case EROFS: "directory '\(directory)' is on a read-only file system"
        case EISDIR: "it is a directory"
        default: String(cString: strerror(code))
        }
    }
}
