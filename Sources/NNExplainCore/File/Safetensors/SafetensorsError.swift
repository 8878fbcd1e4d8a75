/// Why a safetensors file cannot become a network, as a value a caller can switch on: which
/// tensor (by its name in the header) and what is wrong. The sentence of each case lives in the
/// NNExplain library (`message`), not here.
public enum SafetensorsError: Error, Equatable, Sendable {
    // MARK: The container

    /// The file has `count` bytes, fewer than the 8 of the header's length.
    case tooShort(count: Int)
    /// The header's stated length is above ``Safetensors/headerLimit``.
    case headerTooLong(length: UInt64)
    /// The header's stated length runs past the end of the file, which has `available` bytes after the 8.
    case headerPastEnd(length: UInt64, available: Int)
    /// The header is not UTF-8.
    case headerNotUTF8
    /// The header is not valid JSON.
    case headerSyntax(JSONParseError)
    /// The header is not a JSON object.
    case headerNotObject(found: JSONValue.Kind)
    /// `"__metadata__"` is not an object of strings.
    case metadata
    /// A tensor's name appears twice in the header.
    case duplicateTensor(String)
    /// The tensor's entry is not an object with `dtype`, `shape` and `data_offsets`.
    case entry(String)
    /// The tensor's entry names `field` twice (`"dtype": "F32", "dtype": "F64"`), which readers
    /// would resolve differently.
    case repeatedField(String, field: String)
    /// The tensor's dtype is `dtype`, one this tool does not read (integers, booleans, 8-bit floats, or unknown).
    case dtype(String, dtype: String)
    /// The tensor's `shape` is not an array of whole numbers ≥ 0 whose product is a sane size.
    case shape(String)
    /// The tensor's `data_offsets` is not two whole numbers `[begin, end]` with `0 ≤ begin ≤ end`.
    case offsets(String)
    /// The tensor's data ends at `end`, past the data buffer's `size` bytes.
    case offsetsPastEnd(String, end: Int, size: Int)
    /// The tensor's bytes overlap those of `other`.
    case overlap(String, other: String)
    /// The tensor holds `bytes` bytes, not the `expected` its shape and dtype need.
    case dataSize(String, bytes: Int, expected: Int)
    /// Element `index` (counted in storage order) of the tensor is infinite or not a number.
    case nonFinite(String, index: Int)

    // MARK: The model

    /// The tensor is not a layer's `N.weight` or `N.bias`.
    case notALayer(String)
    /// The tensor's name has a different prefix from `other`'s (`model.0.weight` and `net.1.weight`).
    case prefix(String, other: String)
    /// The file holds no tensors.
    case noTensors
    /// The tensor is the weight (or bias) of the same layer as `other`, whose number is spelt
    /// differently (`00.weight` and `0.weight`).
    case sameLayer(String, other: String)
    /// A layer has a bias (the tensor) but no weight.
    case missingWeight(String)
    /// The weight has `rank` dimensions, not the 2 of an `nn.Linear` weight (out × in).
    case weightRank(String, rank: Int)
    /// The weight has no rows or no columns.
    case emptyWeight(String)
    /// The bias has shape `shape`, not `[rows]` of its weight's `rows`.
    case biasShape(String, shape: [Int], rows: Int)
    /// The weight's layer has no bias, but `biased` (another layer's bias) shows the others have one.
    case missingBias(String, biased: String)
    /// The weight has `columns` inputs, but the layer before (`previous`, a weight) has `rows` outputs.
    case chain(String, columns: Int, previous: String, rows: Int)
    /// `given` activations were named for the file's `layers` layers.
    case activationCount(given: Int, layers: Int)
}
