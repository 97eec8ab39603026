import Foundation

/// libFuzzer's entry points. Built only with `RDR_FUZZ=1` and `-sanitize=fuzzer` (scripts/fuzz);
/// libFuzzer supplies `main`. `RDR_FUZZ_TARGET` picks what an input is fed to:
///
/// - `language`: the input is rdr source, run as the shell runs it (`LanguageHarness`).
/// - `grammar`: the input is a sequence of choices that `StatementGenerator` turns into valid-looking
///   statements with fuzzed names and numbers, run the same way, so that mutations reach the
///   interpreter rather than stopping at the lexer.
/// - `readers`: the input is a file for the Statistics Denmark readers or the price index
///   (`ReaderHarness`).
///
/// `RDR_FUZZ_PRINT=1` prints the statements an input becomes (grammar) or the text it is (language)
/// and what rdr answers, or what the readers made of a file, for reading a reproducer.
enum FuzzTarget: String {
    case language, grammar, readers

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["RDR_FUZZ_TARGET"] ?? "language"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("rdr-fuzz: RDR_FUZZ_TARGET='\(name)' is not language, grammar or readers\n".utf8))
            exit(2)
        }
        return target
    }()
}

nonisolated(unsafe) private var language: LanguageHarness?
nonisolated(unsafe) private var readers: ReaderHarness?
private let printing = ProcessInfo.processInfo.environment["RDR_FUZZ_PRINT"] == "1"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.selected {
    case .language:
        run([String(decoding: bytes, as: UTF8.self)])
    case .grammar:
        if language == nil { language = LanguageHarness() }
        run(StatementGenerator(vocabulary: language!.vocabulary).statements(from: bytes))
    case .readers:
        if readers == nil { readers = ReaderHarness(echo: printing) }
        readers!.run(bytes)
    }
    return 0
}

/// Runs the sources one after the other in the language harness's session.
private func run(_ sources: [String]) {
    if language == nil { language = LanguageHarness() }
    if printing {
        print("--- \(sources.count == 1 ? "script" : "statements, each run as its own source")\n"
              + sources.joined(separator: "\n") + "\n---")
        fflush(nil)
    }
    language!.run(sources, echo: printing)
}
