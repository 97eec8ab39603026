import Foundation
import RdrData
#if canImport(Glibc)
import Glibc
private let readBytes = Glibc.read
#elseif canImport(Musl)
import Musl
private let readBytes = Musl.read
#elseif canImport(Darwin)
import Darwin
private let readBytes = Darwin.read
#endif

/// Reading a script file, for `run` and for `rdr FILE` alike: a UTF-8 text of at most
/// `Source.maximumSize`, or one precise reason why not. A file that is not a script (binary,
/// another encoding) is said to be so, never quoted.
public enum ScriptFile {
    /// The script at `path`, a relative path taken from `folder`.
    public static func read(_ path: String, from folder: String) throws(ScriptFileError) -> Source {
        let resolved = FileBytes.resolve(path, from: folder)
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(resolved, atMost: Source.maximumSize)
        } catch {
            throw ScriptFileError(path: path, reason: error.reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ScriptFileError(path: path, reason: notUTF8(bytes))
        }
        if bytes.contains(0) { throw ScriptFileError(path: path, reason: textEncoding(of: bytes)) }
        return Source(name: path, text: text, folder: (resolved as NSString).deletingLastPathComponent)
    }

    /// Why bytes that are not UTF-8 are no script.
    private static func notUTF8(_ bytes: [UInt8]) -> String {
        if bytes.contains(0) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return textEncoding(of: bytes)
        }
        // Windows-1252 leaves five bytes unused and, like Latin-1, has no control bytes in text.
        let unused: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let windows1252 = bytes.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } && !bytes.contains(where: unused.contains)
        guard windows1252, let first = bytes.firstIndex(where: { $0 >= 0x80 }) else {
            return "it is not an rdr script (it is not UTF-8 text)"
        }
        let line = 1 + bytes[..<first].count { $0 == 0x0A }
        return "it is Windows-1252 (Latin-1) text, not UTF-8 (line \(line) has the first such letter); "
            + "save it as UTF-8 and run it again"
    }

    /// UTF-16 (a byte-order mark, or a zero byte beside every other letter) or binary data.
    private static func textEncoding(of bytes: [UInt8]) -> String {
        let zeros = bytes.indices.filter { bytes[$0] == 0 }
        let oneSide = zeros.allSatisfy { $0 % 2 == 0 } || zeros.allSatisfy { $0 % 2 == 1 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (oneSide && zeros.count * 3 >= bytes.count) {
            return "it is UTF-16 text, not UTF-8; save it as UTF-8 and run it again"
        }
        return "it is not an rdr script (it holds binary data)"
    }
}

/// Why a script file cannot be run: "cannot read script 'x.rdr': no such file".
public struct ScriptFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot read script \(path.quotedInMessage): \(reason)" }
}

/// The bytes of a whole regular file, or one reason why not. Shared by every statement that
/// reads a file, so that each says the same thing about the same fault.
enum FileBytes {
    struct Unreadable: Error {
        let reason: String
    }

    /// `path` with a leading `~` or `~/` taken from the user's home folder, and taken from
    /// `folder` when relative. A quoted path is expanded alike: the parser hands over the text only.
    static func resolve(_ path: String, from folder: String) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/"), let home = HomeFolder.path(in: ProcessInfo.processInfo.environment) {
            expanded = home + path.dropFirst()
        }
        return expanded.hasPrefix("/") ? expanded : URL(fileURLWithPath: folder).appendingPathComponent(expanded).path
    }

    /// Checks the kind of file before opening it: a pipe or a device would block or never end.
    static func read(_ path: String, atMost limit: Int? = nil) throws(Unreadable) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Unreadable(reason: errno == ENOENT || errno == ENOTDIR ? "no such file" : describe(errno))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Unreadable(reason: "it is a folder, not a file")
        default: throw Unreadable(reason: "it is not a regular file (a pipe, a device or a socket)")
        }
        if let limit, status.st_size > limit { throw tooLarge(Int(status.st_size), limit) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(reason: describe(errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = readBytes(descriptor, &chunk, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw Unreadable(reason: describe(errno))
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            if let limit, bytes.count > limit { throw tooLarge(bytes.count, limit) }  // it grew while read
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> Unreadable {
        Unreadable(reason: "it is \(Source.describe(size: size)), more than the \(Source.describe(size: limit)) rdr reads")
    }

    private static func describe(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "it cannot be read (permission denied)" : String(cString: strerror(code))
    }
}
