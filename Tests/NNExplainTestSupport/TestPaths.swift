import Foundation

/// Where the tests' files are, stated once: every other path is built from these, so moving a test
/// file between folders never breaks a path.
public enum TestPaths {
    /// `Tests/`, the folder that holds every test target.
    public static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The package's root folder (with `Package.swift`, `lessons/`, `examples/` and `.build/`).
    public static let package = tests.deletingLastPathComponent()

    /// The golden files, beside their one user, `GoldenTests` (`Tests/NNExplainTests/Golden/`).
    public static let golden = tests.appendingPathComponent("NNExplainTests/Golden")
    /// The network files several test targets read, beside ``Fixtures`` (`Tests/NNExplainTestSupport/Fixtures/`).
    public static let fixtures = tests.appendingPathComponent("NNExplainTestSupport/Fixtures")
    /// The fuzz regression corpus, beside the fuzz suite (`Tests/NNExplainIntegrationTests/Fuzz/Corpus/`).
    public static let corpus = tests.appendingPathComponent("NNExplainIntegrationTests/Fuzz/Corpus")
    /// The headless-Firefox driver, beside its one user, `HTMLBrowserTests`.
    public static let firefoxDriver = tests.appendingPathComponent("NNExplainIntegrationTests/Browsers/firefox_dom.py")
    /// The lessons folder, `lessons/` at the package's root.
    public static let lessons = package.appendingPathComponent("lessons")

    /// The numbered lesson files, `01-….md`, in order.
    public static var lessonFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessons.path)) ?? []
        return names.filter { $0.first?.isNumber == true && $0.hasSuffix(".md") }.sorted().map { lessons.appendingPathComponent($0) }
    }
}
