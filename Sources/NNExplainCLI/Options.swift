#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNExplain

// Reading option values into typed values, each with the error that names the problem and the fix.

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

/// Fails when the forward or backward pass of `network` overflows, naming the first number that did:
/// for the given samples, or for all of them (through the engine, or its results when given).
func requireFinite(_ network: Network, samples: [Int]? = nil, gradients: Gradients? = nil, batch: Bool = true) throws(CLIError) {
    let found: NonFinite?
    if let samples {
        found = network.firstNonFinite(samples: samples)
    } else if let gradients {
        found = network.firstNonFinite(gradients: gradients, allFinite: batch)
    } else {
        found = network.firstNonFinite()
    }
    guard let bad = found else { return }
    let naming = LayerNaming(depth: network.depth)
    let name = TextRenderer(naming: naming).text(bad.symbol)
    throw .runtime("the computation overflowed: \(name) of sample \(bad.sample) (layer \(naming.fullName(bad.layer)), "
        + "node \(bad.node)) is \(bad.value.isNaN ? "not a number (NaN)" : "infinite"); scale down the weights or "
        + "inputs that feed it")
}

/// `--layer SPEC`: `L`, `L-n` or `1…L`. Returns the layer and whether it was named relative to `L`.
func layer(_ arguments: Arguments, network: Network) throws(CLIError) -> (Int, relative: Bool) {
    guard let spec = arguments.value("--layer") else {
        throw arguments.usage("missing --layer; say which layer the weight is in, e.g. --layer L or --layer L-1")
    }
    let depth = network.depth
    let valid = "\(validLayers(depth)) or \(depth == 1 ? "1" : "1…\(depth)")"
    let trimmed = spec.trimmed
    if let number = Int(trimmed) {
        if number == 0 {
            throw arguments.usage("layer 0 is the input layer and has no weights; --layer must be \(valid)")
        }
        guard (1...depth).contains(number) else {
            throw arguments.usage("there is no layer \(number): this network has L = \(depth), so --layer must be \(valid)")
        }
        return (number, false)
    }
    let upper = String(trimmed.uppercased().filter { $0 != " " })
    if upper == "L" { return (depth, true) }
    if upper.hasPrefix("L-"), let n = Int(upper.dropFirst(2)), n >= 0 {
        guard n < depth else {
            let what = n == depth ? "L-\(n) is the input layer, which has no weights" : "there is no layer L-\(n)"
            throw arguments.usage("\(what): this network has L = \(depth), so --layer must be \(valid)")
        }
        return (depth - n, true)
    }
    throw arguments.usage("'\(spec)' is not a layer; --layer must be \(valid)")
}

/// `L`, `L, L-1`, `L, L-1, L-2`, or `L, L-1, …, L-5`: the relative names of the layers with weights.
private func validLayers(_ depth: Int) -> String {
    if depth <= 4 { return (0..<depth).map { $0 == 0 ? "L" : "L-\($0)" }.joined(separator: ", ") }
    return "L, L-1, …, L-\(depth - 1)"
}

/// A whole number, or a usage error that says why `text` is not one.
private func wholeNumber(_ arguments: Arguments, _ name: String, _ text: String, expected: String) throws(CLIError) -> Int {
    if let value = Int(text) { return value }
    let digits = text.drop { $0 == "-" || $0 == "+" }
    if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
        throw arguments.usage("\(name) \(text) is far too large; \(expected)")
    }
    throw arguments.usage("\(name) expects a whole number, not '\(text)'; \(expected)")
}

/// A node index given by `name`, which must lie in `0..<range`.
func index(_ arguments: Arguments, _ name: String, range: Int, what: String) throws(CLIError) -> Int {
    let letter = name.dropFirst(2)
    guard let text = arguments.value(name) else {
        throw arguments.usage("missing \(name); say which node, e.g. \(name) 0 (\(what) has \(range) nodes)")
    }
    let expected = "\(what) has \(range) node\(range == 1 ? "" : "s"), so \(letter) must be \(range == 1 ? "0" : "0…\(range - 1)")"
    let value = try wholeNumber(arguments, name, text, expected: expected)
    guard (0..<range).contains(value) else {
        throw arguments.usage("\(name) \(text) is not a node of \(what): \(expected)")
    }
    return value
}

/// `--sample S`, default 0.
func sample(_ arguments: Arguments, network: Network) throws(CLIError) -> Int {
    guard let text = arguments.value("--sample") else { return 0 }
    let count = network.samples.count
    let expected = "the network has \(count) sample\(count == 1 ? "" : "s"), so --sample must be \(count == 1 ? "0" : "0…\(count - 1)")"
    let value = try wholeNumber(arguments, "--sample", text, expected: expected)
    guard (0..<count).contains(value) else {
        throw arguments.usage("there is no sample \(text): \(expected)")
    }
    return value
}

/// `--precision N`, 1…17 significant digits, default 9.
func precision(_ arguments: Arguments) throws(CLIError) -> Int {
    guard let text = arguments.value("--precision") else { return TextRenderer.defaultPrecision }
    let expected = "give the number of significant digits, 1…17"
    let value = try wholeNumber(arguments, "--precision", text, expected: expected)
    guard (1...17).contains(value) else {
        throw arguments.usage("--precision \(text) is out of range; \(expected)")
    }
    return value
}

/// The weight `w_jk^l` named by `--layer`, `--j` and `--k`, and how to label its layers.
struct WeightIndices {
    var l: Int
    var j: Int
    var k: Int
    var naming: LayerNaming
}

/// `--layer`, `--j` and `--k`, all three required.
func requiredWeight(_ arguments: Arguments, network: Network) throws(CLIError) -> WeightIndices {
    let (l, relative) = try layer(arguments, network: network)
    let naming = LayerNaming(depth: network.depth, relative: relative)
    let j = try index(arguments, "--j", range: network.size(ofLayer: l), what: "layer \(naming.label(l))")
    let k = try index(arguments, "--k", range: network.size(ofLayer: l - 1), what: "layer \(naming.label(l - 1))")
    return WeightIndices(l: l, j: j, k: k, naming: naming)
}

/// `--layer`, `--j` and `--k` for the commands where they are optional: none, or all three.
func weightIndices(_ arguments: Arguments, network: Network) throws(CLIError) -> WeightIndices? {
    let given = ["--layer", "--j", "--k"].filter { arguments.value($0) != nil }
    if given.isEmpty { return nil }
    return try requiredWeight(arguments, network: network)
}

/// `--learning-rate η`: a number above 0 and at most 1000; `nil` means the network's own.
func learningRate(_ arguments: Arguments) throws(CLIError) -> Double? {
    try positiveNumber(arguments, "--learning-rate", upTo: 1000)
}

/// A number option that must be finite, above 0 and at most `limit`.
func positiveNumber(_ arguments: Arguments, _ name: String, upTo limit: Double) throws(CLIError) -> Double? {
    guard let text = arguments.value(name) else { return nil }
    guard let value = Double(text), value.isFinite else {
        throw arguments.usage("\(name) expects a number, not '\(text)'; for example \(name) 0.1")
    }
    guard value > 0, value <= limit else {
        throw arguments.usage("\(name) \(text) is out of range; give a number above 0 and at most \(limit.formatted)")
    }
    return value
}

/// A whole-number option within `range`.
func count(_ arguments: Arguments, _ name: String, range: ClosedRange<Int>, required: Bool) throws(CLIError) -> Int? {
    let expected = "give a whole number \(range.lowerBound)…\(range.upperBound)"
    guard let text = arguments.value(name) else {
        if required { throw arguments.usage("missing \(name); \(expected), e.g. \(name) 100") }
        return nil
    }
    let value = try wholeNumber(arguments, name, text, expected: expected)
    guard range.contains(value) else { throw arguments.usage("\(name) \(text) is out of range; \(expected)") }
    return value
}

/// `--update-order simultaneous|output-first`, default simultaneous.
func updateOrder(_ arguments: Arguments) throws(CLIError) -> UpdateOrder {
    guard let text = arguments.value("--update-order") else { return .simultaneous }
    guard let order = UpdateOrder(rawValue: text) else {
        throw arguments.usage("unknown update order '\(text)'; use simultaneous or output-first")
    }
    return order
}

/// The file `--in-place` rewrites: the `--network FILE`, which must be given.
func inPlaceTarget(_ arguments: Arguments) throws(CLIError) -> String {
    guard let path = arguments.value("--network") else {
        throw arguments.usage("--in-place rewrites the --network FILE, so it needs one; the built-in network cannot be changed")
    }
    return path
}

extension Double {
    /// `1000`, `0.1`: a bound as people write it.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
