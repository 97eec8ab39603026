#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Writing an export so that a reader never sees half a file.
public enum AtomicFile {
    /// Writes `contents` to `path` via a temporary file in the same directory + rename; on any failure
    /// nothing is left behind (no temp file, the old file untouched). A replaced file keeps its
    /// permissions.
    public static func write(_ contents: String, to path: String) throws(ExportError) {
        let target = PathParts(path)
        guard !target.name.isEmpty else { throw ExportError(path: path, reason: "no file name given") }
        let temporary = target.temporaryPath()
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw target.error(errno) }
        let failure = fill(descriptor, with: contents, permissionsOf: path) ?? move(temporary, to: path)
        if let failure {
            unlink(temporary)
            throw target.error(failure)
        }
    }
}

// The steps of a write, each returning the errno of its failure, or nil.

/// Writes, syncs and closes the file.
private func fill(_ descriptor: Int32, with contents: String, permissionsOf path: String) -> Int32? {
    let failure = copyPermissions(of: path, to: descriptor)
        ?? writeAll(contents, to: descriptor)
        ?? (fsync(descriptor) == 0 ? nil : errno)
    let closeFailure = close(descriptor) == 0 ? nil : errno
    return failure ?? closeFailure
}

/// So that replacing a file the user made private does not make it readable by others.
private func copyPermissions(of path: String, to descriptor: Int32) -> Int32? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return fchmod(descriptor, status.st_mode & 0o7777) == 0 ? nil : errno
}

private func writeAll(_ contents: String, to descriptor: Int32) -> Int32? {
    var contents = contents
    return contents.withUTF8 { buffer -> Int32? in
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
    /// A hidden, unique name beside the file, so the final rename stays on one file system.
    fileprivate func temporaryPath() -> String {
        "\(prefix).\(name).rdr-\(String(UInt64.random(in: .min ... .max), radix: 36)).tmp"
    }

    /// The directory as the user would name it: "out" for "out/x.csv", "." for "x.csv".
    private var directory: String {
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
