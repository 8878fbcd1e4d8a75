import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The WebAssembly module (Scripts/build-wasm.sh: NNExplainCore and NNExplain from the same sources,
/// in Embedded Swift) run in Node by Wasm/run-step.mjs: its `step` text equals the command line's,
/// byte for byte (the goldens), its MathML the native library's, and a bad network file gives the
/// command line's sentence.
@Suite(.serialized, .enabled(if: Tools.node != nil, Tools.missing("node", install: "Debian's nodejs", unchecked: "the WebAssembly module is not run")),
       .enabled(if: Tools.wasiLibc != nil, Tools.missing("wasi-libc", install: "Debian's wasi-libc", unchecked: "the WebAssembly module is not built")),
       .enabled(if: Tools.embeddedWasm != nil,
                Tools.missing("the Swift toolchain's Embedded WebAssembly support", install: "Swift 6.3 from swift.org",
                              unchecked: "the WebAssembly module is not built")))
struct WasmTests {
    /// The module, built once per run from today's sources (so it never lags behind them).
    static let module: Result<String, BuildFailure> = {
        let process = Process()
        process.executableURL = TestPaths.package.appendingPathComponent("Scripts/build-wasm.sh")
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return .failure(BuildFailure(log: "\(error)")) }
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(BuildFailure(log: log)) }
        return .success(TestPaths.package.appendingPathComponent(".build/wasm/nnexplain.wasm").path)
    }()

    struct BuildFailure: Error { let log: String }

    /// `node run-step.mjs MODULE NETWORK LAYER J K SAMPLE`: its status, standard output and error.
    static func step(network: String, _ layer: String, _ j: Int, _ k: Int, sample: Int = 0, format: String = "text") throws -> CLIResult {
        let module = try Self.module.get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tools.node!)
        process.arguments = [TestPaths.tests.appendingPathComponent("NNExplainIntegrationTests/Wasm/run-step.mjs").path,
                             module, network, layer, String(j), String(k), String(sample), format]
        let (output, error) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (output, error)
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile(), stderr = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The built-in network's file, as `nnexplain network` prints it.
    static func builtIn() throws -> String {
        let printed = runCLI(["network"])
        #expect(printed.status == 0)
        return try ScratchFolder.file(printed.stdout, kind: "wasm-network", ext: "json")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let golden: String, network: String?, layer: String, j: Int, k: Int, sample: Int
        var testDescription: String { golden }
    }

    /// Goldens of `step` in text (GoldenTests records them from the command line): the article's
    /// examples on the built-in network, a numbered layer and a second sample, tanh/relu/leaky-relu
    /// layers with biases (deep.json), and softmax with cross-entropy.
    static let cases = [
        Case(golden: "default-step-L-j1-k2.txt", network: nil, layer: "L", j: 1, k: 2, sample: 0),
        Case(golden: "default-step-L-1-j2-k2.txt", network: nil, layer: "L-1", j: 2, k: 2, sample: 0),
        Case(golden: "default-step-L-2-j0-k1.txt", network: nil, layer: "L-2", j: 0, k: 1, sample: 0),
        Case(golden: "default-step-sample1-numeric.txt", network: nil, layer: "2", j: 1, k: 0, sample: 1),
        Case(golden: "mazur-step-w5.txt", network: "mazur.json", layer: "L", j: 0, k: 0, sample: 0),
        Case(golden: "deep-step-1-j1-k2.txt", network: "deep.json", layer: "1", j: 1, k: 2, sample: 0),
        Case(golden: "deep-step-L-1-j0-k1.txt", network: "deep.json", layer: "L-1", j: 0, k: 1, sample: 0),
        Case(golden: "softmax-step-L-j2-k0-sample1.txt", network: "softmax-soft.json", layer: "L", j: 2, k: 0, sample: 1),
        Case(golden: "softmax-step-L-1-j0-k1.txt", network: "softmax-soft.json", layer: "L-1", j: 0, k: 1, sample: 0),
    ]

    @Test(arguments: cases)
    func stepInTheModuleIsTheCommandLinesText(_ c: Case) throws {
        let network = try c.network.map(Fixtures.path) ?? Self.builtIn()
        let result = try Self.step(network: network, c.layer, c.j, c.k, sample: c.sample)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Data(contentsOf: Golden.directory.appendingPathComponent(c.golden))
        #expect(Data(result.stdout.utf8) == golden, "\(Golden.diff(expected: String(decoding: golden, as: UTF8.self), actual: result.stdout))")
    }

    /// The examples a lecturer would open (examples/: xor, circles, iris, digits with 784 inputs):
    /// the module's step text equals the command line's, run in process on the same file.
    @Test(arguments: [("xor.json", "1", 0, 1, 2), ("circles.json", "L-1", 1, 0, 5), ("iris.json", "L", 2, 1, 3), ("digits.json", "L-1", 0, 0, 0)]
          as [(String, String, Int, Int, Int)])
    func stepOfTheExamplesIsTheCommandLinesText(_ file: String, _ layer: String, _ j: Int, _ k: Int, _ sample: Int) throws {
        let path = TestPaths.package.appendingPathComponent("examples/\(file)").path
        let cli = runCLI(["step", "--network", path, "--layer", layer, "--j", String(j), "--k", String(k), "--sample", String(sample)])
        let module = try Self.step(network: path, layer, j, k, sample: sample)
        #expect(cli.status == 0 && module.status == 0, "\(cli.stderr)\(module.stderr)")
        #expect(!cli.stdout.isEmpty && module.stdout == cli.stdout, "\(Golden.diff(expected: cli.stdout, actual: module.stdout))")
    }

    /// The page's renderer: the module's MathML of a step equals the native library's MathML of the
    /// same derivation (the article's output weight; deep.json's first layer, tanh with biases).
    @Test(arguments: [(nil, "L", 3, true, 1, 2), ("deep.json", "1", 1, false, 1, 2)] as [(String?, String, Int, Bool, Int, Int)])
    func stepInMathMLIsTheLibrarysMathML(_ file: String?, _ layer: String, _ l: Int, _ relative: Bool, _ j: Int, _ k: Int) throws {
        let path = try file.map(Fixtures.path) ?? Self.builtIn()
        let network = try Network.decode(json: try Network.parseFile(Array(try Data(contentsOf: URL(fileURLWithPath: path))))).network
        let native = MathMLRenderer(naming: LayerNaming(depth: network.depth, relative: relative))
            .render(try network.derivation(layer: l, j: j, k: k, sample: 0).document)
        let result = try Self.step(network: path, layer, j, k, format: "mathml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(native.contains("<math") && result.stdout == native, "\(Golden.diff(expected: native, actual: result.stdout))")
    }

    /// A file that is no network: the module's sentence is the one the command line prints after
    /// `network file 'PATH': `.
    @Test(arguments: [#"{"inputs": 2, "layers": []}"#, #"{"inputs": 2, "#, #"{"inputs": 1, "layers": [{"activation": "sigmoid", "weights": [[1, 2]]}]}"#,
                      "[1, 2]", ""])
    func aBadNetworkFileGivesTheCommandLinesSentence(_ text: String) throws {
        let file = try ScratchFolder.file(text, kind: "wasm-bad", ext: "json")
        let module = try Self.step(network: file, "L", 0, 0)
        let cli = runCLI(["step", "--network", file, "--layer", "L", "--j", "0", "--k", "0"])
        #expect(module.status == 1 && module.stdout.isEmpty)
        #expect(cli.status == 65)
        let sentence = String(module.stderr.dropLast())
        #expect(!sentence.isEmpty && cli.stderr.contains("network file '\(file)': \(sentence)\n"), "module: \(module.stderr)\ncli: \(cli.stderr)")
    }
}
