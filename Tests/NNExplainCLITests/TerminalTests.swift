import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The terminal: `--width`, reasons that read on a projector, and `train`'s loss curve (the walk's
/// pages in a real pseudo-terminal are `TerminalProcessTests`).
struct TerminalTests {
    @Test func displayWidthCountsColumnsNotCharacters() {
        #expect(TextWrapping.displayWidth("e\u{301}") == 1)
        #expect(TextWrapping.displayWidth("漢字") == 4)
        #expect(TextWrapping.displayWidth("\u{1B}[1mWhy:\u{1B}[0m") == 4)
    }

    /// Every explaining command, on the default network and on networks with longer numbers, wider
    /// layers (4,6,6,3), biases (Mazur, deep) and softmax with cross-entropy.
    static let explaining: [[String]] = {
        let mazur = ["--network", Fixtures.path("mazur.json")], softmax = ["--network", Fixtures.path("softmax-soft.json")]
        let deep = ["--network", Fixtures.path("deep.json")], wide = ["--random", "4,6,6,3"]
        let step = ["step", "--layer", "L-1", "--j", "2", "--k", "2"]
        return [
            step, step + ["--average"], ["step", "--layer", "L", "--j", "1", "--k", "2"], ["step", "--layer", "L-2", "--j", "0", "--k", "1", "--average"],
            ["update", "--layer", "L", "--j", "1", "--k", "2"], ["update", "--layer", "L-1", "--j", "2", "--k", "2"],
            ["update", "--layer", "L", "--j", "1", "--k", "2", "--update-order", "output-first"],
            ["forward"], ["gradients"], ["update"], ["check"], ["matrix"], ["matrix", "--average"],
            ["nudge", "--layer", "L-1", "--j", "1", "--k", "2"], ["nudge", "--layer", "L", "--j", "1", "--k", "2", "--average"],
            ["train", "--epochs", "50"], ["walk"],
            ["check"] + wide, ["forward"] + wide, ["gradients"] + wide, ["update"] + wide, ["walk"] + wide,
            ["step", "--layer", "1", "--j", "5", "--k", "3", "--average"] + wide, ["update", "--layer", "2", "--j", "4", "--k", "5"] + wide,
            ["forward"] + mazur, ["step", "--layer", "L-1", "--j", "0", "--k", "0", "--average"] + mazur, ["update"] + mazur,
            ["matrix", "--average"] + mazur, ["walk"] + mazur,
            ["forward"] + softmax, ["step", "--layer", "L", "--j", "1", "--k", "2", "--average"] + softmax,
            ["step", "--layer", "L-1", "--j", "1", "--k", "0", "--average"] + softmax, ["update"] + softmax, ["gradients"] + softmax,
            ["matrix", "--average"] + softmax, ["check"] + softmax,
            ["gradients"] + deep, ["update"] + deep, ["nudge", "--layer", "1", "--j", "0", "--k", "0"] + deep, ["walk"] + deep,
            ["step", "--layer", "L-3", "--j", "1", "--k", "2", "--average"] + deep,
        ]
    }()

    @Test(arguments: explaining)
    func everyLineFitsEightyColumns(_ arguments: [String]) {
        let result = runCLI(arguments + ["--width", "80"])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") {
            #expect(displayColumns(String(line)) <= 80, "\(arguments): \(line)")
        }
    }

    /// A table too wide for the terminal is wrapped as a whole: its columns in groups, each led by
    /// the row labels, and every cell of the unwrapped table is still printed, in order.
    @Test func wideTablesWrapAsColumnGroupsLosingNoCell() {
        let arguments = ["update", "--random", "4,6,6,3"]
        let cells = { (text: String) in text.split { $0 == " " || $0 == "\n" }.filter { $0.contains(".") }.sorted() }
        let narrow = runCLI(arguments + ["--width", "80"]).stdout
        #expect(cells(narrow) == cells(runCLI(arguments).stdout))
        let labelled = narrow.split(separator: "\n").filter { $0.hasPrefix("  j = 0 ") }
        #expect(labelled.count > 3, "each group of columns begins with the row labels again")
    }

    @Test func wrappingLosesNoWord() {
        let arguments = ["step", "--layer", "L-1", "--j", "2", "--k", "2"]
        let words = { (text: String) in text.split { $0 == " " || $0 == "\n" } }
        #expect(words(runCLI(arguments + ["--width", "40"]).stdout) == words(runCLI(arguments).stdout))
    }

    @Test func formulasBreakAfterAnOperatorWithAHangingIndent() {
        let lines = TextWrapping.formula("a = b + c + d", width: 7, first: "", rest: "    ")
        #expect(lines == ["a = b +", "    c +", "    d"])
    }

    @Test func noWrappingWithoutATerminalOrWidth() {
        let long = runCLI(["step", "--layer", "L-1", "--j", "2", "--k", "2"]).stdout.split(separator: "\n").map { displayColumns(String($0)) }.max() ?? 0
        #expect(long > 80, "a pipe gets the unwrapped text")
    }

    @Test func widthOutOfRangeOrWithoutTextIsAUsageError() {
        let narrow = runCLI(["forward", "--width", "5"])
        #expect(narrow.status == 64)
        #expect(narrow.stderr.hasPrefix("Error: --width 5 is out of range"))
        #expect(runCLI(["forward", "--width", "80", "--format", "json"]).status == 64)
    }

    @Test func reasonsAreNeverFaint() {
        let colored = runCLI(["step", "--layer", "L", "--j", "1", "--k", "2", "--color", "always"]).stdout
        #expect(!colored.contains("\u{1B}[2m"))
        #expect(colored.contains("\u{1B}[1mWhy:\u{1B}[0m "))
    }

    @Test func tableDecimalsAlignOnThePoint() {
        let cells = TextWrapping.decimalAligned([["0.5"], ["12.25"], ["3"], ["9.5e-05"]]).map { $0[0] }
        let width = cells.map(\.count).max()!
        let points = cells.map { cell -> Int in
            let padded = Array(String(repeating: " ", count: width - cell.count) + cell)
            return padded.firstIndex(of: ".") ?? (padded.lastIndex { $0.isNumber }! + 1)
        }
        #expect(Set(points).count == 1, "\(cells)")
    }

    @Test func walkWithoutATerminalPrintsEverything() {
        let all = runCLI(["walk"]).stdout
        #expect(!all.contains("[1/"))
        #expect(all.contains("Step 24 of 24"))
    }

    @Test func trainPlotsTheLossOnALogScaleWhenAskedAndItSpansDecades() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plot-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("loss.svg").path
        let result = runCLI(["train", "--epochs", "2000", "--learning-rate", "5", "--plot", file, "--log"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Loss curve (log scale)"))
        let svg = try String(contentsOfFile: file, encoding: .utf8)
        let document = try XMLDocument(xmlString: svg)
        let y = try #require(try document.nodes(forXPath: "//*[local-name()='line'][@class='axis y']").first as? XMLElement)
        #expect(Self.attribute("data-scale", of: y) == "log")
        #expect(try document.nodes(forXPath: "//*[local-name()='line'][@class='axis x']").count == 1)
        let labels = try document.nodes(forXPath: "//*[local-name()='text']").compactMap { $0.stringValue }
        #expect(labels.contains("epoch") && labels.contains("loss C (log scale)"))
        // Ticks of a log axis are powers of ten, equally spaced.
        let ticks = try document.nodes(forXPath: "//*[local-name()='text'][@class='tick y']").compactMap { $0 as? XMLElement }
        let values = ticks.compactMap { Self.attribute("data-value", of: $0).flatMap(Double.init) }
        #expect(values.count >= 4)
        for pair in zip(values, values.dropFirst()) { #expect(abs(pair.1 / pair.0 - 10) < 1e-9) }
        let heights = ticks.compactMap { Self.attribute("y", of: $0).flatMap(Double.init) }
        let gaps = zip(heights, heights.dropFirst()).map { $0.1 - $0.0 }
        #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 0.02 })
        let linear = runCLI(["train", "--epochs", "200", "--plot", file])
        #expect(linear.status == 0 && !linear.stdout.contains("log scale"))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("data-scale=\"linear\""))
    }

    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }
}
