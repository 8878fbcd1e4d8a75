import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The page in real browsers: headless Chromium and Firefox open it at a link, run its script, and
/// the DOM shows the one derivation the link names, filled in from its shared blocks and carrying
/// the value `step` prints. `.ci/run` installs Debian's chromium and firefox-esr; where a browser
/// (or, for Firefox, python3) is missing, its tests are reported as skipped, with the reason.
@Suite(.serialized)
struct HTMLBrowserTests {
    static let chromium = Tools.chromium
    static let noChromium = Tools.missing("chromium", install: "Debian: chromium", unchecked: "the page was not opened in Chromium")
    static let noFirefox = Tools.firefox == nil
        ? Tools.missing("Firefox", install: "Debian: firefox-esr", unchecked: "the page was not opened in Firefox")
        : Tools.missing("python3", install: "Debian: python3", unchecked: "the page was not opened in Firefox (its Marionette client is a python3 script)")

    /// (network file or nil for the default, the link, the step arguments for the same weight).
    static let cases: [(String?, String, [String])] = [
        (nil, "w-3-1-2", ["--layer", "3", "--j", "1", "--k", "2"]),
        (nil, "w-2-2-2", ["--layer", "2", "--j", "2", "--k", "2"]),
        (nil, "w-2-2-2-s-1", ["--layer", "2", "--j", "2", "--k", "2", "--sample", "1"]),
        (nil, "w-1-0-1-avg", ["--layer", "1", "--j", "0", "--k", "1", "--average"]),
        (Fixtures.path("mazur.json"), "w-1-1-0", ["--layer", "1", "--j", "1", "--k", "0"]),
    ]

    @Test(.enabled(if: chromium != nil, noChromium), arguments: cases.indices)
    func linkShowsOnlyItsDerivationWithStepsValue(_ n: Int) throws {
        let (network, fragment, _) = Self.cases[n]
        let directory = try Self.directory("chromium-\(n)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.writePage(network, in: directory)
        let dom = try dumpDOM(page.path + "#" + fragment, profile: directory.appendingPathComponent("profile").path)
        try Self.check(dom, Self.cases[n])
    }

    /// The same links in headless Firefox, through its Marionette protocol (`Browsers/firefox_dom.py`
    /// beside this file, one browser for both).
    @Test(.enabled(if: Tools.firefox != nil && Tools.python3 != nil, noFirefox))
    func firefoxShowsOnlyTheLinkedDerivationWithStepsValue() throws {
        let chosen = Self.cases.filter { $0.0 == nil && ["w-3-1-2", "w-2-2-2"].contains($0.1) }
        #expect(chosen.count == 2)
        let directory = try Self.directory("firefox")
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Self.writePage(nil, in: directory)
        let python = try #require(Tools.python3)
        let script = TestPaths.firefoxDriver.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + chosen.map { page.absoluteString + "#" + $0.1 }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Status 3 (no Firefox) cannot happen here: the script looks for the same names on the same PATH.
        try #require(process.terminationStatus == 0, "firefox_dom.py: \(reason)")
        let doms = try JSONDecoder().decode([String].self, from: data)
        try #require(doms.count == chosen.count)
        for (dom, link) in zip(doms, chosen) { try Self.check(dom, link) }
    }

    /// A fresh temporary folder for one test.
    static func directory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-html-\(getpid())-\(name)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// `nnexplain html` of the network (the default one for nil) written to `page.html` in `directory`.
    static func writePage(_ network: String?, in directory: URL) throws -> URL {
        let page = directory.appendingPathComponent("page.html")
        let result = runCLI(["html", "--output", page.path] + (network.map { ["--network", $0] } ?? []))
        try #require(result.status == 0, "\(result.stderr)")
        return page
    }

    /// The DOM a browser built from the page opened at the link: only the linked view is shown, it
    /// carries the value `step` prints, and the lit path is the one the diagram command draws.
    static func check(_ dom: String, _ link: (String?, String, [String])) throws {
        let (network, fragment, step) = link
        let source = network.map { ["--network", $0] } ?? []
        // The value step prints in text, found through its top-level JSON value at the text's 9 digits.
        let json = runCLI(["step", "--format", "json"] + step + source).stdout
        let value = try #require(json.firstMatch(of: try Regex(#"\n  "value": (-?[0-9.eE+-]+)"#))?.output[1].substring)
        let printed = String(format: "%.9g", try #require(Double(value)))
        #expect(runCLI(["step"] + step + source).stdout.contains("= " + printed + "\n"), "step prints \(printed)")

        let shown = dom.matches(of: try Regex(#"<article class="view" id="([^"]+)"( hidden="")?>"#)).filter { $0.output[2].substring == nil }
        let scope = fragment.hasSuffix("-avg") || fragment.contains("-s-") ? "" : "-s-0"
        #expect(shown.map { String($0.output[1].substring ?? "") } == ["v-" + fragment + scope], "only the linked view is shown")
        let view = try #require(dom.range(of: "id=\"v-\(fragment)\(scope)\">"))
        let body = dom[view.upperBound...]
        let end = try #require(body.range(of: "</article>"))
        // The page writes a negative number with the minus sign U+2212.
        #expect(body[..<end.lowerBound].contains("<mn>\(printed.replacing("-", with: "−"))</mn>"), "the view shows \(printed)")
        #expect(!body[..<end.lowerBound].contains("data-t="), "the view's shared blocks are filled in")
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
                "w_" + digits(String($0.output[1].substring!)) + "^" + digits(String($0.output[2].substring!))
            })
            #expect(lit == highlighted, "\(role) edges")
            if role == "chosen" { #expect(lit.count == 1) }
        }
    }

    /// `₀₂` or `³` as the plain digits `02`, `3`.
    static func digits(_ scripts: String) -> String {
        String(scripts.map { c -> Character in
            if let i = "₀₁₂₃₄₅₆₇₈₉".firstIndex(of: c) { return Character(String("₀₁₂₃₄₅₆₇₈₉".distance(from: "₀₁₂₃₄₅₆₇₈₉".startIndex, to: i))) }
            if let i = "⁰¹²³⁴⁵⁶⁷⁸⁹".firstIndex(of: c) { return Character(String("⁰¹²³⁴⁵⁶⁷⁸⁹".distance(from: "⁰¹²³⁴⁵⁶⁷⁸⁹".startIndex, to: i))) }
            return c
        })
    }

    /// Chromium's DOM after its script ran, with a budget of virtual time.
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
