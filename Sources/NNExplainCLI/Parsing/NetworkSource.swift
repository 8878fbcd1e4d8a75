#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNExplain

/// `--network FILE`, `--random SIZES`, or the built-in network.
func loadNetwork(_ arguments: Arguments) throws(CLIError) -> (network: Network, warnings: [String]) {
    if let sizes = try arguments.read(Options.random) {
        if arguments.isGiven(Options.network) {
            throw arguments.usage("give --network FILE or --random SIZES, not both")
        }
        return (try RandomNetwork.read(arguments, sizes: sizes), [])
    }
    let randomSettings: [any DeclaredOption] = [Options.samples, Options.seed, Options.activation, Options.outputActivation, Options.loss]
    for setting in randomSettings where arguments.isGiven(setting) {
        throw arguments.usage("\(setting.option.name) applies to --random only; add --random SIZES, e.g. --random 3,4,2")
    }
    guard let path = try arguments.read(Options.network) else { return (Network.standard, []) }
    guard FileManager.default.fileExists(atPath: path) else {
        throw .unreadable(path: path, "no such file; check the path")
    }
    let type = fileType(path)
    if type == .typeDirectory { throw .unreadable(path: path, "it is a directory; give the path of a .json file") }
    if type != .typeRegular {
        throw .unreadable(path: path, "it is not a regular file (a device, pipe or socket); give the path of a .json file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .unreadable(path: path, "permission denied or I/O error; check that the file is readable")
    }
    let decoded: (network: Network, warnings: [String])
    do {
        decoded = try Network.decode(Array(data))
    } catch {
        throw .badNetworkFile(path: path, error.message)
    }
    return (decoded.network, decoded.warnings.map { "network file '\(path)': \($0)" })
}

/// What kind of file `path` is (after following links), or nil when it cannot be told.
func fileType(_ path: String) -> FileAttributeType? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
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
    /// The samples and a full trace hold samples × (all nodes) numbers: keep that within a few GB.
    static let dataLimit = 100_000_000

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

    /// The network of these sizes with the samples, seed and activation the options give.
    static func read(_ arguments: Arguments, sizes: [Int]) throws(CLIError) -> Network {
        let samples = try arguments.read(Options.samples)
        let nodes = sizes.reduce(0, +)
        guard samples * nodes <= dataLimit else {
            throw arguments.usage("\(Options.samples.name) \(samples) with \(nodes) nodes in all is too much data "
                + "(more than \(dataLimit) numbers); use fewer samples or smaller layers")
        }
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
