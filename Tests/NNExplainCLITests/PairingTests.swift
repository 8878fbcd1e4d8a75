import Foundation
import NNExplainTestSupport
import Testing
import NNExplain
import NNExplainCore

/// Activations, losses and targets that do not fit together are refused, in a network file
/// (exit 65) and with `--random` (exit 64), with one sentence naming the valid pairings.
@Suite struct PairingTests {
    /// A 2-2-2 file with the given activations, loss and second sample's targets.
    static func file(hidden: String = "sigmoid", output: String = "softmax", loss: String = "cross-entropy",
                     y: String = "[0, 1]") -> String {
        """
        { "inputs": 2, "loss": "\(loss)",
          "layers": [ { "activation": "\(hidden)", "weights": [[0.1, 0.2], [0.3, 0.4]] },
                      { "activation": "\(output)", "weights": [[0.5, 0.6], [0.7, 0.8]] } ],
          "samples": [ { "x": [1, 2], "y": [1, 0] }, { "x": [0.5, -1], "y": \(y) } ] }
        """
    }

    func fileError(_ text: String) -> String? {
        do { _ = try Network.decode(Array(text.utf8)); return nil } catch { return error.message }
    }

    static let pairings = "cross-entropy needs softmax or sigmoid outputs (ln a needs a > 0), "
        + "binary-cross-entropy needs sigmoid outputs (ln a and ln(1 − a) need 0 < a < 1); "
        + "squared and half-squared fit every output activation"

    @Test func validPairingsAreRead() {
        for (output, loss) in [("softmax", "cross-entropy"), ("sigmoid", "cross-entropy"), ("sigmoid", "binary-cross-entropy"),
                               ("softmax", "squared"), ("softmax", "half-squared"), ("relu", "squared")] {
            #expect(fileError(Self.file(output: output, loss: loss)) == nil, "\(output) with \(loss)")
        }
        // Soft and unnormalised targets are valid for cross-entropy; 0 and 1 for binary cross-entropy.
        #expect(fileError(Self.file(y: "[0.3, 0.7]")) == nil)
        #expect(fileError(Self.file(y: "[2, 0.5]")) == nil)
        #expect(fileError(Self.file(y: "[0, 0]")) == nil)
        #expect(fileError(Self.file(output: "sigmoid", loss: "binary-cross-entropy", y: "[0.25, 1]")) == nil)
    }

    @Test func softmaxInAHiddenLayer() {
        #expect(fileError(Self.file(hidden: "softmax")) == #""activation" of layers[0] is "softmax", but layers[0] is a hidden layer: "#
            + "softmax is for the output layer only (a hidden layer is explained node by node, each through its own slope g′(z_j), but every softmax output moves with every z); "
            + "use one of sigmoid, tanh, relu, leaky-relu, identity in hidden layers")
    }

    @Test(arguments: [("softmax", "binary-cross-entropy"), ("relu", "binary-cross-entropy"), ("identity", "binary-cross-entropy"),
                      ("tanh", "binary-cross-entropy"), ("leaky-relu", "binary-cross-entropy"), ("relu", "cross-entropy"),
                      ("leaky-relu", "cross-entropy"), ("tanh", "cross-entropy"), ("identity", "cross-entropy")])
    func lossThatDoesNotFitTheOutputs(output: String, loss: String) {
        #expect(fileError(Self.file(output: output, loss: loss))
            == #""loss" is "\#(loss)", which does not fit the output activation "\#(output)" of layers[1]: "# + Self.pairings)
    }

    @Test func targetsOutOfRange() {
        #expect(fileError(Self.file(y: "[0.5, -0.25]")) == #"samples[1].y[1] is -0.25, but "loss" is "cross-entropy": "#
            + "cross-entropy needs targets of at least 0 (soft and unnormalised targets are fine)")
        #expect(fileError(Self.file(output: "sigmoid", loss: "binary-cross-entropy", y: "[1.5, 0]"))
            == #"samples[1].y[0] is 1.5, but "loss" is "binary-cross-entropy": binary cross-entropy needs every target in [0, 1]"#)
        #expect(fileError(Self.file(output: "sigmoid", loss: "binary-cross-entropy", y: "[0, -1]"))
            == #"samples[1].y[1] is -1, but "loss" is "binary-cross-entropy": binary cross-entropy needs every target in [0, 1]"#)
    }

    @Test func theCommandLineRefusesAFileWithExit65() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-pairing-\(UUID().uuidString).json")
        try Data(Self.file(output: "softmax", loss: "binary-cross-entropy").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let path = url.path
        let result = runCLI(["gradients", "--network", path])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(result.stderr == "Error: network file '\(path)': \"loss\" is \"binary-cross-entropy\", which does not fit the output "
            + "activation \"softmax\" of layers[1]: \(Self.pairings)\n")
    }

    @Test func randomNetworksAreCheckedByTheSameRules() {
        let hidden = runCLI(["gradients", "--random", "3,4,2", "--activation", "softmax"])
        #expect(hidden.status == 64 && hidden.stdout == "")
        #expect(hidden.stderr.hasPrefix("Error: --activation softmax sets the hidden layers: softmax is for the output layer only "
            + "(a hidden layer is explained node by node, each through its own slope g′(z_j), but every softmax output moves with every z); use one of sigmoid, tanh, relu, leaky-relu, identity in hidden layers, "
            + "and give softmax to the output layer with --output-activation softmax\n"))
        let loss = runCLI(["gradients", "--random", "3,4,2", "--output-activation", "relu", "--loss", "cross-entropy"])
        #expect(loss.status == 64 && loss.stdout == "")
        #expect(loss.stderr.hasPrefix("Error: --loss cross-entropy does not fit the output activation relu (--output-activation): "
            + Self.pairings + "\n"))
        let fine = runCLI(["gradients", "--random", "3,4,2", "--output-activation", "softmax", "--loss", "cross-entropy"])
        #expect(fine.status == 0)
        let unknown = runCLI(["gradients", "--random", "3,2", "--loss", "hinge"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: unknown loss 'hinge'; use one of squared, half-squared, cross-entropy, binary-cross-entropy\n"))
        let without = runCLI(["gradients", "--seed", "3"])
        #expect(without.status == 64)
        #expect(without.stderr.hasPrefix("Error: --seed applies to --random only; add --random SIZES, e.g. --random 3,4,2\n"))
    }
}
