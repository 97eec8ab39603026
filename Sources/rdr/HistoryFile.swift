@preconcurrency import CReadline
import Foundation

/// The prompt's history in a file shared by every rdr on the machine: read at the start, each
/// statement appended as soon as it is entered (so a closed terminal loses nothing), under an
/// advisory lock, so that two prompts on one file keep both their lines. Never rewritten whole
/// except to trim it to its last `limit` lines, under the same lock. A file that cannot be read
/// or written is said once, and from then on left alone (never replaced by this session's lines).
final class HistoryFile {
    static let limit: Int32 = 2000

    let path: String
    /// Why the file is left alone, once said; nil while it is in use.
    private var problem: String?
    private let report: (String) -> Void

    /// Reads the file into readline's history (a missing file is an empty history).
    init(path: String, report: @escaping (String) -> Void) {
        self.path = path
        self.report = report
        stifle_history(Self.limit)
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            giveUp("the history file \(path) is not a regular file")  // a folder, or a FIFO that would block
            return
        }
        let read = read_history(path)
        if read != 0 && read != ENOENT {
            giveUp("cannot read the history file \(path) (\(Self.reason(read)))")
        }
    }

    /// Adds `line` to readline's history and appends it to the file.
    func add(_ line: String) {
        add_history(line)
        guard problem == nil else { return }
        guard let lock = lockedFile() else { return }
        defer { close(lock) }  // releases the lock
        let status = append_history(1, path)
        if status != 0 {
            giveUp("cannot add to the history file \(path) (\(Self.reason(status)))")
            return
        }
        _ = history_truncate_file(path, Self.limit)
    }

    /// The history file, open and locked (created if missing, with its folder). Trimming replaces
    /// the file with a new one (readline renames a shortened copy over it), so a lock won on a
    /// file that has meanwhile been replaced is let go and taken again on the new one.
    private func lockedFile() -> Int32? {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        while true {
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                giveUp("cannot write the history file \(path) (\(Self.reason(errno)))")
                return nil
            }
            var locked = flock(descriptor, LOCK_EX)
            while locked != 0 && errno == EINTR { locked = flock(descriptor, LOCK_EX) }
            var opened = stat(), named = stat()
            if locked == 0, fstat(descriptor, &opened) == 0, stat(path, &named) == 0,
               opened.st_dev == named.st_dev, opened.st_ino == named.st_ino {
                return descriptor
            }
            close(descriptor)
            if locked != 0 {
                giveUp("cannot lock the history file \(path) (\(Self.reason(errno)))")
                return nil
            }
        }
    }

    private func giveUp(_ message: String) {
        problem = message
        report("rdr: \(message); this session's lines are not saved")
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
