import NNExplain

/// `nnexplain html`: one offline web page in which every edge of the diagram opens its derivation.
enum HTMLCommand {
    static let command = Command(
        name: "html",
        abstract: "Write one self-contained web page: click an edge of the network to see its derivation.",
        discussion: """
            The page needs no server and no internet: the diagram, every derivation (as step
            writes it, in MathML), the forward computation of every node, the gradients table and
            the update step are all inside it. Every edge and node can be clicked, or reached with
            Tab and opened with Enter. Links open a derivation: page.html#w-3-1-2 is w_12^3 for
            sample 0 (layers as numbers), #w-3-1-2-s-1 for sample 1, #w-3-1-2-avg for the
            average, #b-2-1 for the bias b_1^2. A network of more than \(grouped(PageSelection.maxParameters))
            weights and biases needs --weights to choose the ones to explain.

            Examples:
              nnexplain html --output page.html
              nnexplain html --network lessons/networks/mazur.json --output mazur.html
            """,
        synopsis: [.networkSource, .optional(output), .optional(title), .optional(weights)],
        options: Options.networkSource + [output, title, weights],
        action: .parsed(run))

    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static let title = ValueOption<Void, String?>(
        name: "--title", placeholder: "TEXT", help: .summary("The page's title (default: the network's sizes)"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let weights = ValueOption<Network, PageSelection?>(
        name: "--weights", placeholder: "LIST",
        help: .summary("Explain only these parameters: l-j-k for w_jk^l and b-l-j for b_j^l, layers as numbers, separated by commas"),
        parser: ValueParser(describe: { _ in "" }) { text, name, network throws(ValidationError) in try PageWeights.read(text, name, network) }
            .optional,
        absent: .silent(nil))


    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let loaded = try loadNetwork(arguments, environment)
        let network = loaded.network
        let chosen = try arguments.read(weights, in: network)
        let selection = chosen ?? PageSelection.all(network)
        do throws(ResourceError) { try selection.requireFits(network, whole: chosen == nil) } catch {
            switch error {
            case .pageParameters:
                let example = [PageSelection.Weight(layer: 1, j: 0, k: 0), PageSelection.Weight(layer: network.depth, j: 0, k: 0)]
                    .map { "\($0.layer)-\($0.j)-\($0.k)" }.joined(separator: ",")
                throw arguments.usage(error.message + "; choose the ones to explain with \(weights.name), e.g. \(weights.name) \(example)")
            case .page(_, whole: true):
                throw arguments.usage(error.message + "; use a network with fewer weights or fewer samples")
            case .page:
                throw arguments.usage(error.message + "; explain fewer parameters with \(weights.name) (those nearer the output "
                    + "have shorter derivations), or use fewer samples")
            default:
                throw arguments.usage(error.message + "; choose fewer with \(weights.name), or use fewer samples")
            }
        }
        if let lowest = (selection.weights.map(\.layer) + selection.biases.map(\.layer)).min() {
            try usage(arguments) {
                try ResourceLimits.requireExplainable(NetworkShape(network), layer: lowest, averaging: true,
                                                      naming: LayerNaming(depth: network.depth))
            }
        }
        try runtime { try network.requireFinite(samples: Array(network.samples.indices), checks: [.everything]) }
        try runtime { try network.requireFinite() }
        // The page shows the update step as `update` does, so it refuses the step `update` refuses.
        do throws(OverflowError) { try network.uncheckedUpdateStep().requireFinite() } catch {
            throw .runtime(error.message(setting: "\"learningRate\" in the network file"))
        }
        let pageTitle = try arguments.read(title) ?? "Backpropagation, step by step: the network "
            + network.sizes.map(String.init).joined(separator: "-")
        let html = try runtime { try HTMLPage(network: network, title: pageTitle, selection: selection) }.html()
        if let path = try arguments.read(output) {
            try AtomicFile.write(html, to: path, pause: environment.pauseWhileWriting)
            return CommandResult(output: "", warnings: loaded.warnings, heading: loaded.heading)
        }
        return CommandResult(output: html, warnings: loaded.warnings, heading: loaded.heading)
    }

    private static func grouped(_ n: Int) -> String { ResourceLimits.grouped(n) }
}
