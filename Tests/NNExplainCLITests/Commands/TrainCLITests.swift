import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
// @testable: writes expected numbers with the library's own NumberText, internal.
@testable import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `train --batch-size` and the held-out samples' loss beside the training loss: in the table, the
/// JSON, the curve and the SVG plot. The numbers themselves are proven in ``MiniBatchTests``; here
/// the command is checked to print those numbers, and only where it should.
struct TrainCLITests {
    /// A 2-2-1 network with five training samples and two held out.
    static let file = """
        {
          "inputs": 2,
          "layers": [
            { "activation": "sigmoid", "weights": [[0.3, -0.6], [0.8, 0.1]], "biases": [0.05, -0.2] },
            { "activation": "sigmoid", "weights": [[-0.7, 0.9]], "biases": [0.15] }
          ],
          "learningRate": 0.8,
          "samples": [ { "x": [0, 0], "y": [0] }, { "x": [0, 1], "y": [1] }, { "x": [1, 0], "y": [1] },
                       { "x": [1, 1], "y": [0] }, { "x": [0.5, 0.25], "y": [1] } ],
          "test": [ { "x": [0.2, 0.9], "y": [1] }, { "x": [0.9, 0.8], "y": [0] } ]
        }
        """

    /// Runs `body` with the network file written to a fresh folder.
    func withFile(_ body: (_ folder: URL, _ network: String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("train-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let network = folder.appendingPathComponent("net.json")
        try Self.file.write(to: network, atomically: true, encoding: .utf8)
        try body(folder, network.path)
    }

    func numbers(_ value: JSONValue?) -> [Double]? {
        guard case .array(let items)? = value else { return nil }
        return items.compactMap(\.doubleValue)
    }

    @Test func testLossesArePrintedBesideTheLossesInJSONAndText() throws {
        try withFile { folder, network in
            let parsed = try Network.decode(Array(Self.file.utf8)).network
            let expected = try parsed.trained(epochs: 4, batchSize: 2, shuffleSeed: 3)
            let json = runCLI(["train", "--network", network, "--epochs", "4", "--batch-size", "2", "--shuffle-seed", "3", "--format", "json"])
            #expect(json.status == 0)
            let value = try JSONValue.parse(Array(json.stdout.utf8))
            #expect(numbers(value["losses"]) == expected.losses)
            #expect(numbers(value["testLosses"]) == expected.testLosses)
            #expect(expected.testLosses.count == 5)

            let text = runCLI(["train", "--network", network, "--epochs", "4", "--batch-size", "2", "--shuffle-seed", "3", "--every", "2"])
            #expect(text.status == 0)
            #expect(text.stdout.contains("mini-batch gradient descent (batches of 2)"))
            #expect(text.stdout.contains("cuts them into 3 batches, 2 of 2 and the last of 1"))
            let header = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("  epoch") })
            #expect(header.contains("test loss"))
            for epoch in [0, 2, 4] {
                let row = "\(epoch)   " + NumberText.significant(expected.losses[epoch], precision: 9) + "   "
                    + NumberText.significant(expected.testLosses[epoch], precision: 9)
                #expect(text.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == row }, "\(row)")
            }
            #expect(text.stdout.contains("Test loss curve, epoch 0 to 4: "))

            // A plot with both curves and a legend.
            let plot = folder.appendingPathComponent("loss.svg").path
            #expect(runCLI(["train", "--network", network, "--epochs", "4", "--plot", plot]).status == 0)
            let document = try XMLDocument(xmlString: try String(contentsOfFile: plot, encoding: .utf8))
            #expect(try document.nodes(forXPath: "//*[local-name()='polyline'][@class='loss']").count == 1)
            let test = try document.nodes(forXPath: "//*[local-name()='polyline'][@class='test-loss']")
            #expect(test.count == 1)
            let points = (test.first as? XMLElement)?.attributes?.first { $0.name == "points" }?.stringValue ?? ""
            #expect(points.split(separator: " ").count == 5)
            let legend = try document.nodes(forXPath: "//*[local-name()='g'][@class='legend']//*[local-name()='text']").compactMap(\.stringValue)
            #expect(legend == ["training loss", "test loss"])
        }
    }

    /// `--save` and `--plot` that name one file in two spellings (`./`, a link, a hard link) are
    /// refused before training, so the network is never replaced by the picture.
    @Test func saveAndPlotNamingOneFileInTwoSpellingsAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("same-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let net = folder.appendingPathComponent("n.json").path
        let link = folder.appendingPathComponent("link.json").path
        let spellings = [(net, folder.path + "/./n.json"), (net, folder.path + "/../" + folder.lastPathComponent + "/n.json")]
        for (save, plot) in spellings {
            let result = runCLI(["train", "--epochs", "1", "--save", save, "--plot", plot])
            #expect(result.status == 64 && result.stderr.contains("--save and --plot name the same file"), "\(save) \(plot): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: net), "nothing is written")
        }
        try Data("{}".utf8).write(to: URL(fileURLWithPath: net))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: net)
        let linked = runCLI(["train", "--epochs", "1", "--save", net, "--plot", link])
        #expect(linked.status == 64, "\(linked.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: net)) == Data("{}".utf8), "the file is left as it was")
        let dangling = folder.appendingPathComponent("dangling.json").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "later.json")
        let throughLink = runCLI(["train", "--epochs", "1", "--save", folder.appendingPathComponent("later.json").path, "--plot", dangling])
        #expect(throughLink.status == 64, "a dangling link and the file it will make: \(throughLink.stderr)")
        let apart = runCLI(["train", "--epochs", "1", "--save", net, "--plot", folder.appendingPathComponent("curve.svg").path])
        #expect(apart.status == 0, "two different files are fine: \(apart.stderr)")
    }

    @Test func withoutTestSamplesNothingAboutThemIsPrinted() {
        let json = runCLI(["train", "--epochs", "2", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"losses\"") && !json.stdout.contains("testLosses"))
        let text = runCLI(["train", "--epochs", "2"])
        #expect(!text.stdout.contains("test loss") && !text.stdout.contains("Test loss"))
    }

    @Test func aBatchOfAllTheSamplesPrintsTheFullBatchLosses() throws {
        let full = runCLI(["train", "--random", "3,4,2", "--samples", "20", "--epochs", "5", "--format", "json"])
        for size in ["20", "64"] {
            let batch = runCLI(["train", "--random", "3,4,2", "--samples", "20", "--epochs", "5", "--batch-size", size, "--format", "json"])
            #expect(batch.status == 0 && batch.stdout == full.stdout)
        }
        let text = runCLI(["train", "--random", "3,4,2", "--samples", "20", "--epochs", "5", "--batch-size", "64"])
        #expect(text.stdout.contains("full-batch gradient descent"))
        #expect(text.stdout.contains("batches of 64 take all 20 samples at once, so this is full batch"))
        let mini = runCLI(["train", "--random", "3,4,2", "--samples", "20", "--epochs", "5", "--batch-size", "19", "--format", "json"])
        #expect(mini.status == 0 && mini.stdout != full.stdout)
    }

    @Test func aDivergingBatchIsOneSentenceAndExitOne() {
        let network = """
            {"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e-160]]}], "learningRate": 1,
             "samples": [{"x": [1], "y": [1e100]}, {"x": [1e150], "y": [0]}]}
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diverge-\(UUID()).json")
        try? network.write(to: folder, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runCLI(["train", "--network", folder.path, "--epochs", "3", "--batch-size", "1", "--shuffle-seed", "0"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: training diverged: the loss of a batch became infinite in epoch 1; try a smaller --learning-rate"))
    }

    /// A 1-1 identity network, w = 1, trained on x 1, y 100 (one step: w = 20.8) with the test sample `x`.
    static func heldOut(_ x: String) -> String {
        """
        {"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "learningRate": 0.1,
         "samples": [{"x": [1], "y": [100]}], "test": [{"x": [\(x)], "y": [0]}]}
        """
    }

    @Test func aTestSampleThatOverflowsIsOneSentenceAndNothingWritten() throws {
        // (1e200)² overflows before training; (20.8 · 1e153)² only after the first step.
        for (x, message) in [("1e200", "Error: the computation overflowed: C_0 of test sample 0 (layer L (l = 1), node 0) is infinite;"),
                             ("1e153", "Error: training stopped: the test loss, over the held-out samples, became infinite after 1 epoch, "
                                + "while the training loss stayed finite; scale down the test samples' inputs, or try a smaller --learning-rate")] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("held-\(UUID())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let network = folder.appendingPathComponent("net.json").path
            try Self.heldOut(x).write(toFile: network, atomically: true, encoding: .utf8)
            let saved = folder.appendingPathComponent("saved.json").path
            for extra in [[], ["--batch-size", "1"], ["--format", "json"]] {
                let result = runCLI(["train", "--network", network, "--epochs", "3", "--save", saved] + extra)
                #expect(result.status == 1 && result.stdout.isEmpty, "\(x) \(extra)")
                #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
                #expect(!FileManager.default.fileExists(atPath: saved))
            }
        }
    }
}
