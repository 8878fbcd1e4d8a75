#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNExplain

/// A network as a command received it, with the warnings its file gave and, when it came from a
/// file, that file's JSON (which ``NetworkFile`` writes an updated network into, keeping the keys
/// this version does not know).
struct LoadedNetwork {
    var network: Network
    var warnings: [String] = []
    var file: JSONValue?

    /// `network` as a file: written into the file it came from, if any.
    func file(of network: Network) -> NetworkFile { NetworkFile(network, original: file) }
}

/// `--network FILE` (`-` or `/dev/stdin` for standard input), `--random SIZES`, or the built-in
/// network. `locked` is the `--network FILE` already opened and locked (`update --in-place`), whose
/// bytes are read instead of opening it again. The network's shape must pass the memory bound
/// (``ResourceLimits/requireMemory(_:printing:_:)``) and `require`, the command's own bounds: for
/// `--random`, before the network is made.
func loadNetwork(_ arguments: Arguments, _ environment: Environment, locked: LockedFile? = nil,
                 require: (NetworkShape) throws(CLIError) -> Void = { _ in }) throws(CLIError) -> LoadedNetwork
{
    func requireAll(_ shape: NetworkShape) throws(CLIError) {
        try usage(arguments) { try ResourceLimits.requireMemory(shape) }
        try require(shape)
    }
    if let sizes = try arguments.read(Options.random) {
        if arguments.isGiven(Options.network) {
            throw arguments.usage("give --network FILE or --random SIZES, not both")
        }
        return LoadedNetwork(network: try RandomNetwork.read(arguments, sizes: sizes, require: requireAll))
    }
    let randomSettings: [any DeclaredOption] = [Options.samples, Options.seed, Options.activation, Options.outputActivation, Options.loss]
    for setting in randomSettings where arguments.isGiven(setting) {
        throw arguments.usage("\(setting.option.name) applies to --random only; add --random SIZES, e.g. --random 3,4,2")
    }
    guard let path = try arguments.read(Options.network) else { return LoadedNetwork(network: Network.standard) }
    let bytes = if let locked { locked.bytes } else { try NetworkFileBytes.contents(of: path, environment: environment) }
    let loaded: LoadedNetwork
    do throws(NetworkFileError) {
        let root = try Network.parseFile(bytes)
        let decoded = try Network.decode(json: root)
        loaded = LoadedNetwork(network: decoded.network, warnings: decoded.warnings.map { "network file '\(path)': \($0.message)" },
                               file: root)
    } catch {
        throw .badNetworkFile(path: path, error.message)
    }
    try requireAll(NetworkShape(loaded.network))
    return loaded
}

/// `--random SIZES [--samples N] [--seed S] [--activation NAME] [--output-activation NAME] [--loss NAME]`,
/// and the limits that keep such a
/// network within what this tool handles in memory and time.
enum RandomNetwork {
    /// The example the help and the errors give.
    static let example = "784,128,64,10"
    /// Each layer's size.
    static let layerSizes = 1...100_000
    /// The weights of all layers together.
    static let weightLimit = 50_000_000

    /// `--random SIZES`: at least two layer sizes, inputs first, with at most ``weightLimit`` weights.
    static let sizes = ValueParser<Void, [Int]>(describe: { $0.map(String.init).joined(separator: ",") }) {
        text, name, _ throws(ValidationError) in
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmed) }
        guard parts.count >= 2, parts.allSatisfy({ $0.map(layerSizes.contains) ?? false }) else {
            throw ValidationError("\(name) \(text) is not a list of layer sizes; give at least two whole numbers "
                + "\(layerSizes.lowerBound)…\(layerSizes.upperBound) separated by commas, inputs first, e.g. \(name) \(example)")
        }
        let sizes = parts.map { $0! }
        let weights = zip(sizes, sizes.dropFirst()).map { $0 * $1 }.reduce(0, +)
        guard weights <= weightLimit else {
            throw ValidationError("\(name) \(text) has \(weights) weights, more than the \(weightLimit) this tool handles; use smaller layers")
        }
        return sizes
    }

    /// The network of these sizes with the samples, seed and activation the options give, once its
    /// shape has passed `require`.
    static func read(_ arguments: Arguments, sizes: [Int], require: (NetworkShape) throws(CLIError) -> Void) throws(CLIError) -> Network {
        let samples = try arguments.read(Options.samples)
        do throws(ResourceError) { try ResourceLimits.requireData(samples: samples, sizes: sizes) } catch {
            throw arguments.usage(error.message(samples: "\(Options.samples.name) \(samples)"))
        }
        try require(NetworkShape(sizes: sizes, biases: Array(repeating: true, count: sizes.count - 1), samples: samples))
        let seed = try arguments.read(Options.seed)
        let activation = try arguments.read(Options.activation)
        let network = Network.random(sizes: sizes, samples: samples, seed: seed, activation: activation,
                                     outputActivation: try arguments.read(Options.outputActivation),
                                     loss: try arguments.read(Options.loss))
        if let problem = network.pairingProblem { throw arguments.usage(message(problem, network)) }
        return network
    }

    /// A pairing problem, said with the options that chose it (the targets, uniform in [0, 1),
    /// always fit).
    static func message(_ problem: PairingProblem, _ network: Network) -> String {
        switch problem {
        case .softmaxInHiddenLayer:
            return "\(Options.activation.option.name) softmax sets the hidden layers: \(problem.rule), "
                + "and give softmax to the output layer with \(Options.outputActivation.option.name) softmax"
        case .lossDoesNotFit(let loss, let output):
            return "\(Options.loss.option.name) \(loss.rawValue) does not fit the output activation \(output.rawValue) "
                + "(\(Options.outputActivation.option.name)): \(problem.rule)"
        case .target:
            return problem.rule
        }
    }
}
