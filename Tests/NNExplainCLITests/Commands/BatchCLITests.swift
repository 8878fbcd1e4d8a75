import Foundation
import NNExplain
import NNExplainCore
import NNExplainTestSupport
import Testing

/// `--batch LIST` on the command line: how the list reads, what it may not be combined with, and
/// that a batch of every sample prints what the full batch prints.
struct BatchCLITests {
    static let random = ["--random", "2,3,2", "--samples", "6", "--seed", "3"]
    static let weight = ["--layer", "L", "--j", "0", "--k", "1"]

    /// The output read by the tool's own JSON reader, which reads every number back to its bits.
    static func json(_ arguments: [String]) throws -> JSONValue {
        let result = runCLI(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONValue.parse(Array(result.stdout.utf8))
    }

    @Test(arguments: [
        ("0,3,3", "sample 3 is in --batch 0,3,3 twice; a batch holds each sample once"),
        ("0-3,2", "sample 2 is in --batch 0-3,2 twice; a batch holds each sample once"),
        ("0,6", "there is no sample 6 (in --batch 0,6): the network has 6 samples, so each must be 0…5"),
        ("-1", "there is no sample -1 (in --batch -1): the network has 6 samples, so each must be 0…5"),
        ("4-1", "the range 4-1 in --batch runs backwards; write 1-4"),
        ("0,,1", "--batch 0,,1 has an empty item; give sample numbers or ranges separated by commas, e.g. --batch 0,3,5 or --batch 0-3,7"),
        ("", "--batch is empty; give sample numbers or ranges separated by commas, e.g. --batch 0,3,5 or --batch 0-3,7"),
        ("two", "'two' in --batch is not a sample number or a range; give sample numbers or ranges separated by commas, e.g. --batch 0,3,5 or --batch 0-3,7"),
        ("99999999999999999999", "99999999999999999999 in --batch is far too large: the network has 6 samples, so each must be 0…5"),
    ])
    func aBadListIsAUsageErrorThatSaysWhy(_ list: String, _ message: String) {
        for command in [["step"] + Self.weight, ["update"], ["gradients"]] {
            let result = runCLI(command + Self.random + ["--batch", list])
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("Error: \(message)\n"), "\(result.stderr)")
        }
    }

    @Test(arguments: [
        (["--sample", "1"], "--sample and --batch cannot be used together; give one of them"),
        (["--average"], "--average and --batch cannot be used together; give one of them"),
        (["--average", "--sample", "1"], "--sample, --average and --batch cannot be used together; give one of them"),
    ])
    func stepTakesOneOfSampleAverageAndBatch(_ extra: [String], _ message: String) {
        let result = runCLI(["step"] + Self.weight + Self.random + ["--batch", "0,3"] + extra)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: \(message)\n"))
    }

    @Test func theOutputFirstOrderTakesNoBatch() {
        let result = runCLI(["update"] + Self.random + ["--batch", "0", "--update-order", "output-first"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --batch and --update-order output-first cannot be used together;"))
    }

    @Test func rangesAndSingleSamplesMixInTheOrderGiven() throws {
        let step = try Self.json(["step"] + Self.weight + Self.random + ["--batch", "4, 0-2 ,5", "--format", "json"])
        #expect(step["batch"] == .array([4, 0, 1, 2, 5].map(JSONValue.integer)))
    }

    /// `--batch 0-5` on six samples prints `--average`'s numbers to the last bit, and `update` and
    /// `gradients` print the full-batch step and gradients byte for byte (but for the batch's key).
    @Test func theBatchOfEverySamplePrintsTheFullBatch() throws {
        let batch = try Self.json(["step"] + Self.weight + Self.random + ["--batch", "0-5", "--format", "json"])
        let average = try Self.json(["step"] + Self.weight + Self.random + ["--average", "--format", "json"])
        #expect(batch["value"] != nil && batch["value"] == average["value"])
        #expect(batch["average"]?["samples"] != nil && batch["average"]?["samples"] == average["average"]?["samples"])
        #expect(batch["average"]?["allSamples"]?["value"] == average["value"])
        #expect(runCLI(["update"] + Self.random + ["--batch", "0-5", "--format", "json"]).stdout
            == runCLI(["update"] + Self.random + ["--format", "json"]).stdout)
        let gradients = runCLI(["gradients"] + Self.random + ["--batch", "0-5", "--format", "json"]).stdout
        #expect(gradients.replacingOccurrences(of: "  \"batch\": [0, 1, 2, 3, 4, 5],\n", with: "")
            == runCLI(["gradients"] + Self.random + ["--format", "json"]).stdout)
        let text = runCLI(["step"] + Self.weight + Self.random + ["--batch", "0-5"]).stdout
        #expect(text.contains("This batch holds all 6 samples, so C_B is C and this is the full-batch gradient ∂C/∂w_01^L."))
    }

    /// The mean a batch explanation compares with is `--average`'s, and the network `update --batch
    /// --format json` prints is the batch step's, every sample kept, so steps chain.
    @Test func aBatchStepPrintsTheNetworkAfterIt() throws {
        let network = try Network.decode(Array(runCLI(["network"] + Self.random).stdout.utf8)).network
        let printed = runCLI(["update"] + Self.random + ["--batch", "0,3,5", "--format", "json"])
        #expect(printed.status == 0)
        let after = try Network.decode(Array(printed.stdout.utf8)).network
        #expect(try after == network.updateStep(batch: [0, 3, 5]).after)
        #expect(after.samples == network.samples)
        let step = try Self.json(["step"] + Self.weight + Self.random + ["--batch", "0,3,5", "--format", "json"])
        let average = try Self.json(["step"] + Self.weight + Self.random + ["--average", "--format", "json"])
        #expect(step["average"]?["allSamples"]?["value"] == average["value"])
        #expect(try step["value"]?.doubleValue == network.batch([0, 3, 5]).gradients().layers[1].weights[0][1])
        #expect(step["symbol"] == .string("∂C_B/∂w_01^L"))
    }

    /// A sample outside the batch that overflows leaves the batch's gradient alone; `update` prints
    /// the loss over all samples too, so there it is an error naming that sample.
    @Test func anOverflowOutsideTheBatch() throws {
        // C_1 = (1e200)² and ∂C_1/∂w = 2 · 1e200 · 1e200 overflow; sample 0 is small.
        let json = #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "samples": [{"x": [0.5], "y": [0]}, {"x": [1e200], "y": [0]}]}"#
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("batch-overflow-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let step = runCLI(["step", "--network", file.path, "--layer", "L", "--j", "0", "--k", "0", "--batch", "0"])
        #expect(step.status == 0)
        #expect(!step.stdout.contains("inf") && !step.stdout.contains("nan") && !step.stdout.contains("Over all"))
        #expect(runCLI(["gradients", "--network", file.path, "--batch", "0"]).status == 0)
        for command in [["update", "--batch", "0"], ["step", "--layer", "L", "--j", "0", "--k", "0", "--batch", "1"], ["gradients", "--batch", "1"]] {
            let result = runCLI(command + ["--network", file.path])
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("of sample 1"), "\(command): \(result.stderr)")
        }
    }
}
