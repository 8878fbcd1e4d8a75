import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The example data sets in `examples/`: each file decodes to what examples/README.md says it
/// holds, and the small ones train, with the commands written there, to what it promises. (Digits
/// takes about a minute and a half in a debug build full batch, so only its mini-batch command runs
/// here; the full-batch one is checked by hand, see the README.)
struct ExamplesTests {
    static let folder = TestPaths.package.appendingPathComponent("examples")

    static func network(_ name: String) throws -> Network { try decoded(folder.appendingPathComponent(name)) }

    static func decoded(_ url: URL) throws -> Network {
        let bytes = Array(try Data(contentsOf: url))
        return try Network.decode(bytes).network
    }

    /// Every `nnexplain train --network examples/NAME.json …` line of examples/README.md, by NAME
    /// (`NAME-batch` for a line with `--batch-size`).
    static func documentedCommands() throws -> [String: [String]] {
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        var commands: [String: [String]] = [:]
        for line in readme.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.starts(with: ["nnexplain", "train", "--network"]), words.count > 3,
                  words[3].hasPrefix("examples/") else { continue }
            let name = String(words[3].dropFirst("examples/".count).dropLast(".json".count))
            commands[name + (words.contains("--batch-size") ? "-batch" : "")] = Array(words.dropFirst())
        }
        return commands
    }

    /// Runs the documented command with `--save` pointed at a temporary file, then `predict` on it.
    static func trained(_ name: String) throws -> (network: Network, json: JSONValue) {
        let commands = try documentedCommands()
        var arguments = try #require(commands[name], "examples/README.md documents no train command for \(name)")
        arguments[2] = folder.appendingPathComponent(URL(fileURLWithPath: arguments[2]).lastPathComponent).path
        let save = try #require(arguments.firstIndex(of: "--save"), "the documented command saves the trained network")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-\(name)-\(UUID().uuidString).json").path
        arguments[save + 1] = path
        let training = runCLI(arguments)
        #expect(training.status == 0, "\(training.stderr)")
        let predicted = runCLI(["predict", "--network", path, "--format", "json"])
        #expect(predicted.status == 0, "\(predicted.stderr)")
        let network = try decoded(URL(fileURLWithPath: path))
        return (network, try JSONValue.parse(Array(predicted.stdout.utf8)))
    }

    /// How many samples of each class `samples` holds.
    static func perClass(_ samples: [Sample]) -> [Int: Int] {
        Dictionary(grouping: samples, by: { Classification.classOf($0.y)! }).mapValues(\.count)
    }

    @Test func everyExampleHoldsWhatTheReadmeSays() throws {
        let xor = try Self.network("xor.json")
        #expect(xor.sizes == [2, 2, 1] && xor.samples.map(\.y) == [[0], [1], [1], [0]] && xor.testSamples.isEmpty)
        #expect(xor.samples.map(\.x) == [[0, 0], [0, 1], [1, 0], [1, 1]])
        let circles = try Self.network("circles.json")
        #expect(circles.sizes == [2, 8, 1] && circles.loss == .binaryCrossEntropy)
        #expect(Self.perClass(circles.samples) == [0: 80, 1: 80] && Self.perClass(circles.testSamples) == [0: 20, 1: 20])
        let iris = try Self.network("iris.json")
        #expect(iris.sizes == [4, 8, 3] && iris.loss == .crossEntropy && iris.layers.last?.activation == .softmax)
        #expect(Self.perClass(iris.samples) == [0: 40, 1: 40, 2: 40] && Self.perClass(iris.testSamples) == [0: 10, 1: 10, 2: 10])
        // Standardised with the training samples' mean and standard deviation: each feature's mean
        // over them is 0 and its standard deviation 1, to the 4 digits the file keeps.
        for c in 0..<4 {
            let values = iris.samples.map { $0.x[c] }
            let mean = values.reduce(0, +) / 120
            #expect(abs(mean) < 1e-3)
            #expect(abs((values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 120).squareRoot() - 1) < 1e-3)
        }
        let digits = try Self.network("digits.json")
        #expect(digits.sizes == [64, 32, 10] && digits.loss == .crossEntropy && digits.samples.count == 1497)
        #expect(Self.perClass(digits.testSamples) == Dictionary(uniqueKeysWithValues: (0..<10).map { ($0, 30) }))
        let pixels = (digits.samples + digits.testSamples).flatMap(\.x)
        #expect(pixels.allSatisfy { (0...1).contains($0) && ($0 * 16).rounded() == $0 * 16 }, "every pixel is k/16")
        for network in [xor, circles, iris, digits] {
            #expect((network.samples + network.testSamples).allSatisfy { $0.y.allSatisfy { $0 == 0 || $0 == 1 } && ($0.y.count == 1 || $0.y.reduce(0, +) == 1) })
        }
    }

    @Test func xorLearnsAllFourCasesWithTheDocumentedCommand() throws {
        let (trained, json) = try Self.trained("xor")
        #expect(json["accuracy"]?.doubleValue == 1)
        // Lesson 12 reads the trained numbers from its copy of this very network.
        let lesson = try Self.decoded(TestPaths.lessons.appendingPathComponent("networks/xor-trained.json"))
        #expect(lesson == trained)
    }

    @Test func circlesAndIrisReachTheirAccuracies() throws {
        let (circlesTrained, circles) = try Self.trained("circles")
        let circlesAccuracy = try #require(circles["accuracy"]?.doubleValue)
        #expect(circlesAccuracy >= 0.95)
        #expect(try Self.decoded(TestPaths.lessons.appendingPathComponent("networks/circles-trained.json")) == circlesTrained)
        let (trained, iris) = try Self.trained("iris")
        let (train, test) = (try #require(iris["accuracy"]?.doubleValue), try #require(iris["test"]?["accuracy"]?.doubleValue))
        #expect(train >= 0.95 && test >= 0.90)
        let lesson = try Self.decoded(TestPaths.lessons.appendingPathComponent("networks/iris-trained.json"))
        #expect(lesson == trained)
    }

    /// Digits in mini-batches is quick enough for the suite (40 epochs, about 4 s in a debug build).
    @Test func digitsInMiniBatchesReachesItsAccuracies() throws {
        let (_, digits) = try Self.trained("digits-batch")
        let (train, test) = (try #require(digits["accuracy"]?.doubleValue), try #require(digits["test"]?["accuracy"]?.doubleValue))
        #expect(train >= 0.95 && test >= 0.90)
    }

    @Test func theDocumentedDigitsCommandIsFullBatchAndSaves() throws {
        let commands = try Self.documentedCommands()
        let digits = try #require(commands["digits"])
        #expect(digits.contains("--epochs") && digits.contains("--save") && !digits.contains("--batch-size"))
    }
}
