import Foundation

/// Where the tests' files are, stated once: every other path is built from these, so moving a test
/// file between folders never breaks a path.
enum TestPaths {
    /// `Tests/NNExplainTests`, the folder that holds `Golden/`, `Fixtures/` and `Corpus/`.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The package's root folder (with `Package.swift`, `lessons/` and `.build/`).
    static let package = tests.deletingLastPathComponent().deletingLastPathComponent()

    static let golden = tests.appendingPathComponent("Golden")
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let corpus = tests.appendingPathComponent("Corpus")
}
