/// The subcommands, their options and their help text.
struct Command: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    /// The options after the command name, without the USAGE prefix.
    let synopsis: String
    let options: [Option]

    /// One option: its name, the placeholder of its value (`nil` for a flag) and its help.
    struct Option: Sendable {
        let name: String
        let value: String?
        let help: String
    }

    var usage: String { "nnexplain \(name) \(synopsis)" }

    static let topUsage = "nnexplain <command> [options]"

    static func named(_ name: String) -> Command? { all.first { $0.name == name } }

    static var all: [Command] { [step, forward, gradients, network, help] }

    // MARK: Shared options

    static let networkOption = Option(
        name: "--network", value: "FILE",
        help: "A network file (JSON) to explain. Without it, the built-in network (see 'nnexplain network').")
    static let precisionOption = Option(
        name: "--precision", value: "N",
        help: "Significant digits of every number in text output, 1…17 (default 9).")
    static let formatOption = Option(
        name: "--format", value: "FORMAT", help: "text (default) or json (full precision).")
    static let sampleOption = Option(
        name: "--sample", value: "S", help: "The training sample to use, 0…N-1 (default 0).")

    // MARK: Commands

    static let step = Command(
        name: "step",
        abstract: "Explain one weight's gradient ∂C/∂w_jk^l, every chain-rule term with its numbers.",
        discussion: """
            The weight w_jk^l sits on the edge from node k of layer l-1 to node j of layer l.
            The explanation writes the chain rule, works out each of its three terms with the
            numbers substituted, and for a hidden layer writes the sum over the layer above term
            by term, tracing every ∂C/∂a it needs back to the output layer.

            Examples (the article's two examples, on the built-in network):
              nnexplain step --layer L --j 1 --k 2
              nnexplain step --layer L-1 --j 2 --k 2
            """,
        synopsis: "--layer SPEC --j J --k K [--network FILE] [--sample S | --average] [--format text|json] [--precision N]",
        options: [
            Option(name: "--layer", value: "SPEC",
                   help: "The layer l of the weight: L (the output layer), L-1, L-2, … or a number 1…L."),
            Option(name: "--j", value: "J", help: "The node j of layer l the weight leads to, from 0."),
            Option(name: "--k", value: "K", help: "The node k of layer l-1 the weight comes from, from 0."),
            networkOption, sampleOption,
            Option(name: "--average", value: nil,
                   help: "Explain the gradient averaged over all samples, ∂C/∂w = (1/N) Σ_s ∂C_s/∂w."),
            formatOption, precisionOption,
        ])

    static let forward = Command(
        name: "forward",
        abstract: "Show the forward pass: every z_j^l as its weighted sum, every a_j^l, and the loss.",
        discussion: """
            Each node adds up its weighted inputs, z_j^l = Σ_k w_jk^l · a_k^(l-1) (+ b_j^l), and
            applies its activation, a_j^l = g_l(z_j^l). The output layer's activations are then
            compared with the targets to give the loss C_s of the sample.
            """,
        synopsis: "[--network FILE] [--sample S] [--precision N]",
        options: [networkOption, sampleOption, precisionOption])

    static let gradients = Command(
        name: "gradients",
        abstract: "Print every ∂C/∂w and ∂C/∂b, averaged over the samples, as tables per layer.",
        discussion: """
            C is the mean of the per-sample losses C_s, so every gradient is the mean of the
            per-sample gradients. In the tables, row j and column k hold ∂C/∂w_jk^l.
            """,
        synopsis: "[--network FILE] [--format text|json] [--precision N]",
        options: [networkOption, formatOption, precisionOption])

    static let network = Command(
        name: "network",
        abstract: "Print the network as a network file (JSON), the built-in one by default.",
        discussion: """
            The output is a valid network file: save it, change a number, and pass it back
            with --network FILE.
            """,
        synopsis: "[--network FILE]",
        options: [networkOption])

    static let help = Command(
        name: "help",
        abstract: "Show help for nnexplain or for one of its commands.",
        discussion: "",
        synopsis: "[<command>]",
        options: [])
}
