import Foundation

/// The user's home folder: `$HOME` when it is an absolute path, else the password database's
/// (getpwuid); nil when neither is. A relative value is ignored, as the XDG Base Directory
/// specification asks, so that nothing lands relative to the working folder.
public enum HomeFolder {
    public static func path(in environment: [String: String],
                            passwd: @autoclosure () -> String? = passwdEntry()) -> String? {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return passwd().flatMap { $0.hasPrefix("/") ? $0 : nil }
    }

    /// The home folder of the user running rdr, from the password database.
    public static func passwdEntry() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }
}
