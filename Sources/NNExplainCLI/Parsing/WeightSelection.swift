import NNExplain

/// The options that name a weight or a sample, read against the network they must exist in.
extension Options {
    static let sample = ValueOption<Int, Int>(
        name: "--sample", placeholder: "S", help: .summary("The training sample to use", showsBounds: true),
        parser: ValueParser(bounds: "0…N-1", describe: { String($0) }) { text, name, count throws(ValidationError) in
            let expected = "the network has \(count.counting("sample")), so \(name) must be \(count == 1 ? "0" : "0…\(count - 1)")"
            let value = try readWholeNumber(text, name, expected: expected)
            guard (0..<count).contains(value) else { throw ValidationError("there is no sample \(text): \(expected)") }
            return value
        },
        absent: .value(0))

    /// `--layer SPEC`: `L`, `L-n` or `1…L`, read against the network's depth L. The value is the
    /// layer and whether it was named relative to `L`.
    static let layer = ValueOption<Int, (Int, relative: Bool)>(
        name: "--layer", placeholder: "SPEC",
        help: .summary("The layer l of the weight: L (the output layer), L-1, L-2, … or a number 1…L"),
        parser: ValueParser(describe: { "\($0.0)" }) { spec, name, depth throws(ValidationError) in
            let valid = "\(relativeLayers(depth)) or \(depth == 1 ? "1" : "1…\(depth)")"
            let trimmed = spec.trimmed
            if let number = Int(trimmed) {
                if number == 0 { throw ValidationError("layer 0 is the input layer and has no weights; \(name) must be \(valid)") }
                guard (1...depth).contains(number) else {
                    throw ValidationError("there is no layer \(number): this network has L = \(depth), so \(name) must be \(valid)")
                }
                return (number, false)
            }
            let upper = String(trimmed.uppercased().filter { $0 != " " })
            if upper == "L" { return (depth, true) }
            if upper.hasPrefix("L-"), let n = Int(upper.dropFirst(2)), n >= 0 {
                guard n < depth else {
                    let what = n == depth ? "L-\(n) is the input layer, which has no weights" : "there is no layer L-\(n)"
                    throw ValidationError("\(what): this network has L = \(depth), so \(name) must be \(valid)")
                }
                return (depth - n, true)
            }
            throw ValidationError("'\(spec)' is not a layer; \(name) must be \(valid)")
        },
        absent: .required { name, _ in "missing \(name); say which layer the weight is in, e.g. \(name) L or \(name) L-1" })

    static let j = node(letter: "j", help: "The node j of layer l the weight leads to, from 0")
    static let k = node(letter: "k", help: "The node k of layer l-1 the weight comes from, from 0")

    /// `--j J` or `--k K`: a node of the layer the context names, which it must lie in.
    private static func node(letter: String, help: String) -> ValueOption<NodeRange, Int> {
        ValueOption(
            name: "--" + letter, placeholder: letter.uppercased(), help: .summary(help),
            parser: ValueParser(describe: { String($0) }) { text, name, nodes throws(ValidationError) in
                let value = try readWholeNumber(text, name, expected: nodes.expected(letter))
                guard (0..<nodes.count).contains(value) else {
                    throw ValidationError("\(name) \(text) is not a node of \(nodes.layer): \(nodes.expected(letter))")
                }
                return value
            },
            absent: .required { name, nodes in "missing \(name); say which node, e.g. \(name) 0 (\(nodes.layer) has \(nodes.count.counting("node")))" })
    }

    /// `L`, `L, L-1`, `L, L-1, L-2`, or `L, L-1, …, L-5`: the relative names of the layers with weights.
    private static func relativeLayers(_ depth: Int) -> String {
        if depth <= 4 { return (0..<depth).map { $0 == 0 ? "L" : "L-\($0)" }.joined(separator: ", ") }
        return "L, L-1, …, L-\(depth - 1)"
    }
}

/// The layer a node index must lie in: its node count and its name ("layer L-1").
struct NodeRange {
    let count: Int
    let layer: String

    /// "layer L has 2 nodes, so j must be 0…1".
    func expected(_ letter: String) -> String {
        "\(layer) has \(count.counting("node")), so \(letter) must be \(count == 1 ? "0" : "0…\(count - 1)")"
    }
}

/// The weight `w_jk^l` named by `--layer`, `--j` and `--k`, and how to label its layers.
struct WeightIndices {
    var l: Int
    var j: Int
    var k: Int
    var naming: LayerNaming

    /// `--layer`, `--j` and `--k`, all three required.
    static func read(_ arguments: Arguments, network: Network) throws(CLIError) -> WeightIndices {
        let (l, relative) = try arguments.read(Options.layer, in: network.depth)
        let naming = LayerNaming(depth: network.depth, relative: relative)
        let j = try arguments.read(Options.j, in: NodeRange(count: network.size(ofLayer: l), layer: "layer \(naming.label(l))"))
        let k = try arguments.read(Options.k, in: NodeRange(count: network.size(ofLayer: l - 1), layer: "layer \(naming.label(l - 1))"))
        return WeightIndices(l: l, j: j, k: k, naming: naming)
    }

    /// `--layer`, `--j` and `--k` for the commands where they are optional: none, or all three.
    static func readIfGiven(_ arguments: Arguments, network: Network) throws(CLIError) -> WeightIndices? {
        guard [Options.layer.name, Options.j.name, Options.k.name].contains(where: { arguments.value($0) != nil }) else { return nil }
        return try read(arguments, network: network)
    }
}
