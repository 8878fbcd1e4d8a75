/// `nnexplain export`: one self-contained Python script that rebuilds a network with its exact
/// weights and training samples, runs forward and backward in a framework (numpy by hand, or
/// PyTorch's `nn.Sequential` and `loss.backward()`), prints the gradients as JSON in the shape of
/// `nnexplain gradients --format json`, and exits 1 if any differs from nnexplain's own (embedded
/// in the script) by more than ``tolerance``, relatively.
///
/// Every number is written as Swift's `description` of the double, the shortest text that reads
/// back to the same bits, which Python's `float` reads exactly. Every activation and loss the
/// project has is written by an exhaustive switch (``PythonScript/NumPy``, ``PythonScript/PyTorch``),
/// so a new one cannot be exported by accident. The writer computes nothing: the gradients come in
/// as the JSON text the caller rendered.
public struct PythonScript: Sendable {
    public enum Framework: String, CaseIterable, Sendable {
        case numpy, pytorch
    }

    /// The largest relative difference the script accepts.
    public static let tolerance = "1e-12"

    public let framework: Framework
    public let network: Network
    /// `nnexplain gradients --format json` of `network`.
    public let expected: String

    /// The script for `network` in `framework`, embedding `expected`, the text of
    /// `nnexplain gradients --format json` for it.
    public init(_ framework: Framework, network: Network, expected: String) {
        (self.framework, self.network, self.expected) = (framework, network, expected)
    }

    /// The whole script.
    public var text: String {
        let body = switch framework {
        case .numpy: NumPy.body(network)
        case .pytorch: PyTorch.body(network)
        }
        return header + data + body + PythonScript.check
    }

    /// The opening comment and imports.
    private var header: String {
        let what = switch framework {
        case .numpy: "runs forward and backward by hand in numpy, in nnexplain's notation (z^l = W^l a^(l-1) + b^l,\n# a^l = g_l(z^l), delta^l = dC/dz^l)"
        case .pytorch: "runs forward and backward with PyTorch (float64, nn.Sequential of nn.Linear, loss.backward())"
        }
        let imports = switch framework {
        case .numpy: "import numpy as np\n"
        case .pytorch: "import torch\nfrom torch import nn\n"
        }
        return """
            #!/usr/bin/env python3
            # Written by `nnexplain export --format \(framework.rawValue)`. It rebuilds the network with its exact weights and
            # training samples, \(what),
            # prints the gradients as JSON in the shape of `nnexplain gradients --format json`, and exits 1 if any
            # differs from nnexplain's (EXPECTED below) by more than \(PythonScript.tolerance) relatively.
            #
            # C = (1/N) sum_s C_s, the mean of the \(network.samples.count.counting("sample"))' losses, with C_s = \(PythonScript.lossText(network.loss)).
            # A gradient g agrees with nnexplain's g' when |g - g'| <= \(PythonScript.tolerance) * max(|g|, |g'|, m), where m is the mean
            # over the samples of |dC_s/dtheta|: a mean of per-sample gradients that cancel to near 0 is compared at the
            # size of those gradients, which is as exact as it can be; elsewhere m is below max(|g|, |g'|).
            import json
            import sys

            \(imports)

            """
    }

    /// The loss of one sample, in plain text.
    static func lossText(_ loss: Loss) -> String {
        switch loss {
        case .squared: "sum_j (a_j - y_j)^2"
        case .halfSquared: "1/2 sum_j (a_j - y_j)^2"
        case .crossEntropy: "-sum_j y_j ln a_j"
        case .binaryCrossEntropy: "-sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)]"
        }
    }

    /// The network's numbers as Python lists: `LAYERS`, `LOSS`, `X`, `Y`, `EXPECTED`.
    private var data: String {
        var text = "# Layer l = 1 ... L: (activation g_l, W^l whose row j, column k is w_jk^l, b^l or None for a layer without biases).\nLAYERS = [\n"
        for layer in network.layers {
            text += "    (\(PythonScript.string(layer.activation.rawValue)),\n     \(PythonScript.matrix(layer.weights, indent: 6)),\n"
            text += "     \(layer.biases.map(PythonScript.list) ?? "None")),\n"
        }
        text += "]\nLOSS = \(PythonScript.string(network.loss.rawValue))\nLEAKY_SLOPE = \(Activation.leakySlope)\n"
        text += "# The training samples: X[s] is x of sample s, Y[s] its target y.\n"
        text += "X = \(PythonScript.matrix(network.samples.map { $0.x }, indent: 4))\n"
        text += "Y = \(PythonScript.matrix(network.samples.map { $0.y }, indent: 4))\n"
        text += "# nnexplain's gradients, `nnexplain gradients --format json`.\nEXPECTED = json.loads(r\"\"\"\n\(expected)\"\"\")\n"
        text += "TOLERANCE = \(PythonScript.tolerance)\n\n"
        return text
    }

    /// A list of numbers, each as Swift writes the double (the shortest text that reads back exactly).
    static func list(_ numbers: [Double]) -> String { "[" + numbers.map { "\($0)" }.joined(separator: ", ") + "]" }

    /// Rows of numbers, one row a line after the first.
    static func matrix(_ rows: [[Double]], indent: Int) -> String {
        "[" + rows.map(list).joined(separator: ",\n" + String(repeating: " ", count: indent)) + "]"
    }

    /// A Python string literal of a name made of letters and hyphens.
    static func string(_ name: String) -> String { "\"\(name)\"" }
}
