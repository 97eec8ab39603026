import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RdrTestSupport
import Testing

/// The HTML report of every example script, opened in a real browser (Debian's headless
/// chromium, which `.ci/run` installs): it loads, every result is a table in the page the browser
/// built, and a screenshot of it is no blank page. Also well-formed as XML, by a real parser.
@Suite(.serialized) struct ExampleReportBrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium headless on `page` with `arguments`; its exit status and standard output.
    static func browser(_ arguments: [String], page: URL) throws -> RdrProcess.Outcome {
        let chromium = try #require(chromium, "chromium is not installed; .ci/run installs it (apt-get install chromium)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Its profile in the test's own folder: no state from the machine's user.
        let profile = page.deletingLastPathComponent().appendingPathComponent("profile").path
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"]
            + arguments + [page.absoluteString]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return RdrProcess.collect(process, stdout: stdout, stderr: stderr)
    }

    /// The size of a screenshot of `page`, 1000 × 1400 pixels.
    static func screenshotSize(of page: URL) throws -> Int {
        let png = page.deletingPathExtension().appendingPathExtension("png")
        let outcome = try browser(["--window-size=1000,1400", "--screenshot=\(png.path)"], page: page)
        try #require(outcome.status == 0, "chromium --screenshot: \(outcome.stderr)")
        let bytes = try Data(contentsOf: png)
        // A PNG, of the size asked: the signature, then IHDR's width and height.
        try #require(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        let number = { (at: Int) in bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(number(16) == 1000 && number(20) == 1400)
        return bytes.count
    }

    /// Runs examples/NAME.rdr with `--report` into `folder` and returns the page and the DOM headless
    /// chromium built from it.
    static func reportDOM(of name: String, in folder: URL) throws -> (page: URL, dom: String) {
        let script = RdrProcess.packageRoot.appendingPathComponent("examples/\(name).rdr")
        let page = folder.appendingPathComponent("report.html")
        let run = try RdrProcess.run([script.path, "--report", page.path], in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        let dom = try browser(["--dump-dom"], page: page)
        try #require(dom.status == 0, "chromium --dump-dom: \(dom.stderr)")
        return (page, dom.stdout)
    }

    /// The size of a screenshot of an empty page, taken once.
    static let blankScreenshotSize: Int? = {
        guard let folder = try? RdrProcess.temporaryFolder() else { return nil }
        defer { try? FileManager.default.removeItem(at: folder) }
        let blank = folder.appendingPathComponent("blank.html")
        try? "<!DOCTYPE html><html><head><title>blank</title></head><body></body></html>"
            .write(to: blank, atomically: true, encoding: .utf8)
        return try? screenshotSize(of: blank)
    }()

    @Test(arguments: ExampleTranscriptTests.examples)
    func theReportOpensInABrowserWithEveryTable(_ name: String) throws {
        let script = RdrProcess.packageRoot.appendingPathComponent("examples/\(name).rdr")
        let text = try String(contentsOf: script, encoding: .utf8)
        let argumentLine = text.split(separator: "\n").first { $0.hasPrefix("# test-args:") }
        let arguments = argumentLine.map { $0.dropFirst("# test-args:".count).split(separator: " ").map(String.init) } ?? []
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let run = try RdrProcess.run([script.path, "--report", page.path] + arguments, in: folder)
        guard run.status == 0 else {
            // An example that ends at an error on purpose writes no report, and says so.
            #expect(run.stderr.contains("rdr: no report written to \(page.path): the script stopped at an error"))
            #expect(!FileManager.default.fileExists(atPath: page.path))
            return
        }
        let written = try #require(run.stderr.split(separator: "\n").last { $0.hasPrefix("Wrote the report (") })
        let results = Int(written.dropFirst("Wrote the report (".count).prefix { $0.isNumber })!
        let html = try String(contentsOf: page, encoding: .utf8)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "examples/\(name): not well-formed: \(String(describing: parser.parserError))")

        let dom = try Self.browser(["--dump-dom"], page: page)
        try #require(dom.status == 0, "chromium --dump-dom: \(dom.stderr)")
        #expect(dom.stdout.components(separatedBy: "<table ").count - 1 == results, "every result is a table")
        #expect(dom.stdout.components(separatedBy: "<th scope=\"col\"").count - 1 >= results, "with headings")
        #expect(dom.stdout.contains("</html>"))

        // Not blank: a page of tables compresses far worse than a page with nothing on it.
        let reportSize = try Self.screenshotSize(of: page)
        let blankSize = try #require(Self.blankScreenshotSize)
        #expect(reportSize > 5 * blankSize, "examples/\(name): the screenshot (\(reportSize) bytes) looks blank (a blank page: \(blankSize))")
    }
}
