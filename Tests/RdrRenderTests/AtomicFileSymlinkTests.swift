import Foundation
import Testing
import RdrRender

/// An export over a symbolic link writes the file the link leads to and leaves the link a link.
@Suite struct AtomicFileSymlinkTests {
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    @Test func aRelativeLinkChainIsFollowedToItsFileWhichIsReplaced() throws {
        try withTemporaryDirectory { directory in
            try "old\n".write(toFile: directory + "/data/real.csv", atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: directory + "/data/middle.csv", withDestinationPath: "real.csv")
            try FileManager.default.createSymbolicLink(atPath: directory + "/out.csv", withDestinationPath: "data/middle.csv")

            try AtomicFile.write("new\n", to: directory + "/out.csv")

            #expect(isLink(directory + "/out.csv"))
            #expect(isLink(directory + "/data/middle.csv"))
            #expect(try String(contentsOfFile: directory + "/data/real.csv", encoding: .utf8) == "new\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["data", "out.csv"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/data").sorted() == ["middle.csv", "real.csv"])
        }
    }

    @Test func aLinkToAMissingFileCreatesThatFile() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createSymbolicLink(atPath: directory + "/out.csv", withDestinationPath: directory + "/data/new.csv")

            try AtomicFile.write("rows\n", to: directory + "/out.csv")

            #expect(isLink(directory + "/out.csv"))
            #expect(try String(contentsOfFile: directory + "/data/new.csv", encoding: .utf8) == "rows\n")
        }
    }

    @Test func aLoopOfLinksIsOneLineNotAHang() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.createSymbolicLink(atPath: directory + "/a", withDestinationPath: "b")
            try FileManager.default.createSymbolicLink(atPath: directory + "/b", withDestinationPath: "a")
            #expect(throws: ExportError.self) { try AtomicFile.write("x", to: directory + "/a") }
            #expect(isLink(directory + "/a") && isLink(directory + "/b"))
        }
    }
}
