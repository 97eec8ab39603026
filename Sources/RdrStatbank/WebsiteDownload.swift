import Foundation
import RdrEngine

/// A table saved by hand from statistikbanken.dk, rewritten as the Statbank API answer with labels
/// that `StatbankReader` reads, so that one reader checks both and the store keeps the file as it was.
///
/// Two layouts, as seen in public copies of real downloads:
/// - one line per figure: each variable's label, then the figure; no header line.
///   `"Pr. indbygger, løbende priser (kr.)","I alt (netto)","0.28.20 Grønne områder og naturpladser","Hele landet",194`
/// - the table as the website shows it: a title (maybe over several lines), a blank line, one line
///   of column headings per column variable (its first cells empty), then the rows, where a row
///   variable's label is written where it changes and left empty below:
///   ```
///   "Population at the first day of the quarter by region, time, marital",,,,,,
///   "status, age and sex",,,,,,
///   ,,,,,,
///    , , , ,Total,Men,Women
///   All Denmark,,,,,,
///    ,2025Q4,,,,,
///    , , ,0 years,59356,30555,28801
///   ```
/// Either in UTF-8, UTF-16 or Windows-1252 (`TextEncoding`), separated by semicolons, tabs or commas
/// (a semicolon anywhere outside quotes decides for semicolons, else a tab for tabs), quoted or not.
///
/// Which variable a column (or a line of headings) holds is told from its labels — municipality
/// names, "5.38.50 Botilbud …", "1 Driftskonti", "I alt (netto)", "Løbende priser (1.000 kr.)",
/// "2023", "2024K1", "7 år", "Mænd", "Ugift" — not from where it stands. The table is named by the
/// title or the file's name (REGK31, BUDK32, FOLK1A, or the words regnskab, budget, folketal),
/// else told by the variables (functions: REGK31; quarters: FOLK1A).
///
/// A variable the download leaves out was summed over by Statistics Denmark. That is harmless for
/// KØN and CIVILSTAND (the reader takes the total), but DRANST, ART or PRISENHED left out means
/// figures that are not the method's, which is an error saying what to select. TID left out of
/// an accounts download of one year: the year is taken from the file's name (`year(inName:)`; the
/// local store keeps such a file under accounts/R2023/, which tells the year when it is loaded).
///
/// Numbers: in files separated by semicolons or tabs a comma is the decimal sign and points may
/// group thousands (1.234.567); in comma-separated files a point (or a quoted comma) is the decimal
/// sign. `..` is a figure not available.
enum WebsiteDownload {
    /// The download as an API answer, and where each of its lines came from.
    struct Normalised {
        /// UTF-8, semicolons, a header of variable ids and INDHOLD, labels as values.
        let bytes: [UInt8]
        /// For each line of `bytes` (0-based), the 1-based line of the download it came from.
        let sourceLines: [Int]
        /// FOLK1A for population; for accounts the table the title or the file's name names, if any.
        let table: StatbankTable?

        /// An error found reading `bytes`, moved to the line of the download it came from.
        func located(_ error: StatbankFormatError) -> StatbankFormatError {
            guard let line = error.line, !sourceLines.isEmpty else { return error }
            let source = sourceLines[min(max(line - 1, 0), sourceLines.count - 1)]
            return StatbankFormatError(file: error.file, line: source, reason: error.reason)
        }
    }

    /// Whether `bytes` are a Statbank API answer (or empty): the first line that is not blank has a
    /// field INDHOLD. Anything else is taken for a download from the website.
    static func isAPIAnswer(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            if !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                return line.split(separator: ";").contains { field in
                    field.trimmingCharacters(in: [" ", "\t", "\r", "\""]).uppercased() == "INDHOLD"
                }
            }
            start = end + 1
        }
        return true
    }

    static func normalise(_ bytes: [UInt8], name: String, municipalities: [String: Int])
        throws(StatbankFormatError) -> Normalised
    {
        let text = TextEncoding.utf8(bytes)
        let separator = Self.separator(of: text)
        let grid = Grid(text, separator: separator)
        var conversion = Conversion(grid: grid, name: name, separator: separator, municipalities: municipalities)
        return try conversion.run()
    }

    /// `;` when there is one outside quotes in the first 64 kB, else a tab when there is one, else `,`.
    private static func separator(of text: [UInt8]) -> UInt8 {
        var quoted = false, tab = false
        for byte in text.prefix(65_536) {
            if byte == 34 { quoted.toggle() }
            if quoted { continue }
            if byte == 59 { return 59 }
            if byte == 9 { tab = true }
        }
        return tab ? 9 : 44
    }

    /// The table a download's title or file name names: its code, else a word (budget, regnskab,
    /// folketal or population).
    static func tableHint(title: String, name: String) -> StatbankTable? {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let text = title + " " + file
        let upper = text.uppercased()
        if let table = StatbankTable.allCases.first(where: { upper.contains($0.rawValue) }) { return table }
        let lower = text.lowercased()
        if lower.contains("budget") { return .budk32 }
        if lower.contains("regnskab") { return .regk31 }
        if lower.contains("folketal") || lower.contains("population") { return .folk1a }
        return nil
    }

    /// The year a file's name holds (1990 … 2099, four digits on their own; exactly one such year),
    /// else the year of the store's folder it is kept in (accounts/R2023/regk31-1.csv).
    static func year(inName path: String) -> Int? {
        let parts = path.split(separator: "/")
        guard let file = parts.last else { return nil }
        let runs = file.utf8.split { !Labels.isDigit($0) }.filter { $0.count == 4 }
        let years = Set(runs.compactMap { Int(String(decoding: $0, as: UTF8.self)) }.filter { (1990...2099).contains($0) })
        if !years.isEmpty { return years.count == 1 ? years.first : nil }
        guard parts.count >= 2, let folder = DatasetID(String(parts[parts.count - 2])) else { return nil }
        return folder.year
    }
}
