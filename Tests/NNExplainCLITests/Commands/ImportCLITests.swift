import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `nnexplain import` and `nnexplain network --format safetensors` end to end: the round trip bit
/// for bit, the zero sample, and each refusal's sentence and exit code.
struct ImportCLITests {
    typealias Entry = SafetensorsFixture.Entry

    static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-import-\(UUID().uuidString)-\(name)").path
    }

    static func write(_ fixture: SafetensorsFixture) throws -> String {
        let path = scratch("model.safetensors")
        try Data(fixture.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aNetworkGoesToSafetensorsAndImportsBackBitForBit() throws {
        for random in [["--random", "3,4,2", "--seed", "5", "--activation", "tanh", "--output-activation", "softmax", "--loss", "cross-entropy"], []] {
            let model = Self.scratch("net.safetensors")
            let written = runCLI(["network", "--format", "safetensors", "--output", model] + random)
            #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
            let original = try Network.decode(Array(runCLI(["network"] + random).stdout.utf8)).network
            let activations = original.layers.map(\.activation.rawValue).joined(separator: ",")
            let imported = runCLI(["import", model, "--activations", activations, "--loss", original.loss.rawValue])
            #expect(imported.status == 0, "\(imported.stderr)")
            let network = try Network.decode(Array(imported.stdout.utf8)).network
            #expect(network.inputs == original.inputs)
            #expect(network.loss == original.loss)
            #expect(network.layers.map(\.activation) == original.layers.map(\.activation))
            #expect(network.layers.map { $0.weights.map { $0.map(\.bitPattern) } } == original.layers.map { $0.weights.map { $0.map(\.bitPattern) } })
            #expect(network.layers.map { $0.biases?.map(\.bitPattern) } == original.layers.map { $0.biases?.map(\.bitPattern) })
        }
    }

    @Test func aModelWithoutDataGetsOneSampleOfZerosAndSaysSo() throws {
        let model = try Self.write(SafetensorsFixture([
            Entry("0.weight", "BF16", [2, 3], SafetensorsFixture.bits16([0x3F80, 0xC040, 0x3F00, 0, 0x4000, 0xBF80])),
            Entry("0.bias", "F32", [2], SafetensorsFixture.f32([0.5, -0.25])),
        ]))
        let output = Self.scratch("net.json")
        let result = runCLI(["import", model, "--activations", "softmax", "--loss", "cross-entropy", "--output", output])
        #expect(result.status == 0 && result.stdout.isEmpty)
        #expect(result.stderr == "Warning: model file '\(model)' holds no data and no --data was given: the network file has one sample of zeros "
            + "(every x and y 0) so that it is valid; give --data FILE.csv, or replace \"samples\" with your own\n")
        let network = try Network.decode(Array(Data(contentsOf: URL(fileURLWithPath: output)))).network
        #expect(network.layers[0].weights == [[1, -3, 0.5], [0, 2, -1]])
        #expect(network.layers[0].biases == [0.5, -0.25])
        #expect(network.samples == [Sample(x: [0, 0, 0], y: [0, 0])])
        // Every command explains it.
        #expect(runCLI(["step", "--network", output, "--layer", "1", "--j", "0", "--k", "1"]).status == 0)
    }

    @Test func aModelWithDataGetsTheCSVRowsAsSamples() throws {
        // w = [[1, −3, 0.5], [0, 2, −1]] (BF16), b = [0.5, −0.25]; three inputs, two classes.
        let model = try Self.write(SafetensorsFixture([
            Entry("0.weight", "BF16", [2, 3], SafetensorsFixture.bits16([0x3F80, 0xC040, 0x3F00, 0, 0x4000, 0xBF80])),
            Entry("0.bias", "F32", [2], SafetensorsFixture.f32([0.5, -0.25])),
        ]))
        let csv = Self.scratch("data.csv")
        try "a,b,c,kind\n1,2,3,cat\n-1,0.5,0,dog\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let result = runCLI(["import", model, "--activations", "softmax", "--loss", "cross-entropy", "--data", csv, "--label-column", "kind"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let network = try Network.decode(Array(result.stdout.utf8)).network
        #expect(network.samples == [Sample(x: [1, 2, 3], y: [1, 0]), Sample(x: [-1, 0.5, 0], y: [0, 1])])
        #expect(network.layers[0].weights == [[1, -3, 0.5], [0, 2, -1]])
        // Data that does not fit the model is refused by the data file's sentence.
        let wide = Self.scratch("wide.csv")
        try "a,b,kind\n1,2,cat\n".write(toFile: wide, atomically: true, encoding: .utf8)
        let refused = runCLI(["import", model, "--activations", "softmax", "--loss", "cross-entropy", "--data", wide, "--label-column", "kind"])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("Error: data file '\(wide)': it has 2 input columns"))
    }

    @Test func networkWritesItsJSONToOutputAsToStandardOutput() throws {
        let file = Self.scratch("net.json")
        let written = runCLI(["network", "--random", "2,3,1", "--output", file])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == runCLI(["network", "--random", "2,3,1"]).stdout)
    }

    @Test func safetensorsIsNeverWrittenToStandardOutput() {
        let result = runCLI(["network", "--format", "safetensors"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: safetensors is a binary format, never written to a terminal or a pipe; "
            + "give --output FILE, e.g. --output model.safetensors\n"))
    }

    @Test func theCommandLineIsChecked() throws {
        let fixture = SafetensorsFixture([Entry("0.weight", "F64", [1, 2], SafetensorsFixture.f64([1, 2]))])
        let model = try Self.write(fixture)
        func error(_ arguments: [String]) -> (Int32, String) {
            let result = runCLI(arguments)
            return (result.status, String(result.stderr.split(separator: "\n").first ?? ""))
        }
        #expect(error(["import", "--activations", "relu"]) == (64, "Error: missing MODEL.safetensors; give the model file, "
            + "e.g. nnexplain import model.safetensors --activations sigmoid,softmax"))
        #expect(error(["import", model]) == (64, "Error: missing --activations; a state_dict names no activation: "
            + "give one per linear layer, e.g. --activations sigmoid,softmax"))
        #expect(error(["import", model, "--activations", "relu,relu"])
                == (64, "Error: --activations: 2 activations were named, but the file holds 1 layer; name one per layer"))
        #expect(error(["import", model, "--activations", "gelu"]).1.hasPrefix("Error: unknown activation 'gelu'; use one of sigmoid"))
        #expect(error(["import", model, "--activations", "identity", "--loss", "binary-cross-entropy"]).1
                .hasPrefix("Error: --activations and --loss do not fit: "))
        #expect(error(["import", model, "--activations", "relu", "--output", model]) == (64, "Error: --output names the model file "
            + "'\(model)' itself, which would be replaced by the network file; give another file name"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == Data(fixture.bytes))
        // Nor the data: --output naming a --data or --test-data file would replace the CSV with the network file.
        let csv = Self.scratch("data.csv"), rows = "a,b,t\n1,2,0\n"
        try rows.write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(error(["import", model, "--activations", "relu", "--data", csv, "--target-columns", "t", "--output", csv])
                == (64, "Error: --output names the --data file '\(csv)' itself, which would be replaced; give another file name"))
        let spelled = (csv as NSString).deletingLastPathComponent + "/./" + (csv as NSString).lastPathComponent
        #expect(error(["network", "--random", "2,1", "--test-data", csv, "--target-columns", "t", "--output", spelled])
                == (64, "Error: --output names the --test-data file '\(csv)' itself, which would be replaced; give another file name"))
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == rows)
        // The weights alone never replace the network file they come from.
        let json = Self.scratch("net.json"), text = runCLI(["network"]).stdout
        try text.write(toFile: json, atomically: true, encoding: .utf8)
        #expect(error(["network", "--network", json, "--format", "safetensors", "--output", json]) == (64, "Error: --output names the network file "
            + "'\(json)' itself, which the weights alone (no activations, loss or samples) would replace; give another file name, e.g. model.safetensors"))
        #expect(try String(contentsOfFile: json, encoding: .utf8) == text)
        // A network whose layers have biases and not is not written as a model import would refuse.
        let mixed = text.replacingOccurrences(of: "\"activation\": \"sigmoid\",", with: "\"activation\": \"sigmoid\", \"biases\": [0.5, 0.5, 0.5],", options: [], range: text.range(of: "\"activation\": \"sigmoid\","))
        try mixed.write(toFile: json, atomically: true, encoding: .utf8)
        let weights = Self.scratch("mixed.safetensors")
        #expect(error(["network", "--network", json, "--format", "safetensors", "--output", weights]) == (64, "Error: layer 2 has no biases "
            + "but layer 1 has, and 'nnexplain import' reads a model whose layers all have biases or none; give every layer biases (0 where it has none) or none"))
        #expect(!FileManager.default.fileExists(atPath: weights))
        // A hidden softmax is the activations' fault alone, not a misfit with the (default) loss.
        let twoLayers = try Self.write(SafetensorsFixture([Entry("0.weight", "F64", [2, 2], SafetensorsFixture.f64([1, 2, 3, 4])),
                                                           Entry("1.weight", "F64", [1, 2], SafetensorsFixture.f64([1, 2]))]))
        let hidden = error(["import", twoLayers, "--activations", "softmax,sigmoid"])
        #expect(hidden.0 == 64)
        #expect(hidden.1.hasPrefix("Error: --activations: layer 1 of 2 is a hidden layer: softmax is for the output layer only"), "\(hidden.1)")
        // A model too big to read is a model file, not a network file (sparse: no disk space, no time).
        let huge = Self.scratch("huge.safetensors")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 300_000_000)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: huge) }
        #expect(error(["import", huge, "--activations", "relu"]) == (66, "Error: cannot read model file '\(huge)': it holds 300000000 bytes, "
            + "more than the \(256 << 20) bytes (256 MiB) a model file may hold; use a smaller file"))
        #expect(error(["import", model + ".missing", "--activations", "relu"])
                == (66, "Error: cannot read model file '\(model).missing': no such file; check the path"))
    }

    /// Each refusal of a model file: exit 65 and the sentence naming the tensor.
    @Test func aBadModelFileIsOneSentenceNamingTheTensor() throws {
        let w = Entry("0.weight", "F32", [2, 2], SafetensorsFixture.f32([1, 2, 3, 4]))
        var truncated = SafetensorsFixture([w])
        truncated.data.removeLast(3)
        let cases: [(SafetensorsFixture, String)] = [
            (SafetensorsFixture(header: "{}", data: [], statedLength: 200_000_000),
             "the header is said to be 200000000 bytes long, more than the 100000000 bytes a safetensors header may have; the file is damaged or not a safetensors file"),
            (SafetensorsFixture(header: "{}", data: [], statedLength: 40),
             "the header is said to be 40 bytes long, but only 2 bytes follow its length; the file is truncated"),
            (truncated, "tensor \"0.weight\" ends at byte 16 of the data, but the data has only 13 bytes; the file is truncated"),
            (SafetensorsFixture([Entry("0.weight", "F32", [2, 1, 1, 2], SafetensorsFixture.f32([1, 2, 3, 4]))]),
             "tensor \"0.weight\" has 4 dimensions, but an nn.Linear weight has 2 (out × in); import reads linear layers only, not convolutions"),
            (SafetensorsFixture([w, Entry("1.weight", "F32", [1, 3], SafetensorsFixture.f32([1, 2, 3]))]),
             "tensor \"1.weight\" has 3 columns (inputs), but the layer before, \"0.weight\", has 2 rows (outputs); the shapes do not chain"),
            (SafetensorsFixture([w, Entry("0.bias", "F32", [2], SafetensorsFixture.f32([0, 0])), Entry("1.weight", "F32", [1, 2], SafetensorsFixture.f32([1, 2]))]),
             "the layer of tensor \"1.weight\" has no bias, but tensor \"0.bias\" shows that the others have; either every layer has a bias or none has"),
            (SafetensorsFixture([Entry("0.weight", "I64", [1, 1], SafetensorsFixture.le(7, bytes: 8))]),
             "tensor \"0.weight\" has dtype \"I64\"; import reads F64, F32, F16 and BF16 numbers only"),
            (SafetensorsFixture(header: #"{"0.weight":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]},"1.weight":{"dtype":"F32","shape":[1,1],"data_offsets":[4,8]}}"#,
                                data: SafetensorsFixture.f32([1, 2])),
             "the bytes of tensor \"1.weight\" overlap those of tensor \"0.weight\"; each tensor needs bytes of its own"),
            (SafetensorsFixture([Entry("0.weight", "F16", [1, 2], SafetensorsFixture.bits16([0x3C00, 0xFC00]))]),
             "number 1 of tensor \"0.weight\" (counting from 0, row by row) is infinite or not a number; a network's weights must be finite"),
        ]
        for (fixture, sentence) in cases {
            let model = try Self.write(fixture)
            let layers = fixture.header.components(separatedBy: ".weight").count - 1
            let result = runCLI(["import", model, "--activations", Array(repeating: "relu", count: max(1, layers)).joined(separator: ",")])
            #expect(result.status == 65 && result.stdout.isEmpty)
            #expect(result.stderr == "Error: model file '\(model)': \(sentence)\n")
        }
    }
}
