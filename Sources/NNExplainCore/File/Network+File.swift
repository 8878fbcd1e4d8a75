extension Network {
    /// Reads a network file, returning the network and warnings (unknown keys, in file order).
    ///
    /// The file is one JSON object:
    ///
    ///     { "inputs": 2,
    ///       "layers": [ { "activation": "sigmoid", "weights": [[0.15, 0.20], [0.25, 0.30]],
    ///                     "biases": [0.35, 0.35] } ],
    ///       "loss": "half-squared", "learningRate": 0.5, "updateBiases": false,
    ///       "samples": [ { "x": [0.05, 0.10], "y": [0.01, 0.99] } ] }
    ///
    /// `inputs` is a positive integer; `layers[i]` is layer `l = i + 1`, with at least one row of
    /// weights, each row one weight per node of the previous layer, and optional `biases` (one per
    /// row). `loss` defaults to `squared`, `learningRate` (a number > 0) to 0.1, `updateBiases` to
    /// true. There is at least one layer and one sample; `x` has one number per input and `y` one
    /// per output node. Activation, loss and targets must fit together (``Network/pairingProblem``):
    /// softmax only in the output layer, cross-entropy on softmax or sigmoid outputs with targets
    /// ≥ 0, binary cross-entropy on sigmoid outputs with targets in [0, 1]. An optional `"test"`
    /// array holds held-out samples of the same form (``Network/testSamples``), checked as the
    /// training samples are; it may be empty. Wherever a number is expected an integer literal is
    /// fine too. Duplicate keys are errors; unknown keys are only warnings.
    ///
    /// - Parameter bytes: the file's bytes, UTF-8 JSON.
    /// - Returns: the network, and the warnings (unknown keys) in file order.
    /// - Throws: the first ``NetworkFileError``: ``NetworkFileError/syntax(_:)`` for text that is not
    ///   JSON, else the first key or value that is wrong, in file order, then the pairing.
    public static func decode(_ bytes: [UInt8]) throws(NetworkFileError) -> (network: Network, warnings: [NetworkFileWarning]) {
        try decode(json: parseFile(bytes))
    }

    /// The JSON of a network file's bytes, unchecked as a network; a syntax error is a
    /// ``NetworkFileError`` with its line and column.
    ///
    /// - Parameter bytes: the file's bytes.
    /// - Returns: the JSON, for ``decode(json:)`` and for ``fileJSON(updating:)``.
    /// - Throws: ``NetworkFileError/syntax(_:)``.
    public static func parseFile(_ bytes: [UInt8]) throws(NetworkFileError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw .syntax(error)
        }
    }

    /// Reads a network file already parsed to `root`, as ``decode(_:)`` does; a caller that keeps
    /// `root` can write the network back into it with ``fileJSON(updating:)``.
    ///
    /// - Parameter root: the file's JSON (``parseFile(_:)``).
    /// - Returns: the network, and the warnings in file order.
    /// - Throws: the ``NetworkFileError`` of ``decode(_:)`` other than a syntax error.
    public static func decode(json root: JSONValue) throws(NetworkFileError) -> (network: Network, warnings: [NetworkFileWarning]) {
        var reader = NetworkFileReader()
        let network = try reader.network(from: root)
        return (network, reader.warnings)
    }

    /// The network as the JSON a network file holds, keys in the order ``decode(_:)`` documents:
    /// `biases` only for layers that have them, `updateBiases` only when it is false, `test` only
    /// when there are held-out samples. Every number
    /// must be finite; a non-finite one would be written as `null` and not read back.
    public var fileJSON: JSONValue {
        var top: [(key: String, value: JSONValue)] = [
            ("inputs", .integer(inputs)),
            ("layers", .array(layers.map { layer in
                var members: [(key: String, value: JSONValue)] = [
                    ("activation", .string(layer.activation.rawValue)),
                    ("weights", JSONValue.numbers(layer.weights)),
                ]
                if let biases = layer.biases { members.append(("biases", JSONValue.numbers(biases))) }
                return .object(members)
            })),
            ("loss", .string(loss.rawValue)),
            ("learningRate", .number(learningRate)),
        ]
        if !updateBiases { top.append(("updateBiases", .bool(false))) }
        let sampleObjects = samples.map { JSONValue.object([("x", JSONValue.numbers($0.x)), ("y", JSONValue.numbers($0.y))]) }
        top.append(("samples", .array(sampleObjects)))
        if !testSamples.isEmpty {
            top.append(("test", .array(testSamples.map { JSONValue.object([("x", JSONValue.numbers($0.x)), ("y", JSONValue.numbers($0.y))]) })))
        }
        return .object(top)
    }

    /// The network file's text: ``fileJSON`` formatted, with a final newline. ``decode(_:)`` reads
    /// it back to an equal network.
    public func fileText() -> String { fileJSON.fileText }
}

/// Turns a parsed network file into a ``Network``, one checked key at a time, collecting warnings.
private struct NetworkFileReader {
    var warnings: [NetworkFileWarning] = []

    /// An object's members by key (keys are unique once ``members(of:at:known:)`` has checked them).
    private typealias Members = [String: JSONValue]

    mutating func network(from root: JSONValue) throws(NetworkFileError) -> Network {
        let top = try members(of: root, at: "", known: NetworkFileKeys.top)
        let inputsValue = try required("inputs", in: top, at: "")
        guard let inputs = inputsValue.integerValue, inputs > 0 else {
            throw .inputs(found: inputsValue)
        }
        let layerValues = try array(required("layers", in: top, at: ""), at: "layers", of: .layers)
        guard !layerValues.isEmpty else {
            throw .noLayers
        }
        var layers: [Layer] = []
        for (i, value) in layerValues.enumerated() {
            layers.append(try layer(value, at: i, previousSize: layers.last?.size ?? inputs))
        }
        var network = Network(inputs: inputs, layers: layers, samples: [])
        if let value = top["loss"] {
            guard let loss = value.stringValue.flatMap(Loss.init(rawValue:)) else {
                throw .loss(found: value)
            }
            network.loss = loss
        }
        if let value = top["learningRate"] {
            guard let rate = value.doubleValue, rate > 0 else {
                throw .learningRate(found: value)
            }
            network.learningRate = rate
        }
        if let value = top["updateBiases"] {
            guard let update = value.boolValue else {
                throw .updateBiases(found: value)
            }
            network.updateBiases = update
        }
        let sampleValues = try array(required("samples", in: top, at: ""), at: "samples", of: .samples)
        guard !sampleValues.isEmpty else {
            throw .noSamples
        }
        let outputs = layers[layers.count - 1].size
        for (s, value) in sampleValues.enumerated() {
            network.samples.append(try sample(value, at: .init(index: s, held: false), inputs: inputs, outputs: outputs))
        }
        if let value = top["test"] {
            for (s, value) in try array(value, at: "test", of: .samples).enumerated() {
                network.testSamples.append(try sample(value, at: .init(index: s, held: true), inputs: inputs, outputs: outputs))
            }
        }
        if let problem = network.pairingProblem { throw .pairing(problem, depth: layers.count) }
        return network
    }

    /// `layers[i]`, layer `l = i + 1`, whose previous layer has `previousSize` nodes.
    private mutating func layer(_ value: JSONValue, at i: Int, previousSize: Int) throws(NetworkFileError) -> Layer {
        let path = "layers[\(i)]"
        let layer = try members(of: value, at: path, known: NetworkFileKeys.layer)
        let activationValue = try required("activation", in: layer, at: path)
        guard let activation = activationValue.stringValue.flatMap(Activation.init(rawValue:)) else {
            throw .activation(layer: i, found: activationValue)
        }
        let rows = try array(required("weights", in: layer, at: path), at: path + ".weights", of: .rowsOfWeights)
        guard !rows.isEmpty else { throw .noRows(layer: i) }
        var weights: [[Double]] = []
        for (j, rowValue) in rows.enumerated() {
            let row = try numbers(rowValue, at: "\(path).weights[\(j)]")
            guard row.count == previousSize else { throw .rowLength(layer: i, row: j, count: row.count, previous: previousSize) }
            weights.append(row)
        }
        var biases: [Double]?
        if let value = layer["biases"] {
            let b = try numbers(value, at: path + ".biases")
            guard b.count == rows.count else { throw .biasCount(layer: i, count: b.count, nodes: rows.count) }
            biases = b
        }
        return Layer(activation: activation, weights: weights, biases: biases)
    }

    /// The sample at `place`, whose `x` needs `inputs` numbers and `y` needs `outputs`.
    private mutating func sample(_ value: JSONValue, at place: NetworkFileError.SamplePlace, inputs: Int, outputs: Int)
        throws(NetworkFileError) -> Sample
    {
        let path = place.path
        let sample = try members(of: value, at: path, known: NetworkFileKeys.sample)
        let x = try numbers(required("x", in: sample, at: path), at: path + ".x")
        guard x.count == inputs else { throw .inputCount(place, count: x.count, inputs: inputs) }
        let y = try numbers(required("y", in: sample, at: path), at: path + ".y")
        guard y.count == outputs else { throw .outputCount(place, count: y.count, outputs: outputs) }
        return Sample(x: x, y: y)
    }

    // MARK: Checking values

    /// The members of the object at `path` ("" for the top level), rejecting duplicate keys and
    /// warning about keys not in `known`.
    private mutating func members(of value: JSONValue, at path: String, known: Set<String>)
        throws(NetworkFileError) -> Members
    {
        guard let list = value.objectMembers else { throw .notAnObject(path: path, found: value.kind) }
        var result: Members = [:]
        for (key, member) in list {
            guard result.updateValue(member, forKey: key) == nil else { throw .duplicateKey(key, path: path) }
            if !known.contains(key) { warnings.append(.unknownKey(key, path: path)) }
        }
        return result
    }

    private func required(_ key: String, in members: Members, at path: String) throws(NetworkFileError) -> JSONValue {
        guard let value = members[key] else { throw .missingKey(key, path: path) }
        return value
    }

    private func array(_ value: JSONValue, at path: String, of elements: NetworkFileError.ArrayElements)
        throws(NetworkFileError) -> [JSONValue]
    {
        guard let values = value.arrayValue else { throw .notAnArray(path: path, elements: elements, found: value.kind) }
        return values
    }

    /// An array of numbers at `path`, each element checked at `path[k]`.
    private func numbers(_ value: JSONValue, at path: String) throws(NetworkFileError) -> [Double] {
        var result: [Double] = []
        for (k, element) in try array(value, at: path, of: .numbers).enumerated() {
            guard let number = element.doubleValue else { throw .notANumber(path: path, index: k, found: element.kind) }
            result.append(number)
        }
        return result
    }
}
