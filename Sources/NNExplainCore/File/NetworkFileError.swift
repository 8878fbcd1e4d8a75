/// Why a network file cannot be used, as a value a caller can switch on: where (a path such as
/// `layers[1].weights[0]`, or a line and column for JSON syntax) and what is wrong. The sentence
/// each case is said in lives in the NNExplain library (`message`), not here.
///
/// A `path` is a JSON path into the file: `""` for the top level, a top-level key such as
/// `layers`, or an element such as `layers[0].weights[1]`.
public enum NetworkFileError: Error, Equatable, Sendable {
    /// The text is not valid JSON.
    case syntax(JSONParseError)
    /// The value at `path` is not an object (the top level when `path` is empty).
    case notAnObject(path: String, found: JSONValue.Kind)
    /// `key` appears twice in the object at `path`.
    case duplicateKey(String, path: String)
    /// The object at `path` lacks `key`.
    case missingKey(String, path: String)
    /// The value at `path` is not an array of `elements`.
    case notAnArray(path: String, elements: ArrayElements, found: JSONValue.Kind)
    /// Element `index` of the array of numbers at `path` is not a number.
    case notANumber(path: String, index: Int, found: JSONValue.Kind)
    /// `"inputs"` is not a positive integer.
    case inputs(found: JSONValue)
    /// `"layers"` is empty.
    case noLayers
    /// `"activation"` of `layers[layer]` names no activation.
    case activation(layer: Int, found: JSONValue)
    /// `layers[layer].weights` has no rows.
    case noRows(layer: Int)
    /// `layers[layer].weights[row]` has `count` numbers, not one per node of the previous layer's `previous`.
    case rowLength(layer: Int, row: Int, count: Int, previous: Int)
    /// `layers[layer].biases` has `count` numbers, not one per node of the layer's `nodes`.
    case biasCount(layer: Int, count: Int, nodes: Int)
    /// `"loss"` names no loss.
    case loss(found: JSONValue)
    /// `"learningRate"` is not a number greater than 0.
    case learningRate(found: JSONValue)
    /// `"updateBiases"` is not a boolean.
    case updateBiases(found: JSONValue)
    /// `"samples"` is empty.
    case noSamples
    /// A sample's `x` has `count` numbers, not one per input of the network's `inputs`.
    case inputCount(SamplePlace, count: Int, inputs: Int)
    /// A sample's `y` has `count` numbers, not one per output node of the network's `outputs`.
    case outputCount(SamplePlace, count: Int, outputs: Int)
    /// Activation, loss and targets do not fit together, in a network of `depth` layers.
    case pairing(PairingProblem, depth: Int)

    /// What an array at a path should hold.
    public enum ArrayElements: Sendable, Equatable {
        case layers, samples, rowsOfWeights, numbers
    }

    /// A sample of the file: `samples[index]`, or `test[index]` when `held` (a held-out sample).
    public struct SamplePlace: Sendable, Equatable {
        public var index: Int
        public var held: Bool

        package init(index: Int, held: Bool) { (self.index, self.held) = (index, held) }

        /// `samples[3]` or `test[0]`.
        public var path: String { "\(held ? "test" : "samples")[\(index)]" }
    }
}

/// Something a network file holds that is read past, not refused.
public enum NetworkFileWarning: Sendable, Equatable {
    /// A key this version does not know, in the object at `path` (`""` for the top level).
    case unknownKey(String, path: String)
}
