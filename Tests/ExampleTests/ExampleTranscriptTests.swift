import Foundation
import RdrTestSupport
import Testing

/// Every `examples/NAME.rdr` is run by the built binary and its transcript compared with
/// `examples/NAME.expected`: standard output, then standard error and the exit status when there
/// are any, then each file the script wrote. Set RDR_UPDATE_EXAMPLES=1 to rewrite the expected files
/// after a deliberate change (and read the diff before committing).
@Suite struct ExampleTranscriptTests {
    static let examples: [String] = {
        let folder = RdrProcess.packageRoot.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".rdr") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 3)
    }

    @Test(arguments: examples)
    func transcriptMatches(_ name: String) throws {
        let examples = RdrProcess.packageRoot.appendingPathComponent("examples")
        let script = examples.appendingPathComponent("\(name).rdr")
        let expectedURL = examples.appendingPathComponent("\(name).expected")
        let actual = try Self.transcript(of: script)
        if ProcessInfo.processInfo.environment["RDR_UPDATE_EXAMPLES"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "examples/\(name).rdr differs from examples/\(name).expected; \(Self.firstDifference(actual, expected))")
    }

    /// Runs the script in an empty folder with the arguments of its `# test-args:` line.
    static func transcript(of script: URL) throws -> String {
        let text = try String(contentsOf: script, encoding: .utf8)
        let argumentLine = text.split(separator: "\n").first { $0.hasPrefix("# test-args:") }
        let arguments = argumentLine.map { $0.dropFirst("# test-args:".count).split(separator: " ").map(String.init) } ?? []
        let folder = try RdrProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try RdrProcess.run(["--format", "table", script.path] + arguments, in: folder,
                                         environment: ["COLUMNS": "120"])
        var transcript = outcome.stdout
        if !outcome.stderr.isEmpty {
            // Error locations name the script; make them independent of where the clone is.
            let folder = script.deletingLastPathComponent().path + "/"
            transcript += "--- stderr ---\n" + outcome.stderr.replacingOccurrences(of: folder, with: "examples/")
        }
        if outcome.status != 0 { transcript += "--- exit status \(outcome.status) ---\n" }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let contents = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            transcript += "--- file \(file) ---\n" + contents
        }
        return transcript
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false)
        let right = b.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? String(left[index]) : "<end>"
            let r = index < right.count ? String(right[index]) : "<end>"
            if l != r { return "line \(index + 1): got «\(l)», expected «\(r)»" }
        }
        return "no line differs"
    }
}
