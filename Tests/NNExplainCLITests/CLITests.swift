import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The command line as a user meets it: help, version, and a clear error for every mistake.
struct CLITests {
    struct ErrorCase: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let stepUsage = "Usage: nnexplain step --layer SPEC --j J --k K [--network FILE | --random SIZES] [--sample S | --average | --batch LIST] "
        + "[--format FORMAT] [--precision N]\nSee 'nnexplain step --help'.\n"

    static let errors: [ErrorCase] = [
        ErrorCase(arguments: ["stpe"], status: 64, message: "unknown command 'stpe'; did you mean 'step'?"),
        ErrorCase(arguments: ["dance"], status: 64,
                  message: "unknown command 'dance'; the commands are step, forward, graph, expr, gradients, matrix, update, train, check, walk, diagram, boundary, html, network, import, exercise, nudge, predict, export, lesson, help"),
        ErrorCase(arguments: ["step", "--lyer", "L"], status: 64,
                  message: "unknown option '--lyer' for 'nnexplain step'; did you mean '--layer'?"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "1"], status: 64,
                  message: "missing --k; say which node, e.g. --k 0 (layer L-1 has 3 nodes)"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "2", "--k", "0"], status: 64,
                  message: "--j 2 is not a node of layer L: layer L has 2 nodes, so j must be 0…1"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "3"], status: 64,
                  message: "--k 3 is not a node of layer L-1: layer L-1 has 3 nodes, so k must be 0…2"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "abc", "--k", "0"], status: 64,
                  message: "--j expects a whole number, not 'abc'; layer L has 2 nodes, so j must be 0…1"),
        ErrorCase(arguments: ["step", "--layer", "L-3", "--j", "0", "--k", "0"], status: 64,
                  message: "L-3 is the input layer, which has no weights: this network has L = 3, so --layer must be L, L-1, L-2 or 1…3"),
        ErrorCase(arguments: ["step", "--layer", "0", "--j", "0", "--k", "0"], status: 64,
                  message: "layer 0 is the input layer and has no weights; --layer must be L, L-1, L-2 or 1…3"),
        ErrorCase(arguments: ["step", "--layer", "4", "--j", "0", "--k", "0"], status: 64,
                  message: "there is no layer 4: this network has L = 3, so --layer must be L, L-1, L-2 or 1…3"),
        ErrorCase(arguments: ["step", "--layer", "top", "--j", "0", "--k", "0"], status: 64,
                  message: "'top' is not a layer; --layer must be L, L-1, L-2 or 1…3"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "0", "--j", "1"], status: 64,
                  message: "--j was given twice; give it once"),
        ErrorCase(arguments: ["step", "--layer", "--j", "0"], status: 64,
                  message: "--layer needs a value (--layer SPEC), but the next argument is the option '--j'"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "0", "--sample", "2"], status: 64,
                  message: "there is no sample 2: the network has 2 samples, so --sample must be 0…1"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "0", "--sample", "1", "--average"], status: 64,
                  message: "--sample and --average cannot be used together; give one of them"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "0", "--format", "xml"], status: 64,
                  message: "unknown format 'xml' for --format; use text, json, markdown, latex or beamer"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "0", "--k", "0", "--precision", "0"], status: 64,
                  message: "--precision 0 is out of range; give the number of significant digits, 1…17"),
        ErrorCase(arguments: ["train"], status: 64,
                  message: "missing --epochs; give a whole number 1…10000000, e.g. --epochs 100"),
        ErrorCase(arguments: ["train", "--epochs", "abc"], status: 64,
                  message: "--epochs expects a whole number, not 'abc'; give a whole number 1…10000000"),
        ErrorCase(arguments: ["train", "--epochs", "0"], status: 64,
                  message: "--epochs 0 is out of range; give a whole number 1…10000000"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--learning-rate", "-0.5"], status: 64,
                  message: "--learning-rate -0.5 is out of range; give a number above 0 and at most 1000"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--learning-rate", "nan"], status: 64,
                  message: "--learning-rate expects a number, not 'nan'; for example --learning-rate 0.1"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--learning-rate", "1e999"], status: 64,
                  message: "--learning-rate 1e999 is too large: it is beyond the largest number, about 1.8e308; for example --learning-rate 0.1"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--learning-rate", "inf"], status: 64,
                  message: "--learning-rate expects a finite number, not 'inf'; for example --learning-rate 0.1"),
        ErrorCase(arguments: ["nudge", "--layer", "L", "--j", "0", "--k", "0", "--by", "-1e400"], status: 64,
                  message: "--by -1e400 is too large: it is beyond the largest number, about 1.8e308; for example --by 0.01"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--every", "0"], status: 64,
                  message: "--every 0 is out of range; give a whole number 1…10000000"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--batch-size", "0"], status: 64,
                  message: "--batch-size 0 is out of range; give a whole number 1…2147483647"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--batch-size", "2.5"], status: 64,
                  message: "--batch-size expects a whole number, not '2.5'; give a whole number 1…2147483647"),
        ErrorCase(arguments: ["train", "--epochs", "3", "--shuffle-seed", "4"], status: 64,
                  message: "--shuffle-seed only matters with --batch-size (it orders the samples into batches); add --batch-size B, or leave out --shuffle-seed"),
        ErrorCase(arguments: ["update", "--update-order", "backwards"], status: 64,
                  message: "unknown update order 'backwards'; use simultaneous or output-first"),
        ErrorCase(arguments: ["gradients", "--random", "3,0,2"], status: 64,
                  message: "--random 3,0,2 is not a list of layer sizes; give at least two whole numbers 1…100000 separated by commas, inputs first, e.g. --random 784,128,64,10"),
        ErrorCase(arguments: ["gradients", "--seed", "4"], status: 64,
                  message: "--seed applies to --random only; add --random SIZES, e.g. --random 3,4,2"),
        ErrorCase(arguments: ["gradients", "--random", "3,2", "--activation", "softmax2"], status: 64,
                  message: "unknown activation 'softmax2'; use one of sigmoid, tanh, relu, leaky-relu, identity, softmax"),
        ErrorCase(arguments: ["check", "--epsilon", "1"], status: 64,
                  message: "--epsilon 1 is out of range; give a number above 0 and at most 0.1"),
        ErrorCase(arguments: ["gradients", "--network", "x.json", "--random", "2,2"], status: 64,
                  message: "give --network FILE or --random SIZES, not both"),
        ErrorCase(arguments: ["diagram", "--format", "png"], status: 64,
                  message: "unknown format 'png' for --format; use svg or dot"),
        ErrorCase(arguments: ["forward", "--precision", "1e3"], status: 64,
                  message: "--precision expects a whole number, not '1e3'; give the number of significant digits, 1…17"),
        ErrorCase(arguments: ["step", "--layer", "L", "--j", "99999999999999999999999", "--k", "0"], status: 64,
                  message: "--j 99999999999999999999999 is far too large; layer L has 2 nodes, so j must be 0…1"),
        ErrorCase(arguments: ["lesson", "99"], status: 64,
                  message: "there is no lesson '99'; give one of 1…13 or 17, or no number for the list"),
        ErrorCase(arguments: ["forward", "--network", "/no/such/file.json"], status: 66,
                  message: "cannot read network file '/no/such/file.json': no such file; check the path"),
        ErrorCase(arguments: ["forward", "--network", "/dev/null"], status: 66,
                  message: "cannot read network file '/dev/null': it is not a regular file (a device, pipe or socket); give the path of a .json file"),
        ErrorCase(arguments: ["step\nby"], status: 64,
                  message: "unknown command 'step\\nby'; the commands are step, forward, graph, expr, gradients, matrix, update, train, check, walk, diagram, boundary, html, network, import, exercise, nudge, predict, export, lesson, help"),
        ErrorCase(arguments: ["forward", "--network", "/"], status: 66,
                  message: "cannot read network file '/': it is a directory; give the path of a .json file"),
    ]

    @Test(arguments: errors)
    func errorMessage(_ c: ErrorCase) {
        let result = runCLI(c.arguments)
        #expect(result.status == c.status)
        #expect(result.stdout == "", "stdout stays empty on error")
        let first = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
        #expect(first == "Error: \(c.message)")
        if c.status == 64, c.arguments.first == "step" {
            #expect(result.stderr == "Error: \(c.message)\n" + CLITests.stepUsage)
        }
    }

    /// An error quotes a huge option value by its start and its length, not whole.
    @Test func aHugeOptionValueIsNotEchoedWhole() {
        let digits = String(repeating: "9", count: 100_000)
        for arguments in [["step", "--layer", "L", "--j", digits, "--k", "0"], ["train", "--epochs", "1", "--learning-rate", "x" + digits]] {
            let result = runCLI(arguments)
            #expect(result.status == 64)
            let first = result.stderr.split(separator: "\n").first ?? ""
            #expect(first.utf8.count < 300 && (first.contains("… (100000 characters)") || first.contains("… (100001 characters)")), "\(first.prefix(300))")
        }
    }

    /// The example a --weights error suggests works on the network it was given for, with and
    /// without biases (it suggested a bias of a layer that has none).
    @Test(arguments: [[String](), ["--random", "2,3,2"], ["--network", Fixtures.path("mazur.json")]])
    func theWeightsExampleInAnErrorWorks(_ source: [String]) throws {
        let refused = runCLI(["html", "--weights", "x"] + source)
        #expect(refused.status == 64)
        let first = try #require(refused.stderr.split(separator: "\n").first)
        let example = try #require(first.components(separatedBy: "e.g. --weights ").last, "\(first)")
        let page = runCLI(["html", "--weights", example] + source)
        #expect(page.status == 0, "--weights \(example): \(page.stderr)")
    }

    @Test func aspectAndStandaloneAreChecked() {
        let step = ["step", "--layer", "L", "--j", "1", "--k", "2"]
        #expect(runCLI(step + ["--aspect", "16:9"]).stderr
                == "Error: --aspect applies to --format beamer only; add --format beamer or drop it\n" + Self.stepUsage)
        #expect(runCLI(step + ["--format", "beamer", "--standalone"]).stderr.hasPrefix(
            "Error: --standalone applies to --format latex only; beamer output is always a complete document\n"))
        let wrong = runCLI(step + ["--format", "beamer", "--aspect", "5:4"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.hasPrefix("Error: unknown aspect ratio '5:4' for --aspect; use 4:3 or 16:9\n"))
    }

    @Test func formatOptionsAreChecked() {
        #expect(runCLI(["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "json", "--ascii"]).stderr
                == "Error: --ascii applies to text output only; drop it or use --format text\n" + Self.stepUsage)
        #expect(runCLI(["gradients", "--standalone"]).status == 64)
        #expect(runCLI(["gradients", "--color", "sometimes"]).stderr.hasPrefix(
            "Error: unknown value 'sometimes' for --color; use auto, always or never\n"))
        #expect(runCLI(["train", "--epochs", "3", "--format", "latex"]).stderr.hasPrefix(
            "Error: unknown format 'latex' for --format; use text or json\n"))
    }

    @Test func helpAndVersion() {
        #expect(runCLI([]).stdout == runCLI(["--help"]).stdout)
        #expect(runCLI(["help", "step"]).stdout == runCLI(["step", "--help"]).stdout)
        #expect(runCLI(["step", "-h"]).status == 0)
        let version = runCLI(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("nnexplain "))
        for command in ["step", "forward", "expr", "gradients", "network"] {
            let help = runCLI([command, "--help"]).stdout
            #expect(help.hasPrefix("OVERVIEW: "))
            #expect(help.contains("\nUSAGE: nnexplain \(command)"))
            #expect(help.contains("\nOPTIONS:\n"))
            #expect(runCLI(["--help"]).stdout.contains("\n  \(command) "), "the top help lists \(command)")
        }
    }

    @Test func optionWithEqualsSign() {
        #expect(runCLI(["step", "--layer=L", "--j=1", "--k=2"]) == runCLI(["step", "--layer", "L", "--j", "1", "--k", "2"]))
    }

    @Test func networkOutputReadsBackAsTheSameNetwork() throws {
        for arguments in [["network"], ["network", "--network", Fixtures.path("mazur.json")]] {
            let text = runCLI(arguments).stdout
            let decoded = try Network.decode(Array(text.utf8))
            let again = decoded.network.fileText()
            #expect(again == text)
        }
        #expect(try Network.decode(Array(runCLI(["network"]).stdout.utf8)).network == Network.standard)
    }
}

/// A bad network file is exit 65 with one sentence that names the file, the place and the fix; an
/// unknown key is only a warning, so files from newer versions still load.
struct NetworkFileCLITests {
    static func run(_ text: String, _ command: [String] = ["gradients"]) throws -> (CLIResult, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-bad-\(UUID().uuidString).json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return (runCLI(command + ["--network", file.path]), file.path)
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        let (result, path) = try Self.run("{\n  \"inputs\": 2,\n  \"layers\" [\n}")
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: network file '\(path)': line 3, column 12: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func shapeErrorsNameTheLayerAndRow() throws {
        let (result, path) = try Self.run("""
            {"inputs": 2, "layers": [{"activation": "sigmoid", "weights": [[0.1, 0.2], [0.3]]}],
             "samples": [{"x": [1, 2], "y": [0, 1]}]}
            """)
        #expect(result.status == 65)
        #expect(result.stderr == "Error: network file '\(path)': layers[0].weights[1] has 1 number, but the network has 2 inputs: "
                + "each row needs one weight per input\n")
    }

    @Test func unknownKeysAreWarnings() throws {
        let (result, path) = try Self.run("""
            {"inputs": 1, "momentum": 0.9, "layers": [{"activation": "identity", "weights": [[2]]}],
             "samples": [{"x": [1], "y": [0]}]}
            """)
        #expect(result.status == 0)
        #expect(result.stderr == "Warning: network file '\(path)': ignoring unknown key \"momentum\" at the top level\n")
        #expect(result.stdout.contains("Loss: C = (1/N) Σ_s C_s = 4"))
    }
}
