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
    /// The sentence the output opens with when `--activation`, `--output-activation` or `--loss`
    /// changed a file's or the built-in network (``NetworkChanges/sentence(network:)``).
    var heading: String?

    /// `network` as a file: written into the file it came from, if any.
    func file(of network: Network) -> NetworkFile { NetworkFile(network, original: file) }
}

/// `--network FILE` (`-` or `/dev/stdin` for standard input), `--random SIZES`, or the built-in
/// network; a file's or the built-in network's activations and loss replaced where
/// `--activation` (the hidden layers'), `--output-activation` and `--loss` say
/// (``Network/replacing(_:)``), refused as `--random` is when they do not pair. `locked` is the
/// `--network FILE` already opened and locked (`update --in-place`, `train --save` over it), whose
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
    let randomSettings: [any DeclaredOption] = [Options.samples, Options.seed]
    for setting in randomSettings where arguments.isGiven(setting) {
        throw arguments.usage("\(setting.option.name) applies to --random only; add --random SIZES, e.g. --random 3,4,2")
    }
    let changes = NetworkChanges(hidden: arguments.isGiven(Options.activation) ? try arguments.read(Options.activation) : nil,
                                 output: try arguments.read(Options.outputActivation),
                                 loss: arguments.isGiven(Options.loss) ? try arguments.read(Options.loss) : nil)
    guard let path = try arguments.read(Options.network) else {
        return try changed(LoadedNetwork(network: Network.standard), changes, named: "The built-in network", arguments)
    }
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
    let name = NetworkFileBytes.isStandardInput(path) ? "The network on standard input" : "Network \(path)"
    return try changed(loaded, changes, named: name, arguments)
}

/// `loaded` with `changes` in place and its heading, refused when the changed network does not
/// pair (as ``RandomNetwork/message(_:_:)`` says) or when `--activation` finds no hidden layer.
private func changed(_ loaded: LoadedNetwork, _ changes: NetworkChanges, named name: String,
                     _ arguments: Arguments) throws(CLIError) -> LoadedNetwork {
    guard !changes.isEmpty else { return loaded }
    if changes.hidden != nil, loaded.network.depth == 1 {
        throw arguments.usage("\(Options.activation.option.name) sets the hidden layers, and this network has none; "
            + "change its output layer's activation with \(Options.outputActivation.option.name)")
    }
    var result = loaded
    result.network = loaded.network.replacing(changes)
    switch result.network.pairingProblem {
    case nil: break
    case .lossDoesNotFit(let loss, let output) where changes.loss == nil || changes.output == nil:
        let rule = PairingProblem.lossDoesNotFit(loss, output: output).rule
        throw arguments.usage(changes.loss == nil
            ? "\(Options.outputActivation.option.name) \(output.rawValue) does not fit the network's loss \(loss.rawValue): \(rule)"
            : "\(Options.loss.option.name) \(loss.rawValue) does not fit the network's output activation \(output.rawValue): \(rule)")
    case let problem?: throw arguments.usage(RandomNetwork.message(problem, result.network))
    }
    result.heading = changes.sentence(network: name)
    return result
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

    /// A pairing problem, said with the options that chose it (a random network's targets, uniform
    /// in [0, 1), always fit; a file's may not fit the loss `--loss` gives).
    static func message(_ problem: PairingProblem, _ network: Network) -> String {
        switch problem {
        case .softmaxInHiddenLayer:
            return "\(Options.activation.option.name) softmax sets the hidden layers: \(problem.rule), "
                + "and give softmax to the output layer with \(Options.outputActivation.option.name) softmax"
        case .lossDoesNotFit(let loss, let output):
            return "\(Options.loss.option.name) \(loss.rawValue) does not fit the output activation \(output.rawValue) "
                + "(\(Options.outputActivation.option.name)): \(problem.rule)"
        case .target(let loss, let s, let j, let value, let held):
            return "\(Options.loss.option.name) \(loss.rawValue) does not fit the network's targets: "
                + "\(held ? "test" : "samples")[\(s)].y[\(j)] is \(value.formatted); \(problem.rule)"
        }
    }
}
