extension SafetensorsError: ExplainedError {
    /// The one sentence: the tensor (by its name in the header) and what is wrong with it.
    public var message: String {
        let readable = Safetensors.DType.allCases.map { $0.rawValue }
        let listed = readable.dropLast().joined(separator: ", ") + " and " + readable.last!
        switch self {
        case .tooShort(let count):
            return "the file has \(count.counting("byte")), fewer than the 8 of a safetensors header's length; it is not a safetensors file"
        case .headerTooLong(let length):
            return "the header is said to be \(length) bytes long, more than the \(Safetensors.headerLimit) bytes a safetensors header may have; "
                + "the file is damaged or not a safetensors file"
        case .headerPastEnd(let length, let available):
            return "the header is said to be \(length) bytes long, but only \(available) bytes follow its length; the file is truncated"
        case .headerNotUTF8:
            return "the header is not UTF-8 text; the file is damaged or not a safetensors file"
        case .headerSyntax(let error):
            return "the header is not valid JSON: \(error.description)"
        case .headerNotObject(let found):
            return "the header is \(found.described); expected an object of tensors"
        case .metadata:
            return "\"__metadata__\" is not an object of strings, as the safetensors format requires"
        case .duplicateTensor(let name):
            return "tensor \(Self.named(name)) appears twice in the header; each name may appear only once"
        case .entry(let name):
            return "tensor \(Self.named(name)) is not an object with a \"dtype\" string, a \"shape\" array and a \"data_offsets\" array"
        case .repeatedField(let name, let field):
            return "the entry of tensor \(Self.named(name)) names \(Self.named(field)) twice; each field may appear only once"
        case .dtype(let name, let dtype):
            return "tensor \(Self.named(name)) has dtype \(Self.named(dtype)); import reads \(listed) numbers only"
        case .shape(let name):
            return "the \"shape\" of tensor \(Self.named(name)) is not a list of whole numbers ≥ 0 of a size a file can hold"
        case .offsets(let name):
            return "the \"data_offsets\" of tensor \(Self.named(name)) are not two whole numbers [begin, end] with 0 ≤ begin ≤ end"
        case .offsetsPastEnd(let name, let end, let size):
            return "tensor \(Self.named(name)) ends at byte \(end) of the data, but the data has only \(size.counting("byte")); the file is truncated"
        case .overlap(let name, let other):
            return "the bytes of tensor \(Self.named(name)) overlap those of tensor \(Self.named(other)); each tensor needs bytes of its own"
        case .dataSize(let name, let bytes, let expected):
            return "tensor \(Self.named(name)) has \(bytes.counting("byte")) of data, but its shape and dtype need \(expected.counting("byte"))"
        case .nonFinite(let name, let index):
            return "number \(index) of tensor \(Self.named(name)) (counting from 0, row by row) is infinite or not a number; "
                + "a network's weights must be finite"
        case .notALayer(let name):
            return "tensor \(Self.named(name)) is not a layer's N.weight or N.bias; "
                + "import reads the state_dict of an nn.Sequential of nn.Linear layers only"
        case .prefix(let name, let other):
            return "tensor \(Self.named(name)) and tensor \(Self.named(other)) have different prefixes before the layer number; "
                + "save one nn.Sequential's state_dict"
        case .noTensors:
            return "the file holds no tensors; save the state_dict of an nn.Sequential of nn.Linear layers"
        case .sameLayer(let name, let other):
            return "tensor \(Self.named(name)) and tensor \(Self.named(other)) are both the \(name.hasSuffix(".bias") ? "bias" : "weight") of one layer "
                + "(their layer numbers are equal); keep one"
        case .missingWeight(let name):
            return "tensor \(Self.named(name)) is a bias without a weight: its layer has no tensor \(Self.named(Self.weightName(of: name)))"
        case .weightRank(let name, let rank):
            return "tensor \(Self.named(name)) has \(rank.counting("dimension")), but an nn.Linear weight has 2 (out × in); "
                + "import reads linear layers only, not convolutions"
        case .emptyWeight(let name):
            return "tensor \(Self.named(name)) has no rows or no columns; every layer needs at least one node and one input"
        case .biasShape(let name, let shape, let rows):
            return "tensor \(Self.named(name)) has shape \(shape), but its layer's weight has \(rows.counting("row")): a bias has shape [\(rows)]"
        case .missingBias(let name, let biased):
            return "the layer of tensor \(Self.named(name)) has no bias, but tensor \(Self.named(biased)) shows that the others have; "
                + "either every layer has a bias or none has"
        case .chain(let name, let columns, let previous, let rows):
            return "tensor \(Self.named(name)) has \(columns.counting("column")) (inputs), but the layer before, \(Self.named(previous)), "
                + "has \(rows.counting("row")) (outputs); the shapes do not chain"
        case .activationCount(let given, let layers):
            return "\(given.counting("activation")) \(given == 1 ? "was" : "were") named, but the file holds \(layers.counting("layer")); name one per layer"
        }
    }

    /// A tensor's name as a quoted literal, shortened when long.
    private static func named(_ name: String) -> String { NetworkFileError.quoted(name) }

    /// `0.weight` for `0.bias`.
    private static func weightName(of bias: String) -> String { String(bias.dropLast("bias".count)) + "weight" }
}
