import NNExplain

// The options that name a weight or a sample, read against the network they must exist in.

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
