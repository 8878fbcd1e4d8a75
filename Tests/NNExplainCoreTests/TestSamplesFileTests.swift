import Foundation
import NNExplainTestSupport
import Testing
import NNExplainCore

/// A network file's held-out samples, `"test"`: read and checked as the training samples are,
/// written back by every writer, never mixed into the training samples.
@Suite struct TestSamplesFileTests {
    static let file = """
        {
          "inputs": 2,
          "layers": [ { "activation": "sigmoid", "weights": [[0.5, -0.5]], "biases": [0.25] } ],
          "loss": "binary-cross-entropy",
          "samples": [ { "x": [0, 1], "y": [1] } ],
          "test": [ { "x": [1, 0], "y": [0], "note": "kept" }, { "x": [2, 3], "y": [1] } ]
        }
        """

    func decoded(_ text: String) throws -> Network { try Network.decode(Array(text.utf8)).network }

    func message(_ text: String) -> String? {
        do { _ = try Network.decode(Array(text.utf8)); return nil } catch { return error.message }
    }

    @Test func testSamplesAreReadApartFromTheTrainingSamples() throws {
        let network = try decoded(Self.file)
        #expect(network.samples == [Sample(x: [0, 1], y: [1])])
        #expect(network.testSamples == [Sample(x: [1, 0], y: [0]), Sample(x: [2, 3], y: [1])])
        #expect(try decoded(Self.file.replacingOccurrences(of: #""test": [ { "x": [1, 0], "y": [0], "note": "kept" }, { "x": [2, 3], "y": [1] } ]"#, with: #""test": []"#)).testSamples.isEmpty)
    }

    @Test(arguments: [
        (#""x": [2, 3]"#, #""x": [2]"#, "test[1].x has 1 number, but the network has 2 inputs"),
        (#""x": [2, 3], "y": [1]"#, #""x": [2, 3], "y": [1, 0]"#, "test[1].y has 2 numbers, but the output layer has 1 node"),
        (#""x": [2, 3], "y": [1]"#, #""x": [2, 3], "y": [2]"#, "test[1].y[0] is 2, but \"loss\" is \"binary-cross-entropy\""),
        (#""test": ["#, #""test": 3, "unused": ["#, "\"test\" is a number; expected an array of samples"),
    ])
    func badTestSamplesAreNamedByTheirPlace(_ find: String, _ replace: String, _ expected: String) throws {
        let text = Self.file.replacingOccurrences(of: find, with: replace)
        #expect(text != Self.file)
        let said = try #require(message(text))
        #expect(said.hasPrefix(expected), "\(said)")
    }

    @Test func writersKeepTheTestSamples() throws {
        let network = try decoded(Self.file)
        let written = network.fileText()
        #expect(written.contains("\"test\""))
        #expect(try decoded(written) == network)
        #expect(!Network.standard.fileText().contains("\"test\""), "a network without held-out samples writes no \"test\"")
        // Rewriting the file a network came from keeps the held-out samples and their extra keys.
        let root = try Network.parseFile(Array(Self.file.utf8))
        var moved = network
        moved.layers[0].weights[0][0] = 0.75
        let rewritten = moved.fileText(updating: root)
        #expect(rewritten.contains("\"note\": \"kept\""))
        #expect(try decoded(rewritten) == moved)
        // An empty "test" is kept as it was written.
        let empty = #"{"inputs": 1, "layers": [{"activation": "sigmoid", "weights": [[1]]}], "samples": [{"x": [0], "y": [1]}], "test": []}"#
        let emptyNetwork = try decoded(empty)
        #expect(emptyNetwork.fileText(updating: try Network.parseFile(Array(empty.utf8))).contains("\"test\": []"))
    }
}
