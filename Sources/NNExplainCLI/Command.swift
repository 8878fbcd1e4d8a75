/// The subcommands: their options, their help text and the function that runs each.
struct Command: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    /// The options after the command name, without the USAGE prefix.
    let synopsis: String
    let options: [Option]
    /// The name of the one positional argument the command takes, if any (`lesson N`).
    var positional: String? = nil
    let action: @Sendable (Arguments, Environment) throws(CLIError) -> CommandResult

    /// One option: its name, the placeholder of its value (`nil` for a flag) and its help.
    struct Option: Sendable {
        let name: String
        let value: String?
        let help: String
    }

    var usage: String { "nnexplain \(name) \(synopsis)" }

    static let topUsage = "nnexplain <command> [options]"

    static func named(_ name: String) -> Command? { all.first { $0.name == name } }

    static var all: [Command] { [step, forward, gradients, update, train, check, walk, diagram, network, lesson, help] }

    // MARK: Shared options

    static let networkFile = Option(
        name: "--network", value: "FILE",
        help: "A network file (JSON). Without it, the built-in network (see 'nnexplain network').")
    /// `--network FILE` or `--random SIZES` with its settings: every command that reads a network.
    static let networkSource = [
        networkFile,
        Option(name: "--random", value: "SIZES",
               help: "A random network of these layer sizes instead of a file, e.g. --random 784,128,64,10."),
        Option(name: "--samples", value: "N", help: "With --random: the number of random samples (default 10)."),
        Option(name: "--seed", value: "S", help: "With --random: the seed; the same seed gives the same network everywhere (default 1)."),
        Option(name: "--activation", value: "NAME", help: "With --random: every layer's activation (default sigmoid)."),
    ]
    static let sample = Option(name: "--sample", value: "S", help: "The training sample to use, 0…N-1 (default 0).")
    static let weight = [
        Option(name: "--layer", value: "SPEC", help: "The layer l of the weight: L (the output layer), L-1, L-2, … or a number 1…L."),
        Option(name: "--j", value: "J", help: "The node j of layer l the weight leads to, from 0."),
        Option(name: "--k", value: "K", help: "The node k of layer l-1 the weight comes from, from 0."),
    ]
    static let learningRate = Option(
        name: "--learning-rate", value: "η", help: "The learning rate η, a number above 0 (default: the network's, else 0.1).")
    static let updateOrder = Option(
        name: "--update-order", value: "ORDER",
        help: "simultaneous (default, correct) or output-first (the order behind Mazur's published figures; wrong).")

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
        synopsis: "--layer SPEC --j J --k K [--network FILE | --random SIZES] [--sample S | --average] [--format FORMAT] [--precision N]",
        options: weight + networkSource + [sample,
                           Option(name: "--average", value: nil,
                                  help: "Explain the gradient averaged over all samples, ∂C/∂w = (1/N) Σ_s ∂C_s/∂w.")]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: stepCommand)

    static let forward = Command(
        name: "forward",
        abstract: "Show the forward pass: every z_j^l as its weighted sum, every a_j^l, and the loss.",
        discussion: """
            Each node adds up its weighted inputs, z_j^l = Σ_k w_jk^l · a_k^(l-1) (+ b_j^l), and
            applies its activation, a_j^l = g_l(z_j^l). The output layer's activations are then
            compared with the targets to give the loss C_s of the sample.
            """,
        synopsis: "[--network FILE | --random SIZES] [--sample S] [--format FORMAT] [--precision N]",
        options: networkSource + [sample] + Presentation.options(formats: Presentation.Format.allCases),
        action: forwardCommand)

    static let gradients = Command(
        name: "gradients",
        abstract: "Print every ∂C/∂w and ∂C/∂b, averaged over the samples, as tables per layer.",
        discussion: """
            C is the mean of the per-sample losses C_s, so every gradient is the mean of the
            per-sample gradients. In the tables, row j and column k hold ∂C/∂w_jk^l.
            """,
        synopsis: "[--network FILE | --random SIZES] [--format FORMAT] [--precision N]",
        options: networkSource + Presentation.options(formats: Presentation.Format.allCases),
        action: gradientsCommand)

    static let update = Command(
        name: "update",
        abstract: "Take one step of gradient descent: new weight = old weight − (learning rate × gradient).",
        discussion: """
            With --layer, --j and --k, explains that weight's update with every number; without
            them, prints every weight and bias old → new. --format json prints the updated
            network as a network file, so steps chain:
              nnexplain update --format json > next.json
              nnexplain update --network next.json --format json > after.json
            --in-place rewrites the network file itself (safely: on any failure it is untouched).
            """,
        synopsis: "[--network FILE | --random SIZES] [--layer SPEC --j J --k K] [--learning-rate η] [--update-order ORDER] [--in-place] [--format FORMAT]",
        options: networkSource + weight + [learningRate, updateOrder,
                                       Option(name: "--in-place", value: nil, help: "Write the updated network back to the --network FILE.")]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: updateCommand)

    static let train = Command(
        name: "train",
        abstract: "Train with full-batch gradient descent, printing the loss and a loss curve.",
        discussion: """
            Each epoch computes the gradient averaged over all samples and takes one step.
            --format json prints {"losses": [...], "network": {...}}, where losses[i] is the mean
            loss after i epochs (losses[0] before training) and network is the trained network file.
            """,
        synopsis: "--epochs N [--network FILE | --random SIZES] [--learning-rate η] [--every K] [--update-order ORDER] [--save FILE] [--format text|json]",
        options: [
            Option(name: "--epochs", value: "N", help: "How many steps of gradient descent, 1…10000000."),
        ] + networkSource + [
            learningRate,
            Option(name: "--every", value: "K", help: "Print the loss every K epochs (default: about ten lines in all)."),
            updateOrder,
            Option(name: "--save", value: "FILE", help: "Write the trained network to FILE (safely: on failure FILE is untouched)."),
        ] + Presentation.options(formats: [.text, .json]),
        action: trainCommand)

    static let check = Command(
        name: "check",
        abstract: "Check every gradient against a central finite difference (exit 1 if any disagrees).",
        discussion: """
            For every weight and bias, the backpropagated gradient beside
            (C(θ + ε) − C(θ − ε)) / 2ε computed from the loss alone, and their relative error.
            The command exits with 1 when any relative error is above the threshold.
            """,
        synopsis: "[--network FILE | --random SIZES] [--epsilon ε] [--format FORMAT] [--precision N]",
        options: networkSource + [Option(name: "--epsilon", value: "ε", help: "The finite-difference step, above 0 and at most 0.1 (default 1e-6).")]
            + Presentation.options(formats: Presentation.Format.allCases),
        action: checkCommand)

    static let walk = Command(
        name: "walk",
        abstract: "Walk through the whole backward pass, one chain-rule term at a time.",
        discussion: """
            From the output layer down, every node's ∂C/∂a, its slope g'(z), and the gradients of
            the weights into it. On a terminal it waits for Enter between steps (q quits); when
            input is not a terminal it prints everything at once.
            """,
        synopsis: "[--network FILE | --random SIZES] [--sample S] [--precision N]",
        options: networkSource + [sample] + Presentation.options(formats: [.text]).filter { $0.name != "--format" },
        action: walkCommand)

    static let diagram = Command(
        name: "diagram",
        abstract: "Draw the network as SVG or Graphviz DOT, optionally lighting up one weight's chain rule.",
        discussion: """
            Nodes are labelled with their activations for the sample, edges drawn by weight. With
            --layer, --j and --k the chosen edge w_jk^l is highlighted, with every edge whose term
            enters its sum over the layer above and the gradient's value in the caption.
            """,
        synopsis: "[--network FILE | --random SIZES] [--layer SPEC --j J --k K] [--sample S] [--format svg|dot] [--output FILE]",
        options: networkSource + weight + [
            sample,
            Option(name: "--format", value: "FORMAT", help: "svg (default) or dot."),
            Option(name: "--output", value: "FILE", help: "Write to FILE instead of standard output (safely)."),
            Option(name: "--precision", value: "N", help: "Significant digits of the numbers shown (default 4)."),
        ],
        action: diagramCommand)

    static let network = Command(
        name: "network",
        abstract: "Print the network as a network file (JSON), the built-in one by default.",
        discussion: """
            The output is a valid network file: save it, change a number, and pass it back
            with --network FILE.
            """,
        synopsis: "[--network FILE | --random SIZES]",
        options: networkSource,
        action: networkCommand)

    static let lesson = Command(
        name: "lesson",
        abstract: "List the classroom lessons, or print lesson N.",
        discussion: "The lessons walk through backpropagation with real nnexplain commands and their output.",
        synopsis: "[N]",
        options: [],
        positional: "N",
        action: lessonCommand)

    static let help = Command(
        name: "help",
        abstract: "Show help for nnexplain or for one of its commands.",
        discussion: "",
        synopsis: "[<command>]",
        options: [],
        action: { _, _ throws(CLIError) in CommandResult(output: Help.top()) })
}
