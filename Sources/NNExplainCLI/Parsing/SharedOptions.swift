import NNExplain

/// The options several commands share, each declared once with its default and help.
enum Options {
    /// `--network FILE` or `--random SIZES` with its settings: every command that reads a network.
    static let networkSource: [any DeclaredOption] = [network, random, samples, seed, activation, outputActivation, loss]
    /// `--layer`, `--j` and `--k`: the weight `w_jk^l`.
    static let weight: [any DeclaredOption] = [layer, j, k]

    static let network = ValueOption<Void, String?>(
        name: "--network", placeholder: "FILE",
        help: .summary("A network file (JSON). Without it, the built-in network (see 'nnexplain network')"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let random = ValueOption<Void, [Int]?>(
        name: "--random", placeholder: "SIZES",
        help: .summary("A random network of these layer sizes instead of a file, e.g. --random \(RandomNetwork.example)"),
        parser: RandomNetwork.sizes.optional, absent: .silent(nil))

    static let samples = ValueOption<Void, Int>(
        name: "--samples", placeholder: "N", help: .summary("With --random: the number of random samples"),
        parser: .wholeNumber(in: 1...1_000_000), absent: .value(10))

    static let seed = ValueOption<Void, UInt64>(
        name: "--seed", placeholder: "S",
        help: .summary("With --random: the seed; the same seed gives the same network everywhere"),
        parser: .unsignedWholeNumber, absent: .value(1))

    /// An activation's name, for `--activation` and `--output-activation`.
    static let activationName = ValueParser.choice(of: Activation.allCases, listed: .commas) { text, _, names in
        "unknown activation '\(text)'; use one of " + names.joined(separator: ", ")
    }

    static let activation = ValueOption<Void, Activation>(
        name: "--activation", placeholder: "NAME",
        help: .summary("Every layer's activation with --random (the output's too, unless --output-activation); "
            + "the hidden layers' of a --network FILE or the built-in network"),
        parser: activationName, absent: .explained(.sigmoid, "sigmoid with --random, else the network's own"))

    static let outputActivation = ValueOption<Void, Activation?>(
        name: "--output-activation", placeholder: "NAME", help: .summary("The output layer's activation"),
        parser: activationName.optional,
        absent: .explained(nil, "that of --activation with --random, else the network's own"))

    static let loss = ValueOption<Void, Loss>(
        name: "--loss", placeholder: "NAME", help: .summary("The loss"),
        parser: lossName, absent: .explained(.squared, "squared with --random, else the network's own"))

    /// A loss's name, for `--loss`.
    static let lossName = ValueParser.choice(of: Loss.allCases, listed: .commas) { text, _, names in
        "unknown loss '\(text)'; use one of " + names.joined(separator: ", ")
    }

    /// `--output FILE`: what a command writes goes to FILE (``AtomicFile``) instead of standard output.
    static let output = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE", help: .summary("Write to FILE instead of standard output (safely)"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    static let learningRate = ValueOption<Void, Double?>(
        name: "--learning-rate", placeholder: "η", help: .summary("The learning rate η, a number above 0"),
        parser: ValueParser.positiveNumber(upTo: 1000).optional, absent: .explained(nil, "the network's, else \(Network.defaultLearningRate.formatted)"))

    static let updateOrder = ValueOption<Void, UpdateOrder>(
        name: "--update-order", placeholder: "ORDER", help: .choices(),
        parser: .choice(of: UpdateOrder.allCases, notes: { order in
            switch order {
            case .simultaneous: return .remark("correct")
            case .outputFirst: return .remark("the order behind Mazur's published figures; wrong")
            }
        }) { text, _, names in "unknown update order '\(text)'; use " + ListStyle.natural.join(names) },
        absent: .value(.simultaneous))
}
