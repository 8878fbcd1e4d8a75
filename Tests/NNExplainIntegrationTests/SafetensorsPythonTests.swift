import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing

/// The reference implementation, Python's `safetensors` package, and this one read each other's
/// files: a model saved by Python imports to the same doubles Python holds, and a network written
/// by `nnexplain network --format safetensors` loads in Python to the same bits. Skipped, with the
/// reason, where python3 lacks the packages.
@Suite(.enabled(if: Tools.pythonSafetensors != nil,
                Tools.missing("Python's safetensors and numpy", install: "pip install safetensors numpy",
                              unchecked: "files were not exchanged with the reference implementation (the spec-written fixtures still were)")))
struct SafetensorsPythonTests {
    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-py-\(UUID().uuidString)-\(name)").path
    }

    /// Runs `script` with `arguments`, returning its standard output.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let result = try Tools.runPython(try #require(Tools.pythonSafetensors), script, arguments)
        #expect(result.status == 0)
        return result.output
    }

    @Test func aModelSavedByPythonImportsToTheSameDoubles() throws {
        let model = Self.scratch("model.safetensors")
        // Python saves F32, F16 and F64 tensors (numpy has no BF16) and prints each value's exact double, float.hex.
        let printed = try Self.python("""
            import sys, numpy as np
            from safetensors.numpy import save_file
            rng = np.random.default_rng(24)
            d = {"net.0.weight": rng.normal(size=(4, 3)).astype(np.float32), "net.0.bias": rng.normal(size=4).astype(np.float16),
                 "net.2.weight": rng.normal(size=(2, 4)), "net.2.bias": np.array([np.float32(0.1), 2.0 ** -20], dtype=np.float32)}
            save_file(d, sys.argv[1], metadata={"format": "pt"})
            for k in ["net.0.weight", "net.0.bias", "net.2.weight", "net.2.bias"]:
                print(" ".join(float(x).hex() for x in d[k].flatten()))
            """, [model])
        let expected = printed.split(separator: "\n").map { $0.split(separator: " ").map { Double(String($0))! } }
        let result = runCLI(["import", model, "--activations", "tanh,identity"])
        #expect(result.status == 0, "\(result.stderr)")
        let network = try Network.decode(Array(result.stdout.utf8)).network
        #expect(network.inputs == 3 && network.layers.map(\.size) == [4, 2])
        #expect(network.layers[0].weights.flatMap { $0 } == expected[0])
        #expect(network.layers[0].biases == expected[1])
        #expect(network.layers[1].weights.flatMap { $0 } == expected[2])
        #expect(network.layers[1].biases == expected[3])
    }

    @Test func aNetworkWrittenHereLoadsInPythonBitForBit() throws {
        let model = Self.scratch("net.safetensors")
        let random = ["--random", "3,5,2", "--seed", "9"]
        #expect(runCLI(["network", "--format", "safetensors", "--output", model] + random).status == 0)
        let network = try Network.decode(Array(runCLI(["network"] + random).stdout.utf8)).network
        let printed = try Self.python("""
            import sys
            from safetensors.numpy import load_file
            d = load_file(sys.argv[1])
            for k in sorted(d):
                print(k, d[k].dtype, list(d[k].shape), " ".join(float(x).hex() for x in d[k].flatten()))
            """, [model])
        var expected: [String] = []
        for (i, layer) in network.layers.enumerated() {
            if let biases = layer.biases { expected.append("\(i).bias float64 [\(biases.count)] " + biases.map(\.hexText).joined(separator: " ")) }
            expected.append("\(i).weight float64 [\(layer.size), \(layer.weights[0].count)] " + layer.weights.flatMap { $0 }.map(\.hexText).joined(separator: " "))
        }
        #expect(printed.split(separator: "\n").map(String.init) == expected.sorted())
    }
}

extension Double {
    /// The value as Python's `float.hex` writes it: `0x1.8000000000000p+1`, `-0x0.0p+0`.
    fileprivate var hexText: String {
        if self == 0 { return (sign == .minus ? "-" : "") + "0x0.0p+0" }
        let sign = self < 0 ? "-" : ""
        if !isNormal {
            let digits = String(significandBitPattern, radix: 16)
            return sign + "0x0." + String(repeating: "0", count: 13 - digits.count) + digits + "p-1022"
        }
        let digits = String(significandBitPattern, radix: 16)
        return sign + "0x1." + String(repeating: "0", count: 13 - digits.count) + digits + "p" + (exponent >= 0 ? "+" : "") + String(exponent)
    }
}
