extension NetworkFileError {
    /// The one sentence that says where, what is wrong and what is expected.
    public var message: String {
        switch self {
        case .syntax(let error): return error.description
        case .notAnObject(let path, let found):
            return path.isEmpty
                ? "the top level is \(found.described); expected an object with \"inputs\", \"layers\" and \"samples\""
                : "\(path) is \(found.described); expected an object"
        case .duplicateKey(let key, let path):
            return "key \(Self.quoted(key)) appears twice \(path.isEmpty ? "at the top level" : "in \(path)"); each key may appear only once"
        case .missingKey(let key, let path):
            return "missing key \"\(key)\"" + (path.isEmpty ? "" : " in \(path)")
        case .notAnArray(let path, let elements, let found):
            let name = path.contains("[") ? path : "\"\(path)\""
            return "\(name) is \(found.described); expected an array of \(elements.described)"
        case .notANumber(let path, let k, let found):
            return "\(path)[\(k)] is \(found.described); expected a number"
        case .inputs(let found):
            return "\"inputs\" is \(Self.shown(found)); expected a positive integer, the number of inputs"
        case .noLayers:
            return "the network has no layers: \"layers\" needs at least one layer"
        case .activation(let i, let found):
            return "\"activation\" of layers[\(i)] is \(Self.shown(found)); use one of \(Activation.names.joined(separator: ", "))"
        case .noRows(let i):
            return "layers[\(i)].weights has no rows: a layer needs at least one node, one row of weights per node"
        case .rowLength(let i, let j, let count, let previous):
            let what = i == 0
                ? "the network has \(previous.counting("input")): each row needs one weight per input"
                : "layer \(i) has \(previous.counting("node")): each row needs one weight per node of the previous layer"
            return "layers[\(i)].weights[\(j)] has \(count.counting("number")), but \(what)"
        case .biasCount(let i, let count, let nodes):
            return "layers[\(i)].biases has \(count.counting("number")), but the layer has "
                + "\(nodes.counting("node")) (rows of weights): it needs one bias per node"
        case .loss(let found):
            return "\"loss\" is \(Self.shown(found)); use one of \(Loss.names.joined(separator: ", "))"
        case .learningRate(let found):
            return "\"learningRate\" is \(Self.shown(found)); expected a number greater than 0"
        case .updateBiases(let found):
            return "\"updateBiases\" is \(Self.shown(found)); expected true or false"
        case .noSamples:
            return "the network has no samples: \"samples\" needs at least one sample"
        case .inputCount(let place, let count, let inputs):
            return "\(place.path).x has \(count.counting("number")), but the network has \(inputs.counting("input"))"
        case .outputCount(let place, let count, let outputs):
            return "\(place.path).y has \(count.counting("number")), but the output layer has \(outputs.counting("node"))"
        case .pairing(let problem, let depth):
            return Self.message(problem, depth: depth)
        }
    }


    /// A pairing problem, said with the file's paths.
    private static func message(_ problem: PairingProblem, depth: Int) -> String {
        switch problem {
        case .softmaxInHiddenLayer(let l):
            return "\"activation\" of layers[\(l - 1)] is \"softmax\", but layers[\(l - 1)] is a hidden layer: \(problem.rule)"
        case .lossDoesNotFit(let loss, let output):
            return "\"loss\" is \"\(loss.rawValue)\", which does not fit the output activation \"\(output.rawValue)\" "
                + "of layers[\(depth - 1)]: \(problem.rule)"
        case .target(let loss, let s, let j, let value, let held):
            let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            return "\(held ? "test" : "samples")[\(s)].y[\(j)] is \(shown), but \"loss\" is \"\(loss.rawValue)\": \(problem.rule)"
        }
    }

    /// A scalar as written (`0`, `2.5`, `"softmax"`, `null`), or the kind of a container (`an array`).
    static func shown(_ value: JSONValue) -> String {
        if case .string(let s) = value { return quoted(s) }
        return value.isScalar ? value.formatted() : value.kind.described
    }

    /// A string as a JSON literal, shortened when long, for messages.
    static func quoted(_ s: String) -> String { JSONValue.quoted(s.count > 40 ? s.prefix(40) + "…" : s) }
}

extension NetworkFileError.ArrayElements {
    /// "layers", "rows of weights".
    var described: String {
        switch self {
        case .layers: return "layers"
        case .samples: return "samples"
        case .rowsOfWeights: return "rows of weights"
        case .numbers: return "numbers"
        }
    }
}

extension NetworkFileWarning {
    /// The one sentence of the warning: "ignoring unknown key "colour" in layers[0]".
    public var message: String {
        switch self {
        case .unknownKey(let key, let path):
            return "ignoring unknown key \(NetworkFileError.quoted(key)) \(path.isEmpty ? "at the top level" : "in \(path)")"
        }
    }
}

extension JSONValue.Kind {
    /// What kind of value this is, with an article, for messages: "a number", "an array", "null".
    package var described: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue {
    /// What kind of value this is, with an article, for messages: "a number", "an array", "null".
    package var kindDescription: String { kind.described }
}
