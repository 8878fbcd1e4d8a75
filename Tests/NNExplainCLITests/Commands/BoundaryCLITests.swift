import Foundation
import NNExplainTestSupport
import Testing
import NNExplain
import NNExplainCore

/// `nnexplain boundary` on the command line: what it refuses, and where it writes.
struct BoundaryCLITests {
    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let words: [String]
        /// Words the error must not hold (an example that is the refused input again).
        var absent: [String] = []
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: [], words: ["2 inputs", "the built-in network has 3 inputs"]),
        Refusal(arguments: ["--random", "3,4,1"], words: ["2 inputs", "this network has 3 inputs"]),
        Refusal(arguments: ["--random", "1,1"], words: ["this network has 1 input;"]),
        Refusal(arguments: ["--random", "2,9", "--output-activation", "softmax", "--loss", "cross-entropy"],
                words: ["at most 8 classes", "9 outputs"]),
        Refusal(arguments: ["--random", "2,3", "--shade", "value"], words: ["--shade value", "3 outputs", "--shade class"]),
        Refusal(arguments: ["--random", "2,1", "--shade", "colour"], words: ["unknown shading 'colour'", "class or value"]),
        Refusal(arguments: ["--random", "2,1", "--x-range", "1,0"], words: ["--x-range 1,0 runs backwards", "e.g. --x-range 0,1"]),
        Refusal(arguments: ["--random", "2,1", "--y-range", "2,2"], words: ["its two ends are equal", "two different numbers", "e.g. --y-range -1,1"],
                absent: ["e.g. --y-range 2,2"]),
        // In order, but 2e308 wide: the example halves both ends, and is accepted (below).
        Refusal(arguments: ["--random", "2,1", "--x-range", "-1e308,1e308"],
                words: ["--x-range -1e308,1e308 is wider than a picture can span", "e.g. --x-range -5e+307,5e+307"],
                absent: ["smaller number first"]),
        Refusal(arguments: ["--random", "2,1", "--x-range", "0"], words: ["two numbers separated by a comma"]),
        Refusal(arguments: ["--random", "2,1", "--x-range", "0,inf"], words: ["two numbers"]),
        Refusal(arguments: ["--random", "2,1", "--resolution", "1"], words: ["--resolution 1 is out of range", "2…500"]),
        Refusal(arguments: ["--random", "2,1", "--format", "png"], words: ["svg only", "rsvg-convert"]),
        // 100² points × 9,006,000 weights: refused before the network is drawn up.
        Refusal(arguments: ["--random", "2,3000,3000,1"], words: ["100 × 100 cells", "10,000 points", "give --resolution 14 or less"]),
    ]

    @Test(arguments: refusals)
    func refusesWithAUsageError(_ refusal: Refusal) {
        let result = runCLI(["boundary"] + refusal.arguments)
        #expect(result.status == 64 && result.stdout.isEmpty)
        for words in refusal.words { #expect(result.stderr.contains(words), "\(words) in \(result.stderr)") }
        for words in refusal.absent { #expect(!result.stderr.contains(words), "\(words) in \(result.stderr)") }
    }

    @Test func ticksOfANarrowRangeFarFromZeroReadDifferently() throws {
        // Ticks 1000, 1000.1, …, 1000.5 are all "1000" at 4 significant digits.
        let result = runCLI(["boundary", "--random", "2,1", "--x-range", "1000,1000.5", "--y-range", "-1,1", "--resolution", "2"])
        #expect(result.status == 0)
        let ticks = result.stdout.split(separator: "\n").filter { $0.contains(#"<text class="tick x""#) }
            .compactMap { $0.split(separator: ">").last?.split(separator: "<").first.map(String.init) }
        #expect(ticks == ["1000", "1000.1", "1000.2", "1000.3", "1000.4", "1000.5"])
        let y = result.stdout.split(separator: "\n").filter { $0.contains(#"<text class="tick y""#) }
            .compactMap { $0.split(separator: ">").last?.split(separator: "<").first.map(String.init) }
        #expect(y == ["-1", "-0.5", "0", "0.5", "1"])
    }

    @Test func theExampleOfATooWideRangeIsAccepted() {
        let result = runCLI(["boundary", "--random", "2,1", "--x-range", "-5e+307,5e+307", "--resolution", "2"])
        #expect(result.status == 0 && result.stderr.isEmpty && result.stdout.contains("<svg "))
    }

    @Test func outputWritesTheSamePictureToTheFileAndNothingToStandardOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-boundary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plane.svg")
        let source = ["--random", "2,3,1", "--seed", "4", "--resolution", "30"]
        let written = runCLI(["boundary", "--output", file.path] + source)
        #expect(written.status == 0 && written.stdout.isEmpty && written.stderr.isEmpty)
        let printed = runCLI(["boundary"] + source)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plane.svg"])
        #expect(printed.stdout.hasPrefix("<?xml") && printed.stdout.hasSuffix("</svg>\n"))
    }
}
