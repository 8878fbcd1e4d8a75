/// The options several commands share, declared once.
extension Command {

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
}
