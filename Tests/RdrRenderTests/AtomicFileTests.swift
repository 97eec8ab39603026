import Foundation
import Testing
import RdrRender

@Suite struct AtomicFileTests {
    /// A fresh empty directory, removed when `body` returns.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rdr-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer {
            chmod(directory, 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        try body(directory)
    }

    private func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func status(_ path: String) -> stat {
        var status = stat()
        stat(path, &status)
        return status
    }

    @Test func writesANewFileAndLeavesNothingElse() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/ranking.csv"
            try AtomicFile.write("a,b\r\nÆrø,1\r\n", to: path)
            #expect(try contents(path) == "a,b\r\nÆrø,1\r\n")
            #expect(try entries(directory) == ["ranking.csv"])
        }
    }

    @Test func overwritesByReplacingTheFileAndKeepsItsPermissions() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/ranking.csv"
            try AtomicFile.write("old contents, longer than the new\n", to: path)
            chmod(path, 0o600)
            let before = status(path)

            try AtomicFile.write("new\n", to: path)

            let after = status(path)
            #expect(try contents(path) == "new\n")
            #expect(after.st_ino != before.st_ino, "replaced by a rename, not rewritten in place")
            #expect(after.st_mode & 0o777 == 0o600)
            #expect(try entries(directory) == ["ranking.csv"])
        }
    }

    @Test func failsWhenTheDirectoryDoesNotExist() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/out/x.csv"
            let reason = "directory '\(directory)/out' does not exist"
            #expect(throws: ExportError(description: "cannot write '\(path)': \(reason)")) {
                try AtomicFile.write("x\n", to: path)
            }
            #expect(try entries(directory) == [])
        }
    }

    @Test func failsWhenTheDirectoryIsNotWritableAndKeepsTheOldFile() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/x.csv"
            try AtomicFile.write("old\n", to: path)
            chmod(directory, 0o555)
            if access(directory, W_OK) == 0 {
                try Test.cancel("the read-only directory is writable here (running as root)")
            }
            #expect(throws: ExportError(description: "cannot write '\(path)': directory '\(directory)' is not writable")) {
                try AtomicFile.write("new\n", to: path)
            }
            #expect(try contents(path) == "old\n")
            #expect(try entries(directory) == ["x.csv"])
        }
    }

    @Test func failsOnADirectoryAndRemovesTheTemporaryFile() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory + "/x.csv"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            #expect(throws: ExportError(description: "cannot write '\(path)': it is a directory")) {
                try AtomicFile.write("x\n", to: path)
            }
            #expect(try entries(directory) == ["x.csv"])
            #expect(try entries(path) == [])
        }
    }

    @Test func failsWhenAPathComponentIsAFile() throws {
        try withTemporaryDirectory { directory throws in
            try AtomicFile.write("not a directory\n", to: directory + "/file")
            let path = directory + "/file/x.csv"
            #expect(throws: ExportError(description: "cannot write '\(path)': '\(directory)/file' is not a directory")) {
                try AtomicFile.write("x\n", to: path)
            }
            #expect(try entries(directory) == ["file"])
        }
    }

    @Test func failsWithoutAFileName() {
        #expect(throws: ExportError(description: "cannot write 'out/': no file name given")) {
            try AtomicFile.write("x\n", to: "out/")
        }
    }
}
