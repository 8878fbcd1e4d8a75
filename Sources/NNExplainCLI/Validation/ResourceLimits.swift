import NNExplain

/// The bounds that keep a command within the memory and time this tool may take, checked before
/// anything big is allocated or run, so that a command too big is refused with a usage error that
/// names the figure, the bound and a way round it, instead of being killed by the system.
enum ResourceLimits {
    /// The memory a network and the engine's buffers may take: 2 GB.
    static let memoryBytes = 2_000_000_000
    /// The memory each number printed by `gradients` takes while its document and text are built
    /// (measured on 1000,1000 and 2000,2000: about 120 bytes in text, Markdown and LaTeX, 140 in
    /// JSON; the text itself is some 20 of them).
    static let bytesPerPrintedNumber = 150
    /// The text an explanation may have: 100 MB, more than anyone reads, and several times that in
    /// memory while it is rendered.
    static let explanationBytes = 100_000_000
    /// The multiply-adds a gradient check may take (some tens of seconds on two cores).
    static let checkMultiplyAdds = 20_000_000_000
    /// A check of more multiply-adds than this (a couple of seconds) draws a progress bar on a terminal.
    static let checkProgressMultiplyAdds = 2_000_000_000

    /// Refuses a network whose engine run (``NetworkShape/engineBytes``), with `printed` numbers of
    /// output besides, would take more than ``memoryBytes``.
    static func requireMemory(_ shape: NetworkShape, printing printed: Int = 0, _ arguments: Arguments) throws(CLIError) {
        let bytes = shape.engineBytes + printed * bytesPerPrintedNumber
        guard bytes > memoryBytes else { return }
        let what = printed > 0 ? ", its gradients and their \(printed) printed numbers" : " and the engine's buffers for its gradients"
        throw arguments.usage("this network (\(shape.parameters) weights and biases, \(shape.samples.counting("sample")))"
            + "\(what) need about \(megabytes(bytes)) of memory, more than the \(megabytes(memoryBytes)) this tool takes; "
            + "use smaller layers or fewer samples")
    }

    /// The multiply-adds of a gradient check: for each parameter, two forward passes over every
    /// sample, each one multiply-add per weight (and packing every weight once).
    static func checkWork(_ shape: NetworkShape) -> Int {
        2 * shape.parameters * (shape.samples + 1) * shape.weights
    }

    /// Refuses a gradient check of more than ``checkMultiplyAdds``.
    static func requireCheckable(_ shape: NetworkShape, _ arguments: Arguments) throws(CLIError) {
        let work = checkWork(shape)
        guard work > checkMultiplyAdds else { return }
        throw arguments.usage("check runs two forward passes over its \(shape.samples.counting("sample")) for each of the "
            + "\(shape.parameters) weights and biases of this network, about \(grouped(work)) multiply-adds, more than the "
            + "\(grouped(checkMultiplyAdds)) a check may take; use fewer samples or a smaller network")
    }

    /// Refuses a `step` explanation of ``ExplanationSize/bytes(_:layer:averaging:)`` above ``explanationBytes``.
    static func requireExplainable(_ shape: NetworkShape, layer l: Int, averaging: Bool, naming: LayerNaming,
                                   _ arguments: Arguments) throws(CLIError) {
        let bytes = ExplanationSize.bytes(shape, layer: l, averaging: averaging)
        guard bytes > explanationBytes else { return }
        throw arguments.usage("the explanation of a weight of layer \(naming.fullName(l)) traces ∂C/∂a back through every layer "
            + "above it and would be about \(megabytes(bytes)) of text, more than the \(megabytes(explanationBytes)) "
            + "this tool writes; explain a weight of a layer nearer the output, or use a network with fewer or smaller layers")
    }

    /// `82,424,286,060,200`: a large count with its digits in groups of three.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        return digits.enumerated().map { i, digit in
            (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(digit)
        }.joined()
    }

    /// `640 MB`, `2 GB`, `2.4 GB`: megabytes below a gigabyte, else gigabytes to a tenth, always
    /// rounded up, so that a figure over a bound never reads as the bound.
    static func megabytes(_ bytes: Int) -> String {
        let mb = (bytes + 999_999) / 1_000_000
        guard mb >= 1000 else { return "\(mb) MB" }
        let tenths = (mb + 99) / 100
        return "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") + " GB"
    }
}
