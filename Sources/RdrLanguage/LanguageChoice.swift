import RdrReport

extension Language {
    /// The language the environment asks for, as POSIX locales are chosen: the first of LC_ALL,
    /// LC_MESSAGES and LANG that is set and not empty decides; a value starting with "da" (da_DK.UTF-8,
    /// da) is Danish, anything else English. A pure function: the shell reads the environment and
    /// passes it in, so that no library reads it.
    public static func preferred(by environment: [String: String]) -> Language {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return chosen?.lowercased().hasPrefix("da") == true ? .da : .en
    }
}
