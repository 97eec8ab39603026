import Foundation

/// Runs the built `rdr` binary, as a user would from a shell, and collects what it printed.
public struct RdrProcess {
    public struct Outcome: Sendable {
        public let stdout: String
        public let stderr: String
        public let status: Int32
    }

    /// The `rdr` executable beside the test runner (both are built into the same products folder).
    public static var executable: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On macOS the runner sits inside an .xctest bundle; the products folder is above it.
        while folder.path != "/", !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("rdr").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("rdr")
    }

    /// The package's root folder, for examples and fixtures.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs rdr with `arguments` in `directory`, feeding `input` to its standard input.
    public static func run(_ arguments: [String], input: String = "", in directory: URL? = nil,
                           environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // A local store of its own, so that no test reads or writes the user's.
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-store-\(UUID().uuidString)").path
        // The language follows the locale (LC_ALL, LC_MESSAGES, LANG): English unless a test asks.
        process.environment = ProcessInfo.processInfo.environment
            .merging(["XDG_DATA_HOME": store, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]) { $1 }
            .merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        return collect(process, stdout: stdout, stderr: stderr)
    }

    /// Waits for a started process, reading both pipes while it runs so that a full pipe never
    /// blocks it.
    public static func collect(_ process: Process, stdout: Pipe, stderr: Pipe) -> Outcome {
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(stdout: String(decoding: outputData, as: UTF8.self),
                       stderr: String(decoding: errorData, as: UTF8.self), status: process.terminationStatus)
    }

    /// A new empty folder under the temporary directory.
    public static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
