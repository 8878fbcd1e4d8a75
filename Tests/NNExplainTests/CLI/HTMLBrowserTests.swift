import Foundation
import NNExplainCLI
import Testing

/// The page in a real browser: headless Chromium opens it at a link, runs its script, and the DOM
/// it dumps shows the one derivation the link names, carrying the value `step` prints. `.ci/run`
/// installs Debian's chromium; where it is missing these tests are reported as skipped, with why.
@Suite(.serialized)
struct HTMLBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// (network file or nil for the default, the link, the step arguments for the same weight).
    static let cases: [(String?, String, [String])] = [
        (nil, "w-3-1-2", ["--layer", "3", "--j", "1", "--k", "2"]),
        (nil, "w-2-2-2", ["--layer", "2", "--j", "2", "--k", "2"]),
        (nil, "w-2-2-2-s-1", ["--layer", "2", "--j", "2", "--k", "2", "--sample", "1"]),
        (nil, "w-1-0-1-avg", ["--layer", "1", "--j", "0", "--k", "1", "--average"]),
        (Fixtures.path("mazur.json"), "w-1-1-0", ["--layer", "1", "--j", "1", "--k", "0"]),
    ]

    @Test(.enabled(if: chromium != nil, "chromium is not installed (Debian: chromium); the page was not opened in a browser"),
          arguments: cases.indices)
    func linkShowsOnlyItsDerivationWithStepsValue(_ n: Int) throws {
        let (network, fragment, step) = Self.cases[n]
        let source = network.map { ["--network", $0] } ?? []
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-html-\(getpid())-\(n)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        #expect(runCLI(["html", "--output", page.path] + source).status == 0)

        // The value step prints in text, found through its top-level JSON value at the text's 9 digits.
        let json = runCLI(["step", "--format", "json"] + step + source).stdout
        let value = try #require(json.firstMatch(of: try Regex(#"\n  "value": (-?[0-9.eE+-]+)"#))?.output[1].substring)
        let printed = String(format: "%.9g", try #require(Double(value)))
        #expect(runCLI(["step"] + step + source).stdout.contains("= " + printed + "\n"), "step prints \(printed)")

        let dom = try dumpDOM(page.path + "#" + fragment, profile: directory.appendingPathComponent("profile").path)
        let shown = dom.matches(of: try Regex(#"<article class="view" id="([^"]+)"( hidden="")?>"#)).filter { $0.output[2].substring == nil }
        let scope = fragment.hasSuffix("-avg") || fragment.contains("-s-") ? "" : "-s-0"
        #expect(shown.map { String($0.output[1].substring ?? "") } == ["v-" + fragment + scope], "only the linked view is shown")
        let view = try #require(dom.range(of: "id=\"v-\(fragment)\(scope)\">"))
        let body = dom[view.upperBound...].prefix { _ in true }
        let end = try #require(body.range(of: "</article>"))
        #expect(body[..<end.lowerBound].contains("<mn>\(printed)</mn>"), "the view shows \(printed)")
        // The chosen edge is lit in the diagram.
        let layerJK = fragment.split(separator: "-").dropFirst().prefix(3).joined(separator: "-")
        #expect(dom.contains("class=\"mark edge-mark lit-chosen\" data-key=\"w-\(layerJK)\""))
        // The script lights the path the diagram command draws: the same edges in each role, named
        // here as the diagram's tooltips name them (`w₀₂³`, layers as numbers), written `w_02^3`.
        let indices = layerJK.split(separator: "-").map(String.init)
        let drawn = runCLI(["diagram", "--layer", indices[0], "--j", indices[1], "--k", indices[2]] + source).stdout
        for role in ["chosen", "sum", "upstream"] {
            let lit = Set(dom.matches(of: try Regex("class=\"mark edge-mark lit-\(role)\" data-key=\"w-(\\d+)-(\\d+)-(\\d+)\"")).map {
                "w_\($0.output[2].substring!)\($0.output[3].substring!)^\($0.output[1].substring!)"
            })
            // The tooltips write the indices as Unicode scripts, `w₀₂³`; read them back as digits.
            let highlighted = Set(drawn.matches(of: try Regex("class=\"edge \(role)\"[^>]*><title>w([₀-₉]+)([⁰¹²³⁴⁵⁶⁷⁸⁹]+) =")).map {
                "w_" + Self.digits(String($0.output[1].substring!)) + "^" + Self.digits(String($0.output[2].substring!))
            })
            #expect(lit == highlighted, "\(role) edges")
            if role == "chosen" { #expect(lit.count == 1) }
        }
    }

    /// Chromium's DOM after its script ran, with a budget of virtual time.
    /// `₀₂` or `³` as the plain digits `02`, `3`.
    static func digits(_ scripts: String) -> String {
        String(scripts.map { c -> Character in
            if let i = "₀₁₂₃₄₅₆₇₈₉".firstIndex(of: c) { return Character(String("₀₁₂₃₄₅₆₇₈₉".distance(from: "₀₁₂₃₄₅₆₇₈₉".startIndex, to: i))) }
            if let i = "⁰¹²³⁴⁵⁶⁷⁸⁹".firstIndex(of: c) { return Character(String("⁰¹²³⁴⁵⁶⁷⁸⁹".distance(from: "⁰¹²³⁴⁵⁶⁷⁸⁹".startIndex, to: i))) }
            return c
        })
    }

    private func dumpDOM(_ path: String, profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile,
                             "--virtual-time-budget=5000", "--dump-dom", "file://" + path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
