/// The bounds that keep a command within the memory and time this tool may take, checked before
/// anything big is allocated or run, so that a computation too big is refused with a
/// ``ResourceError`` that names the figure, the bound and a way round it, instead of being killed
/// by the system.
public enum ResourceLimits {
    /// The memory a network and the engine's buffers may take: 2 GB.
    public static let memoryBytes = 2_000_000_000
    /// The memory each number printed by `gradients` takes while its document and text are built
    /// (measured on 1000,1000 and 2000,2000: about 120 bytes in text, Markdown and LaTeX, 140 in
    /// JSON; the text itself is some 20 of them).
    package static let bytesPerPrintedNumber = 150
    /// The text an explanation may have: 100 MB, more than anyone reads, and several times that in
    /// memory while it is rendered.
    public static let explanationBytes = 100_000_000
    /// The multiply-adds a gradient check may take (some tens of seconds on two cores); where `Int`
    /// has 32 bits (the WebAssembly build), the largest `Int`.
    public static let checkMultiplyAdds = Int(clamping: 20_000_000_000 as Int64)
    /// A check of more multiply-adds than this (a couple of seconds) draws a progress bar on a terminal.
    package static let checkProgressMultiplyAdds = 2_000_000_000

    /// Refuses a network whose engine run (``NetworkShape/engineBytes``), with `printed` numbers of
    /// output besides, would take more than ``memoryBytes``.
    ///
    /// - Parameters:
    ///   - shape: the network's shape (``NetworkShape/init(_:)``).
    ///   - printed: how many numbers the output will print besides.
    /// - Throws: ``ResourceError/memory(bytes:parameters:samples:printed:)``.
    public static func requireMemory(_ shape: NetworkShape, printing printed: Int = 0) throws(ResourceError) {
        let bytes = NetworkShape.sum(shape.engineBytes, NetworkShape.product(max(0, printed), bytesPerPrintedNumber))
        guard bytes > memoryBytes else { return }
        throw .memory(bytes: bytes, parameters: shape.parameters, samples: shape.samples, printed: max(0, printed))
    }

    /// The numbers the samples and a full trace may hold, samples × (all nodes): a few GB.
    public static let dataNumbers = 100_000_000

    /// Refuses `samples` samples of a network of layer `sizes` (inputs first) whose samples and
    /// full trace would hold more than ``dataNumbers`` numbers: checked before a random network
    /// is made.
    ///
    /// - Parameters:
    ///   - samples: the number of samples.
    ///   - sizes: the layer sizes, inputs first.
    /// - Throws: ``ResourceError/data(samples:nodes:)``.
    public static func requireData(samples: Int, sizes: [Int]) throws(ResourceError) {
        let nodes = sizes.reduce(0) { NetworkShape.sum($0, max(0, $1)) }
        guard NetworkShape.product(max(0, samples), nodes) > dataNumbers else { return }
        throw .data(samples: samples, nodes: nodes)
    }

    /// The multiply-adds of a gradient check: for each parameter, two forward passes over every
    /// sample, each ``NetworkShape/forwardWork`` (a multiply-add per weight and each layer's own
    /// cost), and packing every weight once.
    package static func checkWork(_ shape: NetworkShape) -> Int {
        [2, shape.parameters, NetworkShape.sum(shape.samples, 1), shape.forwardWork].reduce(1, NetworkShape.product)
    }

    /// Refuses a gradient check of more than ``checkMultiplyAdds``.
    ///
    /// - Parameter shape: the network's shape (``NetworkShape/init(_:)``).
    /// - Throws: ``ResourceError/checkWork(multiplyAdds:parameters:samples:)``.
    public static func requireCheckable(_ shape: NetworkShape) throws(ResourceError) {
        let work = checkWork(shape)
        guard work > checkMultiplyAdds else { return }
        throw .checkWork(multiplyAdds: work, parameters: shape.parameters, samples: shape.samples)
    }

    /// Refuses an explanation of a weight of layer `l` (``ExplanationSize/bytes(_:layer:averaging:)``)
    /// above ``explanationBytes``.
    ///
    /// - Parameters:
    ///   - shape: the network's shape.
    ///   - l: the layer of the weight explained.
    ///   - averaging: whether the explanation averages over every sample (``Network/averagedDerivation(layer:j:k:batch:)``).
    ///   - naming: how the error names the layer.
    /// - Throws: ``ResourceError/explanation(bytes:layer:naming:)``.
    public static func requireExplainable(_ shape: NetworkShape, layer l: Int, averaging: Bool,
                                          naming: LayerNaming) throws(ResourceError) {
        let bytes = ExplanationSize.bytes(shape, layer: l, averaging: averaging)
        guard bytes > explanationBytes else { return }
        throw .explanation(bytes: bytes, layer: l, naming: naming)
    }

    /// The HTML a page may take: 50 MB, which builds in some seconds and several hundred MB of
    /// memory (every derivation is built whole before the page shares its repeated blocks).
    public static let pageBytes = 50_000_000

    /// The most nodes a sample's computational graph is built with (about 100 bytes each).
    public static let graphNodes = 1_000_000
    /// The most nodes the explanation of a whole graph walks, one equation each: beyond, one
    /// weight's part of it (`--layer --j --k`) is the readable explanation.
    public static let explainedGraphNodes = 2_000

    /// Checks that one sample's graph of a network of this shape can be built (``graphNodes``) and,
    /// for `whole`, explained node by node (``explainedGraphNodes``).
    /// - Throws: ``ResourceError/graph(nodes:whole:)``.
    public static func requireGraph(_ shape: NetworkShape, whole: Bool) throws(ResourceError) {
        let nodes = shape.graphNodes
        if nodes > graphNodes { throw .graph(nodes: nodes, whole: false) }
        if whole && nodes > explainedGraphNodes { throw .graph(nodes: nodes, whole: true) }
    }
    /// The text a `walk` may take: 20 MB, the walk of a 784-128-64-10 network with room to spare
    /// (measured at some 5 s per MB on the debug build, several times less on the release one).
    public static let walkBytes = 20_000_000

    /// Refuses a walk through the backward pass of a network of this `shape` of more than
    /// ``walkBytes`` of text (``OutputSize/walkBytes(_:)``).
    ///
    /// - Parameter shape: the network's shape.
    /// - Throws: ``ResourceError/walk(bytes:steps:)``.
    public static func requireWalkable(_ shape: NetworkShape) throws(ResourceError) {
        let bytes = OutputSize.walkBytes(shape)
        guard bytes > walkBytes else { return }
        throw .walk(bytes: bytes, steps: NetworkShape.product(shape.nodes, 3))
    }

    /// Refuses predictions of a network of `outputs` outputs listing `listed` samples (training and
    /// test) whose printed numbers (``OutputSize/predictionNumbers(outputs:listed:)``) would need more
    /// than ``memoryBytes`` at ``bytesPerPrintedNumber`` each.
    ///
    /// - Parameters:
    ///   - outputs: the network's output nodes.
    ///   - listed: the samples the table lists.
    /// - Throws: ``ResourceError/predictions(bytes:classes:numbers:)``.
    public static func requirePredictable(outputs: Int, listed: Int) throws(ResourceError) {
        let numbers = OutputSize.predictionNumbers(outputs: outputs, listed: listed)
        let bytes = NetworkShape.product(numbers, bytesPerPrintedNumber)
        guard bytes > memoryBytes else { return }
        throw .predictions(bytes: bytes, classes: outputs == 1 ? 2 : outputs, numbers: numbers)
    }

    /// `82,424,286,060,200`: a large count with its digits in groups of three.
    package static func grouped(_ n: Int) -> String {
        let digits = String(n)
        return digits.enumerated().map { i, digit in
            (i > 0 && (digits.count - i) % 3 == 0 ? "," : "") + String(digit)
        }.joined()
    }

    /// `640 MB`, `2 GB`, `2.4 GB`: megabytes below a gigabyte, else gigabytes to a tenth, always
    /// rounded up, so that a figure over a bound never reads as the bound.
    package static func megabytes(_ bytes: Int) -> String {
        let mb = bytes / 1_000_000 + (bytes % 1_000_000 > 0 ? 1 : 0)
        guard mb >= 1000 else { return "\(mb) MB" }
        let tenths = (mb + 99) / 100
        return "\(tenths / 10)" + (tenths % 10 == 0 ? "" : ".\(tenths % 10)") + " GB"
    }
}
