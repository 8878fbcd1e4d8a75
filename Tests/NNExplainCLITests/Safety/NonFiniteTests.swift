import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// Every result the command line prints or saves is a finite number: a mean whose sum overflows is
/// still shown, a command is refused only for the numbers it shows, and a step that overflows
/// writes nothing and names the parameter.
struct NonFiniteTests {
    /// A fresh folder with `json` in `net.json`.
    static func folder(with json: String) throws -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-nonfinite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("net.json")
        try Data(json.utf8).write(to: file)
        return (folder, file)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Two samples whose `∂C_s/∂w = 2(x − y)·x` are 1e308 and 1.2e308 (identity, w = 1), so that
    /// only their sum overflows; `C_s = (x − y)²` are 2.5e307 and 3.6e307.
    static let large = #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "samples": [{"x": [1e154], "y": [5e153]}, {"x": [1e154], "y": [4e153]}]}"#
    static let products = [2 * (1e154 - 5e153) * 1e154, 2 * (1e154 - 4e153) * 1e154]
    /// The means, from halves (halving is exact).
    static let gradient = products[0] / 2 + products[1] / 2
    static let loss = (1e154 - 5e153) * (1e154 - 5e153) / 2 + (1e154 - 4e153) * (1e154 - 4e153) / 2

    @Test func meansWhoseSumOverflowsArePrinted() throws {
        let (folder, file) = try Self.folder(with: Self.large)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = runCLI(["gradients", "--network", file.path])
        #expect(text.status == 0 && text.stderr == "")
        #expect(text.stdout.contains("j = 0   1.1e+308"), "(1e308 + 1.2e308) / 2 = 1.1e308")
        let json = runCLI(["gradients", "--network", file.path, "--format", "json"])
        let layer = try #require((try Self.json(json.stdout)["layers"] as? [[String: Any]])?.first)
        #expect((layer["weights"] as? [[Double]]) == [[Self.gradient]])
        #expect(try Self.json(json.stdout)["loss"] as? Double == Self.loss)

        let step = runCLI(["step", "--network", file.path, "--layer", "L", "--j", "0", "--k", "0", "--average", "--format", "json"])
        #expect(step.status == 0)
        #expect(try Self.json(step.stdout)["value"] as? Double == Self.gradient)

        // η = 1e-308 moves w by about 1.1: w ← 1 − η · ∂C/∂w.
        let update = runCLI(["update", "--network", file.path, "--learning-rate", "1e-308", "--format", "json"])
        #expect(update.status == 0)
        let updated = try Network.decode(Array(update.stdout.utf8)).network
        #expect(updated.layers[0].weights == [[1 - 1e-308 * Self.gradient]])

        let train = runCLI(["train", "--network", file.path, "--epochs", "1", "--learning-rate", "1e-308", "--format", "json"])
        #expect(train.status == 0)
        #expect((try Self.json(train.stdout)["losses"] as? [Double])?.first == Self.loss)

        let check = runCLI(["check", "--network", file.path])
        #expect(check.status == 0 && check.stdout.contains("ok") && !check.stdout.contains("inf"))
    }

    /// `z = 1e-154 · 1e308 = 1e154` and `C_0 = 1e308` are finite; `∂C_0/∂w = 2e154 · 1e308` is not.
    static let backwardOverflows = #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e-154]]}], "samples": [{"x": [1e308], "y": [0]}]}"#

    @Test func aCommandIsRefusedOnlyForWhatItShows() throws {
        let (folder, file) = try Self.folder(with: Self.backwardOverflows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let forward = runCLI(["forward", "--network", file.path])
        #expect(forward.status == 0 && forward.stderr == "")
        #expect(runCLI(["diagram", "--network", file.path]).status == 0)
        let overflow = "Error: the computation overflowed: ∂C_0/∂w_00^L of sample 0 (layer L (l = 1), node 0) is infinite; "
            + "scale down the weights or inputs that feed it\n"
        for command in [["gradients"], ["diagram", "--layer", "L", "--j", "0", "--k", "0"], ["step", "--layer", "L", "--j", "0", "--k", "0"]] {
            let result = runCLI(command + ["--network", file.path])
            #expect(result.status == 1 && result.stdout == "")
            #expect(result.stderr == overflow, "\(command)")
        }
    }

    @Test func anUpdateThatOverflowsWritesNothing() throws {
        let (folder, file) = try Self.folder(with: Self.large)
        defer { try? FileManager.default.removeItem(at: folder) }
        // η = 1000: 1 − 1000 · 1.1e308 = −inf.
        let weight = runCLI(["update", "--network", file.path, "--learning-rate", "1000", "--in-place"])
        #expect(weight.status == 1 && weight.stdout == "")
        #expect(weight.stderr == "Error: the step overflowed: w_00^L became infinite; try a smaller --learning-rate (this run used 1000)\n")
        // η = 0.1: w = 1 − 1.1e307 is finite, but z = w · 1e154 is not, and neither is the loss after.
        let loss = runCLI(["update", "--network", file.path, "--in-place"])
        #expect(loss.status == 1 && loss.stdout == "")
        #expect(loss.stderr == "Error: the step overflowed: the loss after it, C, became infinite; try a smaller --learning-rate (this run used 0.1)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == Self.large)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["net.json"])
    }

    /// Sigmoid, w = 0, x = 1e303, y = −1000: `∂C/∂w = 2(0.5 + 1000) · 0.25 · 1e303 ≈ 5e305`, so
    /// η = 1000 moves w to −inf; but sigmoid(−inf) = 0, so the loss after, `1000²`, stays finite.
    static let weightOverflows = #"{"inputs": 1, "layers": [{"activation": "sigmoid", "weights": [[0]]}], "samples": [{"x": [1e303], "y": [-1000]}]}"#

    @Test func trainingThatOverflowsAWeightSavesNothing() throws {
        let (folder, file) = try Self.folder(with: Self.weightOverflows)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = folder.appendingPathComponent("trained.json")
        let result = runCLI(["train", "--network", file.path, "--epochs", "3", "--learning-rate", "1000", "--save", saved.path])
        #expect(result.status == 1 && result.stdout == "")
        #expect(result.stderr == "Error: training diverged: w_00^L became infinite in epoch 1; "
            + "try a smaller --learning-rate (this run used 1000)\n")
        #expect(!FileManager.default.fileExists(atPath: saved.path))
    }
}
