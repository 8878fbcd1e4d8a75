extension Safetensors {
    /// One `nn.Linear` layer of the file: its weight (out × in) and its bias, if any.
    public struct LinearLayer: Sendable, Equatable {
        /// `N` of `N.weight`, the module's index in the `nn.Sequential`.
        public var index: Int
        public var weight: Tensor
        public var bias: Tensor?
        /// The layer's nodes, the weight's rows.
        public var rows: Int { weight.shape[0] }
        /// The previous layer's nodes, the weight's columns.
        public var columns: Int { weight.shape[1] }
    }

    /// The tensors as the `state_dict` of an `nn.Sequential` of `nn.Linear` layers: every name is
    /// `PREFIX` + `N.weight` or `N.bias`, with one `PREFIX` for all (empty, or such as `model.` or
    /// `net.layers.`), `N` a whole number. Layers go in increasing `N`, gaps allowed (the
    /// activation modules between linear ones have no tensors: `0.weight`, `2.weight`). Each
    /// weight is 2-D out × in with at least one row and column, so row `j`, column `k` is `w_jk`;
    /// a bias is 1-D with one number per row; no layer has two weights or two biases (`0.weight`
    /// and `00.weight`); either every layer has a bias or none; each
    /// layer's columns equal the previous layer's rows.
    ///
    /// - Returns: the layers in order, at least one; their sizes only, no number decoded.
    /// - Throws: the first ``SafetensorsError`` of the model, naming the tensor.
    public func linearLayers() throws(SafetensorsError) -> [LinearLayer] {
        guard let first = tensors.first else { throw .noTensors }
        let firstPrefix = try Self.parts(of: first.name).prefix
        var found: [Int: (weight: Tensor?, bias: Tensor?)] = [:]
        for tensor in tensors {
            let (prefix, index, isWeight) = try Self.parts(of: tensor.name)
            guard prefix == firstPrefix else { throw .prefix(tensor.name, other: first.name) }
            var entry = found[index] ?? (nil, nil)
            if let other = isWeight ? entry.weight : entry.bias { throw .sameLayer(tensor.name, other: other.name) }
            if isWeight { entry.weight = tensor } else { entry.bias = tensor }
            found[index] = entry
        }
        var layers: [LinearLayer] = []
        for index in found.keys.sorted() {
            let entry = found[index]!
            guard let weight = entry.weight else { throw .missingWeight(entry.bias!.name) }
            guard weight.shape.count == 2 else { throw .weightRank(weight.name, rank: weight.shape.count) }
            guard weight.shape[0] > 0, weight.shape[1] > 0 else { throw .emptyWeight(weight.name) }
            if let bias = entry.bias, bias.shape != [weight.shape[0]] {
                throw .biasShape(bias.name, shape: bias.shape, rows: weight.shape[0])
            }
            layers.append(LinearLayer(index: index, weight: weight, bias: entry.bias))
        }
        if let biased = layers.first(where: { $0.bias != nil }), let bare = layers.first(where: { $0.bias == nil }) {
            throw .missingBias(bare.weight.name, biased: biased.bias!.name)
        }
        for (previous, layer) in zip(layers, layers.dropFirst()) where layer.columns != previous.rows {
            throw .chain(layer.weight.name, columns: layer.columns, previous: previous.weight.name, rows: previous.rows)
        }
        return layers
    }

    /// `model.0.weight` as (`model.`, 0, true); anything else is not a layer's tensor.
    private static func parts(of name: String) throws(SafetensorsError) -> (prefix: String, index: Int, isWeight: Bool) {
        let components = name.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2, let kind = components.last, kind == "weight" || kind == "bias" else { throw .notALayer(name) }
        let digits = components[components.count - 2]
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ ("0"..."9").contains($0) }), let index = Int(digits) else {
            throw .notALayer(name)
        }
        let prefix = components.dropLast(2).map { $0 + "." }.joined()
        return (prefix, index, kind == "weight")
    }

    /// The layers with their numbers decoded from `bytes` (the file this header was read from),
    /// the `l`-th given `activations[l − 1]`.
    ///
    /// - Returns: the number of inputs and the layers, each `weights[j][k]` the weight's row `j`,
    ///   column `k`.
    /// - Throws: ``SafetensorsError/activationCount(given:layers:)`` unless there is one activation
    ///   per layer, else ``SafetensorsError/nonFinite(_:index:)``.
    public func layers(_ linear: [LinearLayer], activations: [Activation], in bytes: [UInt8])
        throws(SafetensorsError) -> (inputs: Int, layers: [Layer])
    {
        guard !linear.isEmpty else { throw .noTensors }
        guard activations.count == linear.count else { throw .activationCount(given: activations.count, layers: linear.count) }
        var layers: [Layer] = []
        for (layer, activation) in zip(linear, activations) {
            let flat = try values(of: layer.weight, in: bytes)
            let weights = (0..<layer.rows).map { j in Array(flat[(j * layer.columns)..<((j + 1) * layer.columns)]) }
            let biases = try layer.bias.map { bias throws(SafetensorsError) in try values(of: bias, in: bytes) }
            layers.append(Layer(activation: activation, weights: weights, biases: biases))
        }
        return (linear[0].columns, layers)
    }
}
