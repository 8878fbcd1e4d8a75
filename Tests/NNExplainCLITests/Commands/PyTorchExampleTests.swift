import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The worked example of examples/pytorch/: a 4-8-3 model trained in PyTorch (train.py), saved as
/// model.safetensors, imported with examples/iris.csv as mine.json; nnexplain's gradients of it
/// equal the ones PyTorch computed at the same weights (torch-gradients.json, written by train.py
/// with torch 2.13 in float64: an independent reference, not this tool's output).
struct PyTorchExampleTests {
    static let folder = TestPaths.package.appendingPathComponent("examples/pytorch")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The command lesson 13 and examples/README.md give, run from the package's folder.
    static var importArguments: [String] {
        ["import", path("model.safetensors"), "--activations", "tanh,softmax", "--loss", "cross-entropy",
         "--data", TestPaths.package.appendingPathComponent("examples/iris.csv").path, "--label-column", "species",
         "--classes", "setosa,versicolor,virginica"]
    }

    @Test func importingTheModelAndTheCSVGivesTheCommittedNetworkFile() throws {
        let result = runCLI(Self.importArguments)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == (try String(contentsOfFile: Self.path("mine.json"), encoding: .utf8)))
    }

    @Test func nnexplainsGradientsAreTheOnesPyTorchComputed() throws {
        let torch = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.path("torch-gradients.json")))) as! [String: Any]
        let mean = torch["mean"] as! [String: Any]
        let result = runCLI(["gradients", "--network", Self.path("mine.json"), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let ours = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(isClose(ours["loss"] as! Double, mean["loss"] as! Double, relative: 1e-12))
        let theirs = mean["layers"] as! [[String: [Any]]], layers = ours["layers"] as! [[String: Any]]
        #expect(layers.count == 2 && theirs.count == 2)
        // Each gradient to 1e-12 of the layer's largest (a gradient near 0 is as exact as its neighbours).
        for (l, (layer, reference)) in zip(layers, theirs).enumerated() {
            let w = (layer["weights"] as! [[Double]]).flatMap { $0 } + (layer["biases"] as! [Double])
            let r = (reference["weights"] as! [[Double]]).flatMap { $0 } + (reference["biases"] as! [Double])
            #expect(w.count == r.count && !w.isEmpty)
            let scale = r.map(abs).max()!
            for (i, (a, b)) in zip(w, r).enumerated() {
                #expect(abs(a - b) <= 1e-12 * scale, "layer \(l + 1), gradient \(i): \(a) against PyTorch's \(b)")
            }
        }
    }

    @Test func stepOnSampleZeroPrintsPyTorchsGradientOfThatSample() throws {
        let torch = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.path("torch-gradients.json")))) as! [String: Any]
        let sample0 = (torch["sample0"] as! [String: Any])["layers"] as! [[String: [Any]]]
        let expected = (sample0[1]["weights"] as! [[Double]])[0][2]  // ∂C_0/∂w_02^L
        let result = runCLI(["step", "--network", Self.path("mine.json"), "--layer", "L", "--j", "0", "--k", "2", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let value = try #require(json["value"] as? Double)
        #expect(isClose(value, expected, relative: 1e-12))
    }
}
