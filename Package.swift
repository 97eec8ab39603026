// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rdr",
    // No platforms: rdr needs glibc and GNU readline and is built and tested on Linux only (README).
    products: [
        .executable(name: "rdr", targets: ["rdr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The ZIP container of an Excel workbook (export … to x.xlsx); zlib on Linux.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The benchmark engine: model and computation, in numbers. No I/O, no terminal, no sentences.
        .target(name: "RdrEngine"),
        // The presentation layer: result sets (the document model) and the words of every title,
        // heading, note and caption, for every output.
        .target(name: "RdrReport", dependencies: ["RdrEngine"]),
        // Data sources: the built-in real snapshot, the teaching dataset, area definitions.
        .target(
            name: "RdrData",
            dependencies: ["RdrEngine"],
            resources: [.copy("Resources/real"), .copy("Resources/teaching"), .copy("Resources/areas.rdr"), .copy("Resources/map"), .copy("Resources/ideas")]
        ),
        // Renderers: boxed table, CSV (also for Danish Excel), Markdown, JSON, Excel workbooks,
        // SVG maps on RdrData's municipality outlines; atomic export. Only XLSXWriter.swift uses
        // ZIPFoundation.
        .target(name: "RdrRender", dependencies: ["RdrEngine", "RdrReport", "RdrData", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Statistics Denmark: the Statbank API client, its file formats, the local store.
        .target(name: "RdrStatbank", dependencies: ["RdrEngine", "RdrReport", "RdrData", "CCurl", "CCrypto", "CSQLite"]),
        // libcurl, loaded with dlopen at the first request rather than linked (start-up time).
        .target(name: "CCurl"),
        // libcrypto's SHA-256 (hardware-accelerated), loaded with dlopen at the first digest.
        .target(name: "CCrypto"),
        // libsqlite3, for the store's canonical figures (figures.sqlite), loaded with dlopen at first use.
        .target(name: "CSQLite"),
        // The language: source, lexer, parser, AST, diagnostics, interpreter, session.
        .target(name: "RdrLanguage", dependencies: ["RdrEngine", "RdrReport", "RdrData", "RdrRender", "RdrStatbank"]),
        // GNU readline, a system library (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", pkgConfig: "readline", providers: [.apt(["libreadline-dev"])]),
        // The thin shell: arguments, the prompt, files.
        .executableTarget(
            name: "rdr",
            dependencies: [
                "RdrLanguage", "RdrStatbank", "RdrData", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RdrEngineTests", dependencies: ["RdrEngine", "RdrReport"]),
        .testTarget(
            name: "RdrRenderTests",
            dependencies: ["RdrRender", "RdrReport", "RdrData", "RdrTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "RdrLanguageTests", dependencies: ["RdrLanguage", "RdrReport", "RdrTestSupport"]),
        .testTarget(name: "RdrStatbankTests", dependencies: ["RdrStatbank", "RdrReport", "CCrypto", "RdrTestSupport"], exclude: ["Fixtures"]),
        // Runs the built binary for the end-to-end and example (transcript) tests.
        .target(name: "RdrTestSupport", path: "Tests/RdrTestSupport"),
        .testTarget(name: "EndToEndTests", dependencies: ["rdr", "RdrTestSupport"]),
        .testTarget(name: "ExampleTests", dependencies: ["rdr", "RdrTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzz target (scripts/fuzz): a libFuzzer executable built only when RDR_FUZZ=1, so that
// `swift build` and `swift test` never see it. scripts/fuzz builds it with -sanitize=fuzzer.
if Context.environment["RDR_FUZZ"] == "1" {
    package.products.append(.executable(name: "rdr-fuzz", targets: ["RdrFuzz"]))
    package.targets += [
        .executableTarget(
            name: "RdrFuzz",
            dependencies: ["RdrFuzzDriver", "RdrLanguage", "RdrStatbank", "RdrData", "RdrEngine", "RdrReport", "RdrRender"]
        ),
        // Calls libFuzzer's driver from RdrFuzz's main.
        .target(name: "RdrFuzzDriver"),
    ]
}
