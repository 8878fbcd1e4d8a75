import NNExplain

/// `nnexplain diagram`: the network as SVG or Graphviz DOT, with one weight's chain rule lit up.
func diagramCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    let loaded = try loadNetwork(arguments)
    let network = loaded.network
    let weight = try weightIndices(arguments, network: network)
    let s = try sample(arguments, network: network)
    try requireFinite(network, samples: [s])
    let format = arguments.value("--format") ?? "svg"
    guard format == "svg" || format == "dot" else {
        throw arguments.usage("unknown format '\(format)' for --format; use svg or dot")
    }
    let precision = arguments.value("--precision") == nil ? 4 : try NNExplainCLI.precision(arguments)
    let naming = weight?.naming ?? LayerNaming(depth: network.depth)
    let diagram = Diagram(network: network, trace: network.trace(sample: s), naming: naming, precision: precision,
                          weight: weight.map { (layer: $0.l, j: $0.j, k: $0.k) })
    let text = format == "svg" ? diagram.svg() : diagram.dot()
    if let output = arguments.value("--output") {
        try AtomicFile.write(text, to: output)
        return CommandResult(output: "", warnings: loaded.warnings)
    }
    return CommandResult(output: text, warnings: loaded.warnings)
}
