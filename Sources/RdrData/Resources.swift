import Foundation

/// Reads the files shipped in the package's resource bundle.
enum BundledFile {
    static func bytes(_ folder: String, _ file: String) throws(DataError) -> [UInt8] {
        let name = folder.isEmpty ? file : "\(folder)/\(file)"
        guard let url = Bundle.module.resourceURL?.appendingPathComponent(name),
              let data = FileManager.default.contents(atPath: url.path)
        else { throw DataError.missingResource(name) }
        return [UInt8](data)
    }

    static func text(_ folder: String, _ file: String) throws(DataError) -> String {
        String(decoding: try bytes(folder, file), as: UTF8.self)
    }

    static func csv(_ folder: String, _ file: String) throws(DataError) -> CSVFile {
        try CSVFile(name: "\(folder)/\(file)", bytes: bytes(folder, file))
    }
}

/// The ten service areas as shipped, in rdr's own language (`define area …` lines).
public enum BuiltInAreas {
    public static let fileName = "areas.rdr"

    public static func source() throws(DataError) -> String {
        try BundledFile.text("", fileName)
    }
}
