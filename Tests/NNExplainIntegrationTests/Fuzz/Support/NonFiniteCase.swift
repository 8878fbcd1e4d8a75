import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Non-finite values

/// A network whose numbers are finite but overflow, or become NaN, during the computation.
struct NonFiniteCase: CustomTestStringConvertible, Sendable {
    let name: String
    let json: String
    /// Command lines that must report it (`$NETWORK` is the file).
    let commands: [[String]]

    var testDescription: String { name }

    static let stepL = ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0"]
    static let everywhere = [["forward", "--network", "$NETWORK"], ["gradients", "--network", "$NETWORK"], stepL]

    static let all = [
        NonFiniteCase(
            name: "z overflows to inf (weight 1e308, input 1e300, identity)",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [1e300], "y": [0]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "z is inf − inf = NaN",
            json: #"{"inputs": 2, "layers": [{"activation": "identity", "weights": [[1e308, 1e308]]}], "samples": [{"x": [1e300, -1e300], "y": [0]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "relu passes inf on to the next layer",
            json: #"{"inputs": 1, "layers": [{"activation": "relu", "weights": [[1e200]]}, {"activation": "sigmoid", "weights": [[1e200]]}], "samples": [{"x": [1e200], "y": [0]}]}"#,
            commands: everywhere + [["step", "--network", "$NETWORK", "--layer", "L-1", "--j", "0", "--k", "0"]]),
        NonFiniteCase(
            name: "the loss overflows though the output is finite",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "samples": [{"x": [1e200], "y": [-1e200]}]}"#,
            commands: everywhere),
        NonFiniteCase(
            name: "only the backward pass overflows (C = 1e308, ∂C/∂w = inf)",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e-154]]}], "samples": [{"x": [1e308], "y": [0]}]}"#,
            commands: [["gradients", "--network", "$NETWORK"], stepL]),
        NonFiniteCase(
            name: "only the second sample overflows",
            json: #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [0.5], "y": [0]}, {"x": [1e300], "y": [0]}]}"#,
            commands: [["forward", "--network", "$NETWORK", "--sample", "1"], ["gradients", "--network", "$NETWORK"],
                       ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0", "--sample", "1"],
                       ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0", "--average"],
                       ["step", "--network", "$NETWORK", "--layer", "L", "--j", "0", "--k", "0", "--batch", "1"],
                       ["gradients", "--network", "$NETWORK", "--batch", "1,0"], ["update", "--network", "$NETWORK", "--batch", "0"]]),
    ]
}
