import NNExplainTestSupport
import Testing

/// Every explanation pinned to the character. Each case is a command line and the golden file that
/// holds its exact standard output; the command must succeed and write nothing to stderr.
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let arguments: [String]
        var testDescription: String { file }
    }

    static let mazur = Fixtures.path("mazur.json")
    static let deep = Fixtures.path("deep.json")
    /// A 2-3-3 softmax classifier with cross-entropy and soft targets (the second sample's do not sum to 1).
    static let softmax = Fixtures.path("softmax-soft.json")
    /// A 2-3-2 sigmoid network of six samples drawn from a seed, and the mini-batch of samples 0, 3 and 5.
    static let batchNetwork = ["--random", "2,3,2", "--samples", "6", "--seed", "3"]
    static let batch = batchNetwork + ["--batch", "0,3,5"]

    static let cases: [Case] = [
        // The built-in network: the article's two examples, a deeper layer, averaging, every command.
        Case(file: "default-step-L-j1-k2.txt", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2"]),
        Case(file: "default-step-L-1-j2-k2.txt", arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2"]),
        Case(file: "default-step-L-2-j0-k1.txt", arguments: ["step", "--layer", "L-2", "--j", "0", "--k", "1"]),
        Case(file: "default-step-average.txt", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--average"]),
        Case(file: "default-step-sample1-numeric.txt", arguments: ["step", "--layer", "2", "--j", "1", "--k", "0", "--sample", "1"]),
        Case(file: "default-step-json.txt", arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "json"]),
        Case(file: "default-step-average-json.txt", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--average", "--format", "json"]),
        Case(file: "default-graph-L-1-j2-k2.txt", arguments: ["graph", "--layer", "L-1", "--j", "2", "--k", "2", "--width", "100"]),
        Case(file: "default-graph-vectorised-L.txt", arguments: ["graph", "--vectorised", "--layer", "L"]),
        Case(file: "mazur-graph-json.txt", arguments: ["graph", "--network", mazur, "--layer", "L", "--j", "0", "--k", "0", "--format", "json"]),
        Case(file: "default-step-precision4.txt", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--precision", "4"]),
        Case(file: "default-forward.txt", arguments: ["forward"]),
        Case(file: "default-forward-sample1.txt", arguments: ["forward", "--sample", "1"]),
        Case(file: "default-gradients.txt", arguments: ["gradients"]),
        Case(file: "default-gradients-json.txt", arguments: ["gradients", "--format", "json"]),
        Case(file: "default-network.txt", arguments: ["network"]),
        // Mazur's worked example: half-squared loss, biases.
        Case(file: "mazur-step-w5.txt", arguments: ["step", "--network", mazur, "--layer", "L", "--j", "0", "--k", "0"]),
        Case(file: "mazur-step-w1.txt", arguments: ["step", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0"]),
        Case(file: "mazur-forward.txt", arguments: ["forward", "--network", mazur]),
        Case(file: "mazur-gradients.txt", arguments: ["gradients", "--network", mazur]),
        Case(file: "mazur-network.txt", arguments: ["network", "--network", mazur]),
        // A deeper network with biases and tanh, relu, leaky-relu and sigmoid layers.
        Case(file: "deep-step-1-j1-k2.txt", arguments: ["step", "--network", deep, "--layer", "1", "--j", "1", "--k", "2"]),
        Case(file: "softmax-step-L-j0-k1.txt", arguments: ["step", "--network", softmax, "--layer", "L", "--j", "0", "--k", "1"]),
        Case(file: "softmax-step-L-j2-k0-sample1.txt",
             arguments: ["step", "--network", softmax, "--layer", "L", "--j", "2", "--k", "0", "--sample", "1"]),
        Case(file: "softmax-step-L-1-j0-k1.txt", arguments: ["step", "--network", softmax, "--layer", "L-1", "--j", "0", "--k", "1"]),
        Case(file: "softmax-step-L-j0-k1-json.txt",
             arguments: ["step", "--network", softmax, "--layer", "L", "--j", "0", "--k", "1", "--format", "json"]),
        Case(file: "softmax-step-L-1-j0-k1.md",
             arguments: ["step", "--network", softmax, "--layer", "L-1", "--j", "0", "--k", "1", "--format", "markdown"]),
        Case(file: "softmax-forward.txt", arguments: ["forward", "--network", softmax]),
        Case(file: "softmax-step-L-j0-k1.tex",
             arguments: ["step", "--network", softmax, "--layer", "L", "--j", "0", "--k", "1", "--format", "latex"]),
        Case(file: "softmax-step-L-average.txt", arguments: ["step", "--network", softmax, "--layer", "L", "--j", "1", "--k", "2", "--average"]),
        Case(file: "deep-step-L-1-j0-k1.txt", arguments: ["step", "--network", deep, "--layer", "L-1", "--j", "0", "--k", "1"]),
        Case(file: "deep-step-L-2-average.txt", arguments: ["step", "--network", deep, "--layer", "L-2", "--j", "2", "--k", "3", "--average"]),
        Case(file: "deep-forward.txt", arguments: ["forward", "--network", deep, "--sample", "2"]),
        Case(file: "deep-gradients.txt", arguments: ["gradients", "--network", deep]),
        // Every format of the explaining commands.
        Case(file: "default-step-L-j1-k2.md", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "markdown"]),
        Case(file: "default-step-L-1-j2-k2.md", arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "markdown"]),
        Case(file: "default-step-L-j1-k2.tex", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "latex"]),
        Case(file: "default-step-L-j1-k2-beamer.tex", arguments: ["step", "--layer", "L", "--j", "1", "--k", "2", "--format", "beamer"]),
        Case(file: "default-step-L-1-j2-k2-beamer-wide.tex",
             arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "beamer", "--aspect", "16:9"]),
        Case(file: "default-step-L-1-average.tex", arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average", "--format", "latex", "--standalone"]),
        Case(file: "default-step-ascii.txt", arguments: ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--ascii"]),
        Case(file: "mazur-step-w1.md", arguments: ["step", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--format", "markdown"]),
        Case(file: "mazur-step-w1-json.txt", arguments: ["step", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--format", "json"]),
        Case(file: "mazur-update-w1.md", arguments: ["update", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--format", "markdown"]),
        Case(file: "mazur-update-w1.tex", arguments: ["update", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--format", "latex"]),
        Case(file: "default-train-json.txt", arguments: ["train", "--epochs", "2", "--format", "json"]),
        Case(file: "mazur-walk.txt", arguments: ["walk", "--network", mazur]),
        Case(file: "mazur-step-w1.tex", arguments: ["step", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--format", "latex"]),
        Case(file: "default-forward.md", arguments: ["forward", "--format", "markdown"]),
        Case(file: "default-forward.tex", arguments: ["forward", "--format", "latex"]),
        Case(file: "default-forward-json.txt", arguments: ["forward", "--format", "json"]),
        Case(file: "default-gradients.md", arguments: ["gradients", "--format", "markdown"]),
        Case(file: "default-gradients.tex", arguments: ["gradients", "--format", "latex"]),
        // Learning: update, train, check, walk.
        Case(file: "default-update-L-j1-k2.txt", arguments: ["update", "--layer", "L", "--j", "1", "--k", "2"]),
        Case(file: "default-update-L-1-j2-k2.md", arguments: ["update", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "markdown"]),
        Case(file: "default-update-L-1-j2-k2.tex", arguments: ["update", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "latex"]),
        Case(file: "default-update-all.txt", arguments: ["update"]),
        Case(file: "default-update-json.txt", arguments: ["update", "--format", "json"]),
        Case(file: "mazur-update-w5.txt", arguments: ["update", "--network", mazur, "--layer", "L", "--j", "0", "--k", "0"]),
        Case(file: "mazur-update-all.txt", arguments: ["update", "--network", mazur]),
        Case(file: "mazur-update-output-first-w1.txt", arguments: ["update", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0", "--update-order", "output-first"]),
        Case(file: "mazur-update-json.txt", arguments: ["update", "--network", mazur, "--format", "json"]),
        Case(file: "mazur-train.txt", arguments: ["train", "--network", mazur, "--epochs", "20", "--every", "5"]),
        Case(file: "mazur-train-output-first.txt", arguments: ["train", "--network", mazur, "--epochs", "10", "--update-order", "output-first"]),
        Case(file: "mazur-train-json.txt", arguments: ["train", "--network", mazur, "--epochs", "3", "--format", "json"]),
        Case(file: "default-train.txt", arguments: ["train", "--epochs", "200"]),
        Case(file: "random-train-batch.txt", arguments: ["train", "--random", "3,4,2", "--samples", "10", "--epochs", "20", "--batch-size", "3", "--every", "5"]),
        Case(file: "default-check.txt", arguments: ["check"]),
        Case(file: "mazur-check.md", arguments: ["check", "--network", mazur, "--format", "markdown"]),
        Case(file: "default-walk.txt", arguments: ["walk"]),
        // The matrix form: every format, the batch form, a square hidden layer.
        Case(file: "default-matrix-L.txt", arguments: ["matrix", "--layer", "L"]),
        Case(file: "default-matrix-L.md", arguments: ["matrix", "--layer", "L", "--format", "markdown"]),
        Case(file: "default-matrix-L.tex", arguments: ["matrix", "--layer", "L", "--format", "latex"]),
        Case(file: "default-matrix-L-beamer.tex", arguments: ["matrix", "--layer", "L", "--format", "beamer"]),
        Case(file: "default-matrix-L-json.txt", arguments: ["matrix", "--layer", "L", "--format", "json"]),
        Case(file: "default-matrix-average.txt", arguments: ["matrix", "--average"]),
        Case(file: "default-matrix-average-json.txt", arguments: ["matrix", "--average", "--format", "json"]),
        Case(file: "default-matrix-2.txt", arguments: ["matrix", "--layer", "2", "--sample", "1"]),
        Case(file: "mazur-matrix.txt", arguments: ["matrix", "--network", mazur]),
        // Mini-batches: a seeded random network of six samples, the batch B = {0, 3, 5} in every format.
        Case(file: "batch-step-L-j0-k1.txt", arguments: ["step", "--layer", "L", "--j", "0", "--k", "1"] + batch),
        Case(file: "batch-step-L-j0-k1-json.txt", arguments: ["step", "--layer", "L", "--j", "0", "--k", "1", "--format", "json"] + batch),
        Case(file: "batch-step-L-1-j1-k0.md", arguments: ["step", "--layer", "L-1", "--j", "1", "--k", "0", "--format", "markdown"] + batch),
        Case(file: "batch-step-L-j0-k1.tex", arguments: ["step", "--layer", "L", "--j", "0", "--k", "1", "--format", "latex"] + batch),
        Case(file: "batch-step-all-samples.txt", arguments: ["step", "--layer", "L", "--j", "0", "--k", "1", "--batch", "0-5"] + batchNetwork),
        Case(file: "batch-update-L-j0-k1.txt", arguments: ["update", "--layer", "L", "--j", "0", "--k", "1"] + batch),
        Case(file: "batch-update-L-j0-k1-beamer.tex", arguments: ["update", "--layer", "L", "--j", "0", "--k", "1", "--format", "beamer"] + batch),
        Case(file: "batch-update-L-1-j1-k0.md", arguments: ["update", "--layer", "L-1", "--j", "1", "--k", "0", "--format", "markdown"] + batch),
        Case(file: "batch-update-all.txt", arguments: ["update", "--ascii"] + batch),
        Case(file: "batch-update-json.txt", arguments: ["update", "--format", "json"] + batch),
        Case(file: "batch-gradients.txt", arguments: ["gradients"] + batch),
        Case(file: "batch-gradients-json.txt", arguments: ["gradients", "--format", "json"] + batch),
        Case(file: "batch-gradients.tex", arguments: ["gradients", "--format", "latex"] + batch),
        // Diagrams.
        Case(file: "default-diagram-L-1-j2-k2.svg", arguments: ["diagram", "--layer", "L-1", "--j", "2", "--k", "2"]),
        Case(file: "default-diagram-L-1-j2-k2.dot", arguments: ["diagram", "--layer", "L-1", "--j", "2", "--k", "2", "--format", "dot"]),
        Case(file: "mazur-diagram-L-1-j0-k0.svg", arguments: ["diagram", "--network", mazur, "--layer", "L-1", "--j", "0", "--k", "0"]),
        Case(file: "mazur-diagram.dot", arguments: ["diagram", "--network", mazur, "--format", "dot"]),
        // One sigmoid neuron's decision regions, a ≥ 0.5 where x_0 − x_1 + 0.2 ≥ 0, by class and by value.
        Case(file: "neuron-boundary-r12.svg", arguments: ["boundary", "--network", Fixtures.path("neuron-boundary.json"), "--resolution", "12"]),
        Case(file: "neuron-boundary-value-r12.svg",
             arguments: ["boundary", "--network", Fixtures.path("neuron-boundary.json"), "--resolution", "12", "--shade", "value"]),
        // Practice: a sheet, its key, a graded file with two slips, the nudge.
        Case(file: "exercise-seed7.txt", arguments: ["exercise", "--seed", "7"]),
        Case(file: "exercise-seed7-key.txt", arguments: ["exercise", "--seed", "7", "--key"]),
        Case(file: "exercise-seed7-json.txt", arguments: ["exercise", "--seed", "7", "--key", "--format", "json"]),
        Case(file: "exercise-seed7-graded.txt", arguments: ["exercise", "--seed", "7", "--grade", Fixtures.path("answers-seed7.txt")]),
        Case(file: "exercise-seed7-graded-json.txt", arguments: ["exercise", "--seed", "7", "--grade", Fixtures.path("answers-seed7.txt"), "--format", "json"]),
        Case(file: "default-nudge-1-j0-k1.txt", arguments: ["nudge", "--layer", "1", "--j", "0", "--k", "1"]),
        Case(file: "default-nudge-json.txt", arguments: ["nudge", "--layer", "L", "--j", "1", "--k", "2", "--by", "0.5", "--format", "json"]),
        // Predictions: two outputs (argmax), soft targets, every format.
        Case(file: "default-predict.txt", arguments: ["predict"]),
        Case(file: "default-predict.md", arguments: ["predict", "--format", "markdown"]),
        Case(file: "softmax-predict-json.txt", arguments: ["predict", "--network", softmax, "--format", "json"]),
        // Help.
        Case(file: "help.txt", arguments: ["--help"]),
        Case(file: "help-step.txt", arguments: ["step", "--help"]),
        Case(file: "help-forward.txt", arguments: ["forward", "--help"]),
        Case(file: "help-graph.txt", arguments: ["graph", "--help"]),
        Case(file: "help-expr.txt", arguments: ["expr", "--help"]),
        Case(file: "help-gradients.txt", arguments: ["gradients", "--help"]),
        Case(file: "help-network.txt", arguments: ["network", "--help"]),
        Case(file: "help-update.txt", arguments: ["update", "--help"]),
        Case(file: "help-train.txt", arguments: ["train", "--help"]),
        Case(file: "help-check.txt", arguments: ["check", "--help"]),
        Case(file: "help-walk.txt", arguments: ["walk", "--help"]),
        Case(file: "help-diagram.txt", arguments: ["diagram", "--help"]),
        Case(file: "help-boundary.txt", arguments: ["boundary", "--help"]),
        Case(file: "help-lesson.txt", arguments: ["lesson", "--help"]),
        Case(file: "help-matrix.txt", arguments: ["matrix", "--help"]),
        Case(file: "help-exercise.txt", arguments: ["exercise", "--help"]),
        Case(file: "help-nudge.txt", arguments: ["nudge", "--help"]),
        Case(file: "help-predict.txt", arguments: ["predict", "--help"]),
    ]

    @Test(arguments: cases)
    func output(_ c: Case) {
        let result = runCLI(c.arguments)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        Golden.check(result.stdout, name: c.file)
    }
}
