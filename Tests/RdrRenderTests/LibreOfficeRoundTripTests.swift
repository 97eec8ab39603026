import Foundation
import RdrRender
import Testing

/// A third reader, when the machine has it: LibreOffice opens the workbook and saves it as CSV,
/// the cells as shown (its US English formatting: 10,353), so that the number formats are seen to
/// show what rdr's table shows. CI does not install LibreOffice (some 200 MB); openpyxl
/// (XLSXWriterTests) is the reader every run has. Without LibreOffice this test is reported as
/// skipped.
@Suite struct LibreOfficeRoundTripTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"))
    func libreOfficeShowsWhatTheTableShows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rdr-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try AtomicFile.write(XLSXWriter.workbook([Fixture.ranking]), to: folder.appendingPathComponent("book.xlsx").path)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.soffice))
        process.arguments = [
            // A profile of its own, so that it neither waits for nor changes the user's.
            "-env:UserInstallation=file://\(folder.path)/profile", "--headless",
            // , between fields, " around text, UTF-8 (76), from line 1, cells as shown.
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true",
            "--outdir", folder.path, folder.appendingPathComponent("book.xlsx").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let csv = try String(contentsOf: folder.appendingPathComponent("book.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } == [
            "Udgifter pr. indbygger 2024,,,",
            "Plads,Kommune,Indbyggere,Kr. pr. indb.",
            "1,Ærø,\"6,123\",\"10,353\"",
            "2=,Læsø,\"1,784\",3",  // a tied place, as the table shows it; 2.5 shown whole
            "2=,Fanø,\"3,517\",-3",
            "n/a,København,\"1,234,567\",n/a",
            ",I alt,\"1,245,991\",\"1,000\"",
            ",,,",
            "Note: Læsø and Fanø are tied at place 2.,,,",
            "Note: København is not ranked: no accounts.,,,",
        ] + Fixture.caption.map { ($0.contains(",") ? "\"\($0)\"" : $0) + ",,," } + [""])
    }
}
