import Foundation

/// Reads the files shipped in the package's resource bundle.
///
/// The bundle's folder is found once per process, and a file is read with open/read straight into
/// the array its reader keeps. Foundation's `Bundle` lookup and `Data` copy cost more than parsing
/// a dataset's figures does, and every `load` reads several of these files.
enum BundledFile {
    /// SwiftPM's name for RdrData's resource bundle: PACKAGE_TARGET.resources.
    static let bundleName = "rdr_RdrData.resources"

    /// The bundle's folder: beside the executable when it is there (a build folder, or an install
    /// that copies the bundle with the binary), looked up without Foundation; otherwise where
    /// SwiftPM's `Bundle.module` finds it, which also knows the build folder of a binary copied
    /// alone. Nil when neither has it.
    static let folder: String? = besideExecutable() ?? Bundle.module.resourceURL?.path

    /// `<folder of the running executable>/rdr_RdrData.resources` when that is a folder.
    private static func besideExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let path = executable[..<slash] + "/" + bundleName
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return path
    }

    static func bytes(_ folder: String, _ file: String) throws(DataError) -> [UInt8] {
        let name = folder.isEmpty ? file : "\(folder)/\(file)"
        guard let root = Self.folder, let bytes = contents(of: root + "/" + name) else {
            throw DataError.missingResource(name)
        }
        return bytes
    }

    static func text(_ folder: String, _ file: String) throws(DataError) -> String {
        String(decoding: try bytes(folder, file), as: UTF8.self)
    }

    static func csv(_ folder: String, _ file: String) throws(DataError) -> CSVFile {
        try CSVFile(name: "\(folder)/\(file)", bytes: bytes(folder, file))
    }

    /// The whole file, or nil when it cannot be opened or read.
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got > 0 {
                    count += got
                } else if got < 0, errno == EINTR {
                    continue
                } else {
                    failed = got < 0
                    break  // 0: the file is shorter than it was; what was read is the file
                }
            }
        }
        return failed ? nil : bytes
    }
}

/// The ten service areas as shipped, in rdr's own language (`define area …` lines).
public enum BuiltInAreas {
    public static let fileName = "areas.rdr"

    public static func source() throws(DataError) -> String {
        try BundledFile.text("", fileName)
    }
}
