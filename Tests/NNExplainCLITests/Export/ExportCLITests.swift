import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// `nnexplain export`: the numpy script, run by python3, prints the gradients `gradients --format json`
/// prints (to 1e-12 relative) and exits 0, on networks of every output activation and loss that fit
/// together and every hidden activation; the PyTorch script's text builds the right layers.
struct ExportCLITests {
    /// Every output activation with every loss that fits it, each with one hidden activation, so that
    /// every activation is also a hidden layer's somewhere.
    static let networks: [[String]] = {
        let hidden = ["sigmoid", "tanh", "relu", "leaky-relu", "identity"]
        let pairs = ["sigmoid", "tanh", "relu", "leaky-relu", "identity", "softmax"].flatMap { [($0, "squared"), ($0, "half-squared")] }
            + [("sigmoid", "cross-entropy"), ("softmax", "cross-entropy"), ("sigmoid", "binary-cross-entropy")]
        return pairs.enumerated().map { i, pair in
            ["--random", "3,4,3", "--samples", "5", "--seed", "\(i + 1)", "--activation", hidden[i % hidden.count],
             "--output-activation", pair.0, "--loss", pair.1]
        }
    }()

    /// The network file of ``PredictCLITests/file``: softmax outputs, cross-entropy, eight samples, one layer.
    static let softmaxFile = try! PredictCLITests.path()

    /// The random networks above, the built-in network, a softmax + cross-entropy file, a 4-layer
    /// tanh network of 12 samples, the saturated, deep and Mazur fixtures, and the iris example
    /// (120 samples, softmax + cross-entropy).
    static let sources: [[String]] = networks + [[], ["--network", softmaxFile], ["--random", "4,6,5,3", "--samples", "12", "--activation", "tanh"]]
        + ["saturated.json", "deep.json", "mazur.json"].map { ["--network", TestPaths.fixtures.appendingPathComponent($0).path] }
        + [["--network", TestPaths.package.appendingPathComponent("examples/iris.json").path]]

    @Test(.enabled(if: Tools.numpy != nil, Tools.missing("numpy", install: "python3 -m pip install numpy",
                                                        unchecked: "the numpy export's gradients are not compared with nnexplain's")),
          arguments: sources)
    func numpyScriptAgrees(_ source: [String]) throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-export-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        let export = runCLI(["export", "--format", "numpy"] + source + ["--output", script])
        #expect(export.status == 0, "\(export.stderr)")
        let run = try Self.python(Tools.numpy!, script)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("largest relative difference from nnexplain"))
        let expected = runCLI(["gradients", "--format", "json"] + source)
        try Self.expectClose(run.stdout, expected.stdout)
    }

    /// A script whose embedded gradients are wrong (one weight's gradient changed in its 11th significant digit) exits 1.
    @Test(.enabled(if: Tools.numpy != nil, Tools.missing("numpy", install: "python3 -m pip install numpy",
                                                        unchecked: "the numpy export's refusal is not checked")))
    func numpyScriptFailsOnADifference() throws {
        var text = runCLI(["export", "--format", "numpy"]).stdout
        // The built-in network's ∂C/∂w_00^3 = 0.01303197368673336 (gradients --format json).
        let original = "0.01303197368673336"
        #expect(text.contains(original))
        text = text.replacingOccurrences(of: original, with: "0.01303197368773336")
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-export-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        let run = try Self.python(Tools.numpy!, script)
        #expect(run.status == 1)
        #expect(run.stderr.contains("DISAGREE: dC/dw_00^3"))
    }

    @Test(.enabled(if: Tools.torch != nil, Tools.optional("torch", install: "python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu",
                                                         unchecked: "the PyTorch export is checked only on the numpy stand-in of torch and as text")),
          arguments: sources)
    func pytorchScriptAgrees(_ source: [String]) throws {
        let script = runCLI(["export", "--format", "pytorch"] + source)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-export-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Self.python(Tools.torch!, path)
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectClose(run.stdout, runCLI(["gradients", "--format", "json"] + source).stdout)
    }

    /// Where torch is absent, the PyTorch script runs on a numpy stand-in of the parts of torch it
    /// uses (Fixtures/torch-standin, not PyTorch): its layers, shapes, retain_grad and report work and
    /// agree with `gradients --format json`.
    @Test(.enabled(if: Tools.numpy != nil, Tools.missing("numpy", install: "python3 -m pip install numpy",
                                                        unchecked: "the PyTorch script's plumbing is not run")),
          arguments: Array(networks.prefix(15)) + [[], ["--network", softmaxFile]])
    func pytorchScriptRunsOnAStandIn(_ source: [String]) throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-export-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        #expect(runCLI(["export", "--format", "pytorch"] + source + ["--output", script]).status == 0)
        let run = try Self.python(Tools.numpy!, script, path: TestPaths.fixtures.appendingPathComponent("torch-standin").path)
        #expect(run.status == 0, "\(run.stderr)")
        try Self.expectClose(run.stdout, runCLI(["gradients", "--format", "json"] + source).stdout)
    }

    /// The PyTorch script of a 4-6-5-3 network holds its layers as nn.Linear(in, out) with their
    /// weights, one activation module after each, the loss PyTorch defines the same, and loss.backward().
    @Test func pytorchScriptText() throws {
        let source = ["--random", "4,6,5,3", "--activation", "tanh", "--output-activation", "sigmoid", "--loss", "binary-cross-entropy"]
        let result = runCLI(["export", "--format", "pytorch"] + source)
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.contains("linear = nn.Linear(len(w[0]), len(w), bias=b is not None, dtype=torch.float64)"))
        #expect(text.contains("    if name == \"tanh\":\n        return nn.Tanh()"))
        #expect(text.contains("    if name == \"sigmoid\":\n        return nn.Sigmoid()"))
        #expect(text.contains("nn.BCELoss(reduction=\"sum\")(a, y) / n_samples"))
        #expect(text.contains("loss.backward()"))
        #expect(text.contains("LOSS = \"binary-cross-entropy\""))
        // LAYERS: three layers whose weight matrices are 6 × 4, 5 × 6 and 3 × 5 (out × in, as nn.Linear.weight), row by row.
        let network = try Network.decode(Array(runCLI(["network"] + source).stdout.utf8)).network
        #expect(network.layers.map { [$0.weights.count, $0.weights[0].count] } == [[6, 4], [5, 6], [3, 5]])
        for layer in network.layers {
            for row in layer.weights { #expect(text.contains("[" + row.map { "\($0)" }.joined(separator: ", ") + "]")) }
        }
        #expect(text.components(separatedBy: "\n    (\"").count - 1 == 3)
    }

    /// Both scripts are valid Python (compiled by python3 without running: no numpy or torch needed).
    @Test(.enabled(if: Tools.python3 != nil, Tools.missing("python3", install: "Debian's python3", unchecked: "the scripts' syntax is not checked")),
          arguments: ["numpy", "pytorch"])
    func scriptCompiles(_ format: String) throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-export-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: script) }
        #expect(runCLI(["export", "--format", format, "--random", "2,3,2", "--output-activation", "softmax", "--output", script]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tools.python3!)
        process.arguments = ["-c", "import ast, sys; ast.parse(open(sys.argv[1]).read())", script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func formatIsRequired() {
        let result = runCLI(["export"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("export needs --format numpy or --format pytorch"))
    }

    /// Runs `python` on `script`, with `path` (if any) as PYTHONPATH.
    static func python(_ python: String, _ script: String, path: String? = nil) throws -> CLIResult {
        let process = Process(), out = Pipe(), err = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        if let path { process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"]) { $1 } }
        process.arguments = [script]
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The two JSON texts have the same shape and every number agrees to 1e-12 relative.
    static func expectClose(_ printed: String, _ expected: String) throws {
        let a = try JSONSerialization.jsonObject(with: Data(printed.utf8)), b = try JSONSerialization.jsonObject(with: Data(expected.utf8))
        func compare(_ a: Any, _ b: Any, _ path: String) {
            switch (a, b) {
            case (let a as [String: Any], let b as [String: Any]):
                #expect(Set(a.keys) == Set(b.keys), "\(path)")
                for (key, value) in a { if let other = b[key] { compare(value, other, path + "." + key) } }
            case (let a as [Any], let b as [Any]):
                #expect(a.count == b.count, "\(path)")
                for (i, (x, y)) in zip(a, b).enumerated() { compare(x, y, path + "[\(i)]") }
            case (let a as NSNumber, let b as NSNumber):
                #expect(isClose(a.doubleValue, b.doubleValue, relative: 1e-12, absolute: 1e-18), "\(path): \(a) vs \(b)")
            default: Issue.record("\(path): \(a) vs \(b)")
            }
        }
        compare(a, b, "")
    }
}
