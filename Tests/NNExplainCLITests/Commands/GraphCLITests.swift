import Foundation
import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// `nnexplain graph` end to end: the walk's claims, JSON, the vectorised view and every refusal.
struct GraphCLITests {
    @Test func theArticlesOutputWeightWalksToStepsValue() throws {
        let graph = runCLI(["graph", "--layer", "L", "--j", "1", "--k", "2"])
        let step = runCLI(["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "json"])
        #expect(graph.status == 0 && graph.stderr == "")
        let value = try #require(JSONValue.parse(Array(step.stdout.utf8))["value"]?.doubleValue)
        // At the default nine digits, as step prints it.
        #expect(graph.stdout.contains("So ∂C_0/∂w_12^L = \(String(format: "%.9g", value))"))
        #expect(graph.stdout.contains("Multiply gives each input the upstream gradient times the other input."))
        #expect(graph.stdout.contains("Sigmoid multiplies the upstream gradient by o(1 − o), from its own output o."))
    }

    @Test func aHiddenWeightShowsTheFanOutAsStepsSum() {
        let out = runCLI(["graph", "--layer", "L-1", "--j", "2", "--k", "2"]).stdout
        #expect(out.contains("a_2^(L-1) feeds 2 gates, so the gradients they pass down add up: this sum is the sum over i in ∂C_0/∂a_2^(L-1)"))
    }

    @Test func theJSONListsNodesWithOperationsValuesGradientsAndInputs() throws {
        let result = runCLI(["graph", "--network", TestPaths.fixtures.appendingPathComponent("mazur.json").path, "--layer", "L", "--j", "0", "--k", "0", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONValue.parse(Array(result.stdout.utf8))
        #expect(json.objectMembers?.map(\.key) == ["nodes", "output", "weight"])
        let nodes = try #require(json["nodes"]?.arrayValue)
        #expect(nodes.allSatisfy { $0.objectMembers?.map(\.key) == ["id", "onPath", "name", "op", "value", "grad", "inputs", "local"] })
        // Mazur's published ∂E/∂w5 = 0.082167041 (his w5 is w_00^L).
        let weight = try #require(json["weight"])
        #expect(weight["symbol"]?.stringValue == "w_00^L")
        #expect(isClose(try #require(weight["grad"]?.doubleValue), 0.082167041, relative: 1e-8))
        #expect(nodes.last?["id"]?.integerValue == json["output"]?.integerValue)
    }

    @Test func theWholeGraphWalksEveryNodeWithAGradient() throws {
        let result = runCLI(["graph", "--random", "2,2,1", "--seed", "3", "--format", "json"])
        let nodes = try #require(JSONValue.parse(Array(result.stdout.utf8))["nodes"]?.arrayValue)
        // 2 inputs; layer 1: 4 weights, 4 products, 2 biases, 2 sums, 2 activations; layer 2: 2, 2, 1, 1, 1;
        // the squared loss of one output: y, a − y and its square, which is C_0 (one term, no sum).
        #expect(nodes.count == 2 + 14 + 7 + 3)
        let text = runCLI(["graph", "--random", "2,2,1", "--seed", "3"]).stdout
        #expect(text.contains("The computational graph of C_0, the loss of sample 0 of"))
        #expect(text.contains("The leaves now hold the gradients of C_0 by every weight, bias and input of sample 0"))
    }

    @Test func vectorisedNeedsALayerAndNoWeight() {
        let none = runCLI(["graph", "--vectorised"])
        #expect(none.status == 64 && none.stderr.contains("--vectorised shows one layer: add --layer"))
        let weight = runCLI(["graph", "--vectorised", "--layer", "L", "--j", "0", "--k", "0"])
        #expect(weight.status == 64 && weight.stderr.contains("drop --j and --k"))
        let ok = runCLI(["graph", "--vectorised", "--layer", "1"])
        #expect(ok.status == 0 && ok.stdout.contains("z^1 = W^1 a^0"))
    }

    @Test func aWholeGraphTooBigToWalkPointsToOneWeight() {
        let result = runCLI(["graph", "--random", "20,30,10"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("more than the 2,000 an explanation of the whole graph walks; explain one weight's part of it with --layer, --j and --k"))
        #expect(runCLI(["graph", "--random", "20,30,10", "--layer", "1", "--j", "0", "--k", "0"]).status == 0)
    }

    @Test func aSaturatedOutputUnderALogarithmIsRefusedWithStepAsTheWayRound() throws {
        // σ(40) rounds to 1, so binary cross-entropy's gate ln(1 − a) meets ln 0.
        let file = try ScratchFolder.file("""
            {"inputs": 1, "layers": [{"activation": "sigmoid", "weights": [[40]]}], "loss": "binary-cross-entropy", "samples": [{"x": [1], "y": [0]}]}
            """, kind: "graph", ext: "json")
        let result = runCLI(["graph", "--network", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the graph's gate ln meets 0"))
        #expect(result.stderr.contains("step computes this loss from z in a stable form"))
        #expect(runCLI(["step", "--network", file, "--layer", "1", "--j", "0", "--k", "0"]).status == 0)
    }
}

/// `graph --format svg|dot`: the pictures through the command line.
struct GraphPictureCLITests {
    @Test func aWeightsPartIsDrawnWithItsPathLit() {
        let svg = runCLI(["graph", "--layer", "L", "--j", "1", "--k", "2", "--format", "svg"])
        #expect(svg.status == 0 && svg.stdout.hasPrefix("<?xml"))
        #expect(svg.stdout.contains("the paths from w₁₂ᴸ"))
        let dot = runCLI(["graph", "--layer", "L", "--j", "1", "--k", "2", "--format", "dot"])
        #expect(dot.status == 0 && dot.stdout.contains("rankdir=LR"))
    }

    @Test func aWholeGraphTooBigToDrawPointsToOneWeight() {
        let result = runCLI(["graph", "--random", "10,10,2", "--format", "svg"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("more than the 100 a picture can show legibly; draw one weight's part of it with --layer, --j and --k"))
    }

    @Test func textOptionsAreRefusedForPictures() {
        for (option, kind) in [(["--ascii"], "text"), (["--width", "80"], "text"), (["--standalone"], "LaTeX"), (["--color", "always"], "text"),
                               (["--aspect", "16:9"], "beamer")] {
            let result = runCLI(["graph", "--format", "svg"] + option)
            #expect(result.status == 64 && result.stderr.contains("\(option[0]) applies to \(kind) output only; drop it for --format svg"))
        }
    }

    @Test func thePictureIsWrittenToAFileWhole() throws {
        let path = try ScratchFolder.file("", kind: "graph-picture", ext: "svg")
        let result = runCLI(["graph", "--layer", "L", "--j", "0", "--k", "0", "--format", "svg", "--output", path])
        #expect(result.status == 0 && result.stdout == "")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("</svg>\n"))
    }
}
