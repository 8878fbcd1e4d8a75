import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// `--activation`, `--output-activation` and `--loss` change a network file's (or the built-in
/// network's) activations and loss as they set a random network's, for every command that takes a
/// network; the output opens with a sentence that says so, and a change that does not pair is
/// refused with the sentence `--random` gives.
@Suite struct NetworkChangeTests {
    static let mazur = Fixtures.path("mazur.json")
    static let heading = "Network \(mazur) with hidden activation changed to tanh"

    /// Mazur's file with its hidden layer's activation edited by hand, as students did.
    static func editedByHand(_ folder: URL) throws -> String {
        let text = try String(contentsOfFile: mazur, encoding: .utf8)
        let first = try #require(text.range(of: "\"sigmoid\""))
        let edited = folder.appendingPathComponent("tanh.json")
        try text.replacingCharacters(in: first, with: "\"tanh\"").write(to: edited, atomically: true, encoding: .utf8)
        return edited.path
    }

    @Test func aChangedFileExplainsAsTheFileEditedByHand() throws {
        let (folder, _, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = try Self.editedByHand(folder)
        for command in [["forward"], ["gradients"], ["step", "--layer", "1", "--j", "0", "--k", "1"], ["update"]] {
            let changed = runCLI(command + ["--network", Self.mazur, "--activation", "tanh"])
            #expect(changed.status == 0, "\(command): \(changed.stderr)")
            #expect(changed.stdout == Self.heading + "\n\n" + runCLI(command + ["--network", edited]).stdout, "\(command)")
        }
        let json = runCLI(["network", "--network", Self.mazur, "--activation", "tanh"])
        #expect(try Network.decode(Array(json.stdout.utf8)).network == Network.decode(Array(Data(contentsOf: URL(fileURLWithPath: edited)))).network)
        #expect(json.stderr == "Note: \(Self.heading)\n")
    }

    /// Every command that takes a network takes the changes: text opens with the sentence, other
    /// output (JSON, pictures, a page) keeps its format and standard error says it instead.
    @Test func everyCommandThatTakesANetworkTakesTheChanges() {
        let opening: [[String]] = [["forward"], ["gradients"], ["matrix"], ["update"], ["train", "--epochs", "2"], ["check"],
                                   ["walk"], ["predict"], ["step", "--layer", "L", "--j", "0", "--k", "0"],
                                   ["nudge", "--layer", "L", "--j", "0", "--k", "0"], ["gradients", "--format", "markdown"]]
        for command in opening {
            let result = runCLI(command + ["--network", Self.mazur, "--activation", "tanh"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stdout.hasPrefix(Self.heading + "\n\n"), "\(command)")
        }
        let noted: [[String]] = [["network"], ["diagram"], ["boundary"], ["html"], ["gradients", "--format", "json"],
                                 ["forward", "--format", "latex"]]
        for command in noted {
            let result = runCLI(command + ["--network", Self.mazur, "--activation", "tanh"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("changed to tanh"), "\(command)")
            #expect(result.stderr == "Note: \(Self.heading)\n", "\(command)")
        }
        let all = runCLI(["gradients", "--activation", "relu", "--output-activation", "sigmoid", "--loss", "binary-cross-entropy"])
        #expect(all.stdout.hasPrefix("The built-in network with hidden activation changed to relu, output activation changed to sigmoid "
            + "and loss changed to binary-cross-entropy\n\n"))
    }

    @Test func changesThatDoNotPairAreRefusedAsWithRandom() throws {
        let softmax = runCLI(["gradients", "--network", Self.mazur, "--activation", "softmax"])
        let random = runCLI(["gradients", "--random", "2,2,2", "--activation", "softmax"])
        #expect(softmax.status == 64 && softmax.stdout == "")
        #expect(softmax.stderr == random.stderr)
        let bothGiven = runCLI(["gradients", "--network", Self.mazur, "--output-activation", "relu", "--loss", "cross-entropy"])
        #expect(bothGiven.stderr == runCLI(["gradients", "--random", "2,2,2", "--output-activation", "relu", "--loss", "cross-entropy"]).stderr)
        let rule = "cross-entropy needs softmax or sigmoid outputs (ln a needs a > 0), binary-cross-entropy needs sigmoid outputs "
            + "(ln a and ln(1 − a) need 0 < a < 1); squared and half-squared fit every output activation\n"
        let loss = runCLI(["gradients", "--network", Self.mazur, "--output-activation", "tanh", "--loss", "cross-entropy"])
        #expect(loss.stderr.hasPrefix("Error: --loss cross-entropy does not fit the output activation tanh (--output-activation): " + rule))
        let output = runCLI(["gradients", "--network", Self.mazur, "--loss", "binary-cross-entropy", "--output-activation", "identity"])
        #expect(output.status == 64)
        let fileLoss = runCLI(["gradients", "--network", Fixtures.path("softmax-soft.json"), "--output-activation", "relu"])
        #expect(fileLoss.status == 64)
        #expect(fileLoss.stderr.hasPrefix("Error: --output-activation relu does not fit the network's loss cross-entropy: " + rule))
        let (folder, _, _) = try ScratchFolder.withNetwork()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one.json")
        try #"{"inputs":1,"layers":[{"activation":"sigmoid","weights":[[1]]}],"samples":[{"x":[1],"y":[3]}]}"#
            .write(to: one, atomically: true, encoding: .utf8)
        let target = runCLI(["gradients", "--network", one.path, "--loss", "binary-cross-entropy"])
        #expect(target.status == 64)
        #expect(target.stderr.hasPrefix("Error: --loss binary-cross-entropy does not fit the network's targets: samples[0].y[0] is 3; "
            + "binary cross-entropy needs every target in [0, 1]\n"))
        let noHidden = runCLI(["gradients", "--network", one.path, "--activation", "tanh"])
        #expect(noHidden.status == 64)
        #expect(noHidden.stderr.hasPrefix("Error: --activation sets the hidden layers, and this network has none; "
            + "change its output layer's activation with --output-activation\n"))
        #expect(runCLI(["gradients", "--network", Self.mazur, "--samples", "3"]).stderr
            .hasPrefix("Error: --samples applies to --random only; add --random SIZES, e.g. --random 3,4,2\n"))
    }

    @Test func replacingKeepsEverythingElse() throws {
        let mazur = try Network.decode(Array(Data(contentsOf: URL(fileURLWithPath: Self.mazur)))).network
        let changed = mazur.replacing(NetworkChanges(hidden: .relu, output: .identity, loss: .squared))
        #expect(changed.layers.map(\.activation) == [.relu, .identity])
        #expect(changed.loss == .squared)
        #expect(changed.layers.map(\.weights) == mazur.layers.map(\.weights))
        #expect(changed.layers.map(\.biases) == mazur.layers.map(\.biases))
        #expect(changed.samples == mazur.samples && changed.learningRate == mazur.learningRate)
        #expect(mazur.replacing(NetworkChanges()) == mazur)
        #expect(mazur.replacing(NetworkChanges(output: .tanh)).layers.map(\.activation) == [.sigmoid, .tanh])
    }
}
