import NNExplain
import Testing

/// Every sentence of a safetensors refusal: one line, no final full stop, the tensor named in quotes
/// wherever the error is about one tensor.
struct SafetensorsMessageTests {
    static let named: [SafetensorsError] = [
        .duplicateTensor("t"), .entry("t"), .dtype("t", dtype: "I8"), .shape("t"), .offsets("t"), .offsetsPastEnd("t", end: 9, size: 8),
        .overlap("t", other: "u"), .dataSize("t", bytes: 4, expected: 8), .nonFinite("t", index: 3), .notALayer("t"), .prefix("t", other: "u"), .sameLayer("t", other: "u"), .repeatedField("t", field: "dtype"),
        .missingWeight("t"), .weightRank("t", rank: 3), .emptyWeight("t"), .biasShape("t", shape: [2, 1], rows: 2),
        .missingBias("t", biased: "u"), .chain("t", columns: 3, previous: "u", rows: 2),
    ]
    static let container: [SafetensorsError] = [
        .tooShort(count: 1), .headerTooLong(length: 1 << 40), .headerPastEnd(length: 9, available: 2), .headerNotUTF8,
        .headerNotObject(found: .array), .metadata, .noTensors, .activationCount(given: 1, layers: 2),
    ]

    @Test func everySentenceIsOneLineNamingItsTensor() {
        for error in Self.named + Self.container {
            #expect(!error.message.contains("\n") && !error.message.hasSuffix(".") && !error.message.isEmpty, "\(error)")
        }
        for error in Self.named { #expect(error.message.contains("\"t\""), "\(error.message)") }
        #expect(SafetensorsError.missingWeight("model.3.bias").message
                == "tensor \"model.3.bias\" is a bias without a weight: its layer has no tensor \"model.3.weight\"")
        #expect(SafetensorsError.dataSize("0.bias", bytes: 4, expected: 8).message
                == "tensor \"0.bias\" has 4 bytes of data, but its shape and dtype need 8 bytes")
    }
}
