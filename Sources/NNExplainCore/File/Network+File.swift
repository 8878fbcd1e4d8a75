/// Why a network file cannot be used: one sentence that says where (a path such as
/// `layers[1].weights[0]`, or a line and column for JSON syntax), what is wrong and what is expected.
public struct NetworkFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

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
    public static func decode(_ bytes: [UInt8]) throws(NetworkFileError) -> (network: Network, warnings: [String]) {
        try decode(json: parseFile(bytes))
    }

    /// The JSON of a network file's bytes, unchecked as a network; a syntax error is a
    /// ``NetworkFileError`` with its line and column.
    public static func parseFile(_ bytes: [UInt8]) throws(NetworkFileError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw NetworkFileError(error.description)
        }
    }

    /// Reads a network file already parsed to `root`, as ``decode(_:)`` does; a caller that keeps
    /// `root` can write the network back into it with ``fileJSON(updating:)``.
    public static func decode(json root: JSONValue) throws(NetworkFileError) -> (network: Network, warnings: [String]) {
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
    var warnings: [String] = []

    /// An object's members by key (keys are unique once ``members(of:at:known:)`` has checked them).
    private typealias Members = [String: JSONValue]

    mutating func network(from root: JSONValue) throws(NetworkFileError) -> Network {
        let top = try members(of: root, at: "", known: NetworkFileKeys.top)
        let inputsValue = try required("inputs", in: top, at: "")
        guard let inputs = inputsValue.integerValue, inputs > 0 else {
            throw fail("\"inputs\" is \(shown(inputsValue)); expected a positive integer, the number of inputs")
        }
        let layerValues = try array(required("layers", in: top, at: ""), at: "\"layers\"", of: "layers")
        guard !layerValues.isEmpty else {
            throw fail("the network has no layers: \"layers\" needs at least one layer")
        }
        var layers: [Layer] = []
        for (i, value) in layerValues.enumerated() {
            layers.append(try layer(value, at: i, previousSize: layers.last?.size ?? inputs))
        }
        var network = Network(inputs: inputs, layers: layers, samples: [])
        if let value = top["loss"] {
            guard let loss = value.stringValue.flatMap(Loss.init(rawValue:)) else {
                throw fail("\"loss\" is \(shown(value)); use one of \(Loss.names.joined(separator: ", "))")
            }
            network.loss = loss
        }
        if let value = top["learningRate"] {
            guard let rate = value.doubleValue, rate > 0 else {
                throw fail("\"learningRate\" is \(shown(value)); expected a number greater than 0")
            }
            network.learningRate = rate
        }
        if let value = top["updateBiases"] {
            guard let update = value.boolValue else {
                throw fail("\"updateBiases\" is \(shown(value)); expected true or false")
            }
            network.updateBiases = update
        }
        let sampleValues = try array(required("samples", in: top, at: ""), at: "\"samples\"", of: "samples")
        guard !sampleValues.isEmpty else {
            throw fail("the network has no samples: \"samples\" needs at least one sample")
        }
        let outputs = layers[layers.count - 1].size
        for (s, value) in sampleValues.enumerated() {
            network.samples.append(try sample(value, at: "samples[\(s)]", inputs: inputs, outputs: outputs))
        }
        if let value = top["test"] {
            for (s, value) in try array(value, at: "\"test\"", of: "samples").enumerated() {
                network.testSamples.append(try sample(value, at: "test[\(s)]", inputs: inputs, outputs: outputs))
            }
        }
        if let problem = network.pairingProblem { throw fail(message(problem, depth: layers.count)) }
        return network
    }

    /// `layers[i]`, layer `l = i + 1`, whose previous layer has `previousSize` nodes.
    private mutating func layer(_ value: JSONValue, at i: Int, previousSize: Int) throws(NetworkFileError) -> Layer {
        let path = "layers[\(i)]"
        let layer = try members(of: value, at: path, known: NetworkFileKeys.layer)
        let activationValue = try required("activation", in: layer, at: path)
        guard let activation = activationValue.stringValue.flatMap(Activation.init(rawValue:)) else {
            let names = Activation.names.joined(separator: ", ")
            throw fail("\"activation\" of \(path) is \(shown(activationValue)); use one of \(names)")
        }
        let rows = try array(required("weights", in: layer, at: path), at: path + ".weights", of: "rows of weights")
        guard !rows.isEmpty else {
            throw fail("\(path).weights has no rows: a layer needs at least one node, one row of weights per node")
        }
        var weights: [[Double]] = []
        for (j, rowValue) in rows.enumerated() {
            let row = try numbers(rowValue, at: "\(path).weights[\(j)]")
            guard row.count == previousSize else {
                let previous = i == 0
                    ? "the network has \(count(previousSize, "input")): each row needs one weight per input"
                    : "layer \(i) has \(count(previousSize, "node")): "
                        + "each row needs one weight per node of the previous layer"
                throw fail("\(path).weights[\(j)] has \(count(row.count, "number")), but \(previous)")
            }
            weights.append(row)
        }
        var biases: [Double]?
        if let value = layer["biases"] {
            let b = try numbers(value, at: path + ".biases")
            guard b.count == rows.count else {
                throw fail("\(path).biases has \(count(b.count, "number")), but the layer has "
                    + "\(count(rows.count, "node")) (rows of weights): it needs one bias per node")
            }
            biases = b
        }
        return Layer(activation: activation, weights: weights, biases: biases)
    }

    /// The sample at `path`, whose `x` needs `inputs` numbers and `y` needs `outputs`.
    private mutating func sample(_ value: JSONValue, at path: String, inputs: Int, outputs: Int)
        throws(NetworkFileError) -> Sample
    {
        let sample = try members(of: value, at: path, known: NetworkFileKeys.sample)
        let x = try numbers(required("x", in: sample, at: path), at: path + ".x")
        guard x.count == inputs else {
            throw fail("\(path).x has \(count(x.count, "number")), but the network has \(count(inputs, "input"))")
        }
        let y = try numbers(required("y", in: sample, at: path), at: path + ".y")
        guard y.count == outputs else {
            throw fail("\(path).y has \(count(y.count, "number")), but the output layer has \(count(outputs, "node"))")
        }
        return Sample(x: x, y: y)
    }

    // MARK: Checking values

    /// The members of the object at `path` ("" for the top level), rejecting duplicate keys and
    /// warning about keys not in `known`.
    private mutating func members(of value: JSONValue, at path: String, known: Set<String>)
        throws(NetworkFileError) -> Members
    {
        guard let list = value.objectMembers else {
            throw fail(path.isEmpty
                ? "the top level is \(value.kindDescription); expected an object with \"inputs\", \"layers\" and \"samples\""
                : "\(path) is \(value.kindDescription); expected an object")
        }
        let place = path.isEmpty ? "at the top level" : "in \(path)"
        var result: Members = [:]
        for (key, member) in list {
            guard result.updateValue(member, forKey: key) == nil else {
                throw fail("key \(quoted(key)) appears twice \(place); each key may appear only once")
            }
            if !known.contains(key) { warnings.append("ignoring unknown key \(quoted(key)) \(place)") }
        }
        return result
    }

    private func required(_ key: String, in members: Members, at path: String) throws(NetworkFileError) -> JSONValue {
        guard let value = members[key] else {
            throw fail("missing key \"\(key)\"" + (path.isEmpty ? "" : " in \(path)"))
        }
        return value
    }

    private func array(_ value: JSONValue, at name: String, of what: String) throws(NetworkFileError) -> [JSONValue] {
        guard let elements = value.arrayValue else {
            throw fail("\(name) is \(value.kindDescription); expected an array of \(what)")
        }
        return elements
    }

    /// An array of numbers at `path`, each element checked at `path[k]`.
    private func numbers(_ value: JSONValue, at path: String) throws(NetworkFileError) -> [Double] {
        var result: [Double] = []
        for (k, element) in try array(value, at: path, of: "numbers").enumerated() {
            guard let number = element.doubleValue else {
                throw fail("\(path)[\(k)] is \(element.kindDescription); expected a number")
            }
            result.append(number)
        }
        return result
    }

    // MARK: Messages

    /// A pairing problem, said with the file's paths.
    private func message(_ problem: PairingProblem, depth: Int) -> String {
        switch problem {
        case .softmaxInHiddenLayer(let l):
            return "\"activation\" of layers[\(l - 1)] is \"softmax\", but layers[\(l - 1)] is a hidden layer: \(problem.rule)"
        case .lossDoesNotFit(let loss, let output):
            return "\"loss\" is \"\(loss.rawValue)\", which does not fit the output activation \"\(output.rawValue)\" "
                + "of layers[\(depth - 1)]: \(problem.rule)"
        case .target(let loss, let s, let j, let value, let held):
            return "\(held ? "test" : "samples")[\(s)].y[\(j)] is \(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"), but \"loss\" is \"\(loss.rawValue)\": \(problem.rule)"
        }
    }

    private func fail(_ message: String) -> NetworkFileError { NetworkFileError(message) }

    /// A scalar as written (`0`, `2.5`, `"softmax"`, `null`), or the kind of a container (`an array`).
    private func shown(_ value: JSONValue) -> String {
        if case .string(let s) = value { return quoted(s) }
        return value.isScalar ? value.formatted() : value.kindDescription
    }

    /// A string as a JSON literal, shortened when long, for messages.
    private func quoted(_ s: String) -> String { JSONValue.quoted(s.count > 40 ? s.prefix(40) + "…" : s) }

    /// "1 number", "3 numbers".
    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
