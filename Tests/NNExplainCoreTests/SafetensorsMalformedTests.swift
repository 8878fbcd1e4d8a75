import NNExplainTestSupport
import Testing
import NNExplainCore

/// Every damaged or unsupported safetensors file is refused with the error naming the tensor, and
/// a seeded fuzz of headers and offsets never crashes.
@Suite struct SafetensorsMalformedTests {
    typealias Entry = SafetensorsFixture.Entry
    static let f32x4 = SafetensorsFixture.f32([1, 2, 3, 4])

    func error(_ fixture: SafetensorsFixture, activations: Int? = nil) -> SafetensorsError? { error(fixture.bytes, activations: activations) }

    func error(_ bytes: [UInt8], activations: Int? = nil) -> SafetensorsError? {
        do {
            let file = try Safetensors.read(bytes)
            let linear = try file.linearLayers()
            _ = try file.layers(linear, activations: Array(repeating: .sigmoid, count: activations ?? linear.count), in: bytes)
            return nil
        } catch { return error }
    }

    func header(_ text: String, data: [UInt8] = f32x4, stated: UInt64? = nil) -> SafetensorsFixture {
        SafetensorsFixture(header: text, data: data, statedLength: stated)
    }

    @Test func theContainerIsChecked() throws {
        #expect(error([1, 2, 3]) == .tooShort(count: 3))
        #expect(error(header("{}", stated: 100_000_001)) == .headerTooLong(length: 100_000_001))
        #expect(error(header("{}", stated: UInt64.max)) == .headerTooLong(length: .max))
        #expect(error(header("{}", data: [], stated: 3)) == .headerPastEnd(length: 3, available: 2))
        #expect(error(SafetensorsFixture.le(4, bytes: 8) + [0x7B, 0xFF, 0xFE, 0x7D]) == .headerNotUTF8)
        guard case .headerSyntax = try #require(error(header("{\"0.weight\":"))) else { Issue.record("not a syntax error"); return }
        #expect(error(header("[1]")) == .headerNotObject(found: .array))
        #expect(error(header(#"{"__metadata__":{"format":1}}"#)) == .metadata)
        #expect(error(header(#"{"__metadata__":[]}"#)) == .metadata)
    }

    @Test func eachTensorEntryIsChecked() {
        let good = #""dtype":"F32","shape":[2,2],"data_offsets":[0,16]"#
        #expect(error(header(#"{"0.weight":{\#(good)},"0.weight":{\#(good)}}"#)) == .duplicateTensor("0.weight"))
        // A field named twice would be read as F32 by one reader and F64 by another: refused.
        #expect(error(header(#"{"0.weight":{"dtype":"F32","dtype":"F64","shape":[2,2],"data_offsets":[0,16]}}"#))
                == .repeatedField("0.weight", field: "dtype"))
        #expect(error(header(#"{"0.weight":3}"#)) == .entry("0.weight"))
        #expect(error(header(#"{"0.weight":{"shape":[2,2],"data_offsets":[0,16]}}"#)) == .entry("0.weight"))
        #expect(error(header(#"{"0.weight":{"dtype":32,"shape":[2,2],"data_offsets":[0,16]}}"#)) == .entry("0.weight"))
        for dtype in ["I64", "BOOL", "F8_E4M3", "f32", "Q4"] {
            #expect(error(header(#"{"0.weight":{"dtype":"\#(dtype)","shape":[2,2],"data_offsets":[0,16]}}"#)) == .dtype("0.weight", dtype: dtype))
        }
        for shape in ["[-1,2]", "[2.5]", "[\"2\"]", "[4294967296,4294967296]", "[9223372036854775807,2]"] {
            #expect(error(header(#"{"0.weight":{"dtype":"F32","shape":\#(shape),"data_offsets":[0,16]}}"#)) == .shape("0.weight"))
        }
        for offsets in ["[8,4]", "[0]", "[-1,15]", "[0,16,16]", "[0,18446744073709551616]"] {
            #expect(error(header(#"{"0.weight":{"dtype":"F32","shape":[2,2],"data_offsets":\#(offsets)}}"#)) == .offsets("0.weight"))
        }
        #expect(error(header(#"{"0.weight":{\#(good)}}"#, data: Array(Self.f32x4.prefix(10))))
                == .offsetsPastEnd("0.weight", end: 16, size: 10))
        #expect(error(header(#"{"0.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,9223372036854775807]}}"#))
                == .offsetsPastEnd("0.weight", end: .max, size: 16))
        #expect(error(header(#"{"0.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,12]}}"#)) == .dataSize("0.weight", bytes: 12, expected: 16))
        #expect(error(header(#"{"0.weight":{"dtype":"F16","shape":[2,2],"data_offsets":[0,16]}}"#)) == .dataSize("0.weight", bytes: 16, expected: 8))
        #expect(error(header(#"{"0.weight":{"dtype":"F32","shape":[1,2],"data_offsets":[4,12]},"0.bias":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#))
                == .overlap("0.bias", other: "0.weight"))
    }

    @Test func theTensorsMustBeAnNNSequentialOfLinearLayers() {
        let w22 = Entry("0.weight", "F32", [2, 2], Self.f32x4)
        #expect(error(header("{}")) == .noTensors)
        #expect(error(header(#"{"__metadata__":{"format":"pt"}}"#)) == .noTensors)
        #expect(error(SafetensorsFixture([w22, Entry("0.running_mean", "F32", [2], SafetensorsFixture.f32([0, 0]))]))
                == .notALayer("0.running_mean"))
        #expect(error(SafetensorsFixture([Entry("embed.weight", "F32", [2, 2], Self.f32x4)])) == .notALayer("embed.weight"))
        #expect(error(SafetensorsFixture([Entry("model.0.weight", "F32", [2, 2], Self.f32x4), Entry("net.1.weight", "F32", [2, 2], Self.f32x4)]))
                == .prefix("net.1.weight", other: "model.0.weight"))
        #expect(error(SafetensorsFixture([Entry("0.bias", "F32", [2], SafetensorsFixture.f32([0, 0]))])) == .missingWeight("0.bias"))
        // Two spellings of one layer number: neither tensor may silently replace the other.
        #expect(error(SafetensorsFixture([w22, Entry("00.weight", "F32", [2, 2], Self.f32x4)])) == .sameLayer("00.weight", other: "0.weight"))
        #expect(error(SafetensorsFixture([w22, Entry("0.bias", "F32", [2], SafetensorsFixture.f32([0, 0])),
                                          Entry("000.bias", "F32", [2], SafetensorsFixture.f32([1, 1]))]))
                == .sameLayer("000.bias", other: "0.bias"))
        #expect(error(SafetensorsFixture([Entry("0.weight", "F32", [1, 1, 2, 2], Self.f32x4)])) == .weightRank("0.weight", rank: 4))
        #expect(error(SafetensorsFixture([Entry("0.weight", "F32", [4], Self.f32x4)])) == .weightRank("0.weight", rank: 1))
        #expect(error(SafetensorsFixture([Entry("0.weight", "F32", [0, 2], [])])) == .emptyWeight("0.weight"))
        #expect(error(SafetensorsFixture([w22, Entry("0.bias", "F32", [1, 2], SafetensorsFixture.f32([0, 0]))]))
                == .biasShape("0.bias", shape: [1, 2], rows: 2))
        #expect(error(SafetensorsFixture([w22, Entry("2.weight", "F32", [1, 2], SafetensorsFixture.f32([0, 0])),
                                          Entry("2.bias", "F32", [1], SafetensorsFixture.f32([0]))]))
                == .missingBias("0.weight", biased: "2.bias"))
        #expect(error(SafetensorsFixture([w22, Entry("1.weight", "F32", [1, 3], SafetensorsFixture.f32([0, 0, 0]))]))
                == .chain("1.weight", columns: 3, previous: "0.weight", rows: 2))
        #expect(error(SafetensorsFixture([w22]), activations: 2) == .activationCount(given: 2, layers: 1))
    }

    /// A few thousand seeded mutations of a good file's length, header text and offsets: each is
    /// read to layers or refused with an error, and never crashes or traps.
    @Test func fuzzedHeadersAndOffsetsNeverCrash() throws {
        let good = SafetensorsFixture([
            Entry("0.weight", "F32", [2, 2], Self.f32x4), Entry("0.bias", "F16", [2], SafetensorsFixture.bits16([0x3C00, 0x4000])),
            Entry("1.weight", "BF16", [1, 2], SafetensorsFixture.bits16([0x3F80, 0xC040])), Entry("1.bias", "F64", [1], SafetensorsFixture.f64([0.5])),
        ], metadata: #"{"format":"pt"}"#)
        let pieces = ["0", "1", "2", "8", "16", "-1", "9223372036854775807", "18446744073709551616", "1e3", "[", "]", "{", "}",
                      ",", "\"", ":", "null", "\"F16\"", "\"BF16\"", "\"F64\"", "\\u0000", "é", " "]
        var generator = SeededGenerator(seed: 24)
        var (read, refused) = (0, 0)
        for _ in 0..<4000 {
            var fixture = good
            var text = Array(fixture.header.unicodeScalars)
            for _ in 0..<generator.int(in: 1...3) {
                let at = generator.below(text.count + 1)
                let length = min(generator.below(4), text.count - at)
                text.replaceSubrange(at..<(at + length), with: generator.pick(pieces).unicodeScalars)
            }
            fixture.header = String(String.UnicodeScalarView(text))
            if generator.chance(0.1) { fixture.statedLength = UInt64(generator.below(fixture.header.utf8.count + 16)) }
            if generator.chance(0.1) { fixture.data.removeLast(generator.below(fixture.data.count + 1)) }
            var bytes = fixture.bytes
            if generator.chance(0.1) { bytes[generator.below(bytes.count)] = UInt8(generator.below(256)) }
            if let found = error(bytes) { _ = found; refused += 1 } else { read += 1 }
        }
        #expect(read + refused == 4000)
        #expect(read > 0 && refused > 3000)
    }
}
