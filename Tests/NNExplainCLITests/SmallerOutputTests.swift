import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The smaller output fixes of issue 10: format characters escaped in echoed arguments, no colour
/// for `TERM=dumb`, `--version` alone, and "1 epoch" in the singular.
@Suite struct SmallerOutputTests {
    /// Bidirectional overrides, embeddings and isolates, the direction marks, the Arabic letter mark,
    /// and other format characters (zero-width no-break space, soft hyphen, zero-width space).
    static let formatCharacters: [UInt32] = Array(0x202A...0x202E) + Array(0x2066...0x2069)
        + [0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x200B]

    @Test(arguments: formatCharacters)
    func formatCharactersAreEscapedWhenEchoed(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let result = runCLI(["st" + String(Character(scalar)) + "ep"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: unknown command 'st\\u{\(String(value, radix: 16))}ep'"))
        #expect(!result.stderr.unicodeScalars.contains(scalar))
    }

    @Test func termDumbMeansNoColour() {
        #expect(Environment.colorUnwanted(["TERM": "dumb"]))
        #expect(Environment.colorUnwanted(["NO_COLOR": "1", "TERM": "xterm"]))
        #expect(!Environment.colorUnwanted(["TERM": "xterm-256color"]))
        #expect(!Environment.colorUnwanted(["NO_COLOR": ""]))
        let dumb = Environment(stdoutIsTerminal: true, noColor: Environment.colorUnwanted(["TERM": "dumb"]))
        func output(_ extra: [String]) -> String {
            var out = "", err = ""
            _ = run(arguments: ["gradients"] + extra, stdout: &out, stderr: &err, environment: dumb)
            return out
        }
        #expect(!output([]).contains("\u{1B}["))
        #expect(output(["--color", "always"]).contains("\u{1B}["))
        #expect(!output(["--color", "never"]).contains("\u{1B}["))
    }

    @Test func versionTakesNoOtherArguments() {
        #expect(runCLI(["--version"]).status == 0)
        for extra in [["step"], ["--help"], ["x", "y"]] {
            let result = runCLI(["--version"] + extra)
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("Error: --version takes no other arguments; give 'nnexplain --version' alone\n"))
        }
    }

    @Test func oneEpochIsSingular() throws {
        // One identity node without a bias, w = 1, x = 1e100, y = 0: C = 1e200 and ∂C/∂w = 2e200 are
        // finite, but after one step with η = 1, a = (1 − 2e200) · 1e100 ≈ −2e300 and C overflows.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-epoch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("diverges.json")
        try #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "loss": "squared", "samples": [{"x": [1e100], "y": [0]}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = runCLI(["train", "--network", file.path, "--epochs", "5", "--learning-rate", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("after 1 epoch;"))
    }

    @Test func oneNodeIsSingular() {
        let result = runCLI(["step", "--random", "1,1", "--layer", "L", "--k", "0"])
        #expect(result.stderr.hasPrefix("Error: missing --j; say which node, e.g. --j 0 (layer L has 1 node)\n"))
    }
}
