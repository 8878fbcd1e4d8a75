#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNExplain

/// `--network FILE`, `--random SIZES`, or the built-in network.
func loadNetwork(_ arguments: Arguments) throws(CLIError) -> (network: Network, warnings: [String]) {
    if let sizes = arguments.value("--random") {
        if arguments.value("--network") != nil {
            throw arguments.usage("give --network FILE or --random SIZES, not both")
        }
        return (try randomNetwork(arguments, sizes: sizes), [])
    }
    for name in ["--samples", "--seed", "--activation"] where arguments.value(name) != nil {
        throw arguments.usage("\(name) applies to --random only; add --random SIZES, e.g. --random 3,4,2")
    }
    guard let path = arguments.value("--network") else { return (Network.standard, []) }
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

/// `--random SIZES [--samples N] [--seed S] [--activation NAME]`.
private func randomNetwork(_ arguments: Arguments, sizes text: String) throws(CLIError) -> Network {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmed) }
    guard parts.count >= 2, parts.allSatisfy({ $0 != nil && $0! >= 1 && $0! <= 100_000 }) else {
        throw arguments.usage("--random \(text) is not a list of layer sizes; give at least two whole numbers 1…100000 "
            + "separated by commas, inputs first, e.g. --random 784,128,64,10")
    }
    let sizes = parts.map { $0! }
    let weights = zip(sizes, sizes.dropFirst()).map { $0 * $1 }.reduce(0, +)
    guard weights <= 50_000_000 else {
        throw arguments.usage("--random \(text) has \(weights) weights, more than the 50000000 this tool handles; use smaller layers")
    }
    let samples = try count(arguments, "--samples", range: 1...1_000_000, required: false) ?? 10
    // The samples and a full trace hold samples × (all nodes) numbers: keep that within a few GB.
    let nodes = sizes.reduce(0, +)
    guard samples * nodes <= 100_000_000 else {
        throw arguments.usage("--samples \(samples) with \(nodes) nodes in all is too much data (more than 100000000 numbers); "
            + "use fewer samples or smaller layers")
    }
    var seed: UInt64 = 1
    if let value = arguments.value("--seed") {
        guard let parsed = UInt64(value) else {
            throw arguments.usage("--seed expects a whole number 0…18446744073709551615, not '\(value)'")
        }
        seed = parsed
    }
    var activation = Activation.sigmoid
    if let name = arguments.value("--activation") {
        guard let parsed = Activation(rawValue: name) else {
            throw arguments.usage("unknown activation '\(name)'; use one of " + Activation.names.joined(separator: ", "))
        }
        activation = parsed
    }
    return Network.random(sizes: sizes, samples: samples, seed: seed, activation: activation)
}
