import NNExplainTestSupport
import Testing
import NNExplainCore

/// Reading safetensors files written by the test from the format's specification
/// (``SafetensorsFixture``): every dtype converted exactly, the layer rules, and the round trip.
@Suite struct SafetensorsReaderTests {
    typealias Entry = SafetensorsFixture.Entry

    /// A 2-3-1 model in BF16, F16, F32 and F64, with gaps in N (as nn.Sequential numbers the
    /// activation modules between the linear ones) and a common prefix.
    static let mixed = SafetensorsFixture([
        Entry("model.0.weight", "BF16", [2, 2], SafetensorsFixture.bits16([0x3F80, 0xC040, 0x0001, 0x7F7F])),
        Entry("model.0.bias", "F16", [2], SafetensorsFixture.bits16([0x3C00, 0x0001])),
        Entry("model.2.weight", "F32", [3, 2],
              SafetensorsFixture.bits32([0x3DCC_CCCD, 0x8000_0001, 0x7F7F_FFFF, 0x0080_0000, 0xC049_0FDB, 0x3F80_0001])),
        Entry("model.2.bias", "F64", [3], SafetensorsFixture.f64([0.1, -0.0, 0x1p-1074])),
        Entry("model.10.weight", "F16", [1, 3], SafetensorsFixture.bits16([0x7BFF, 0x03FF, 0xC000])),
        Entry("model.10.bias", "F16", [1], SafetensorsFixture.bits16([0x3555])),
    ], metadata: #"{"format":"pt"}"#)

    /// The file's layers with activations, or the error.
    func imported(_ fixture: SafetensorsFixture, _ activations: [Activation]? = nil) throws(SafetensorsError) -> (inputs: Int, layers: [Layer]) {
        let bytes = fixture.bytes
        let file = try Safetensors.read(bytes)
        let linear = try file.linearLayers()
        return try file.layers(linear, activations: activations ?? Array(repeating: .sigmoid, count: linear.count), in: bytes)
    }

    func error(_ fixture: SafetensorsFixture, _ activations: [Activation]? = nil) -> SafetensorsError? {
        do { _ = try imported(fixture, activations); return nil } catch { return error }
    }

    @Test func everyDtypeConvertsExactlyToDouble() throws {
        let (inputs, layers) = try imported(Self.mixed, [.relu, .tanh, .sigmoid])
        #expect(inputs == 2)
        #expect(layers.map(\.activation) == [.relu, .tanh, .sigmoid])
        // BF16: 0x3F80 = 1, 0xC040 = −3, 0x0001 = 2^−133 (subnormal), 0x7F7F = 255·2^120 (its largest).
        #expect(layers[0].weights == [[1, -3], [0x1p-133, 255 * 0x1p120]])
        // F16: 0x3C00 = 1, 0x0001 = 2^−24 (smallest subnormal).
        #expect(layers[0].biases == [1, 0x1p-24])
        // F32: 0x3DCCCCCD = 0.100000001490116119384765625, 0x80000001 = −2^−149, 0x7F7FFFFF = (2 − 2^−23)·2^127,
        // 0x00800000 = 2^−126, 0xC0490FDB = −3.1415927410125732421875, 0x3F800001 = 1 + 2^−23.
        #expect(layers[1].weights == [[0.100000001490116119384765625, -0x1p-149], [(2 - 0x1p-23) * 0x1p127, 0x1p-126],
                                      [-3.1415927410125732421875, 1 + 0x1p-23]])
        let biases = try #require(layers[1].biases)
        #expect(biases.map(\.bitPattern) == [0.1, -0.0, 0x1p-1074].map(\.bitPattern))
        // F16: 0x7BFF = 65504 (largest), 0x03FF = 1023·2^−24 (largest subnormal), 0xC000 = −2, 0x3555 = 1365/4096.
        #expect(layers[2].weights == [[65504, 1023 * 0x1p-24, -2]])
        #expect(layers[2].biases == [1365.0 / 4096])
    }

    @Test func layersGoInNumericOrderAndNeedNoBiases() throws {
        // Sorted as text, "10" would come before "9"; the shapes chain only in numeric order.
        let fixture = SafetensorsFixture([
            Entry("10.weight", "F64", [1, 3], SafetensorsFixture.f64([7, 8, 9])),
            Entry("9.weight", "F64", [3, 1], SafetensorsFixture.f64([4, 5, 6])),
        ])
        let (inputs, layers) = try imported(fixture)
        #expect(inputs == 1)
        #expect(layers.map(\.weights) == [[[4], [5], [6]], [[7, 8, 9]]])
        #expect(layers.allSatisfy { $0.biases == nil })
    }

    @Test func aNetworkGoesToSafetensorsAndBackBitForBit() throws {
        var network = Network.standard
        network.layers[0].weights[0][1] = 0x1p-1074
        network.layers[0].weights[1][0] = -0.0
        let noBiases = Network(inputs: 3, layers: [Layer(activation: .tanh, weights: [[.pi, -1e300, 1.0 / 3]], biases: nil)],
                               samples: [Sample(x: [0, 0, 0], y: [0])])
        for original in [network, noBiases] {
            let bytes = original.safetensorsBytes()
            let file = try Safetensors.read(bytes)
            #expect(file.bufferStart % 8 == 0)
            #expect(file.tensors.allSatisfy { $0.dtype == .f64 })
            let (inputs, layers) = try file.layers(file.linearLayers(), activations: original.layers.map(\.activation), in: bytes)
            #expect(inputs == original.inputs)
            #expect(layers.map { $0.weights.map { $0.map(\.bitPattern) } } == original.layers.map { $0.weights.map { $0.map(\.bitPattern) } })
            #expect(layers.map { $0.biases?.map(\.bitPattern) } == original.layers.map { $0.biases?.map(\.bitPattern) })
        }
    }

    @Test func aNonFiniteNumberIsRefusedByItsPlace() {
        #expect(error(SafetensorsFixture([Entry("0.weight", "F16", [1, 2], SafetensorsFixture.bits16([0x3C00, 0x7C00]))]))
                == .nonFinite("0.weight", index: 1))
        #expect(error(SafetensorsFixture([Entry("0.weight", "BF16", [1, 1], SafetensorsFixture.bits16([0x7FC0]))]))
                == .nonFinite("0.weight", index: 0))
        #expect(error(SafetensorsFixture([Entry("0.weight", "F32", [1, 1], SafetensorsFixture.f32([-.infinity]))]))
                == .nonFinite("0.weight", index: 0))
        #expect(error(SafetensorsFixture([Entry("0.weight", "F64", [1, 1], SafetensorsFixture.f64([.nan]))]))
                == .nonFinite("0.weight", index: 0))
    }
}
