extension BoundaryPicture {
    /// Why a network or a grid cannot be drawn, as a value a caller can switch on.
    public enum Problem: Error, Equatable, Sendable {
        /// The network has `inputs` inputs, not 2.
        case inputs(Int)
        /// ``Shading/value`` needs one output, and the network has `outputs`.
        case valueShading(outputs: Int)
        /// The network's `outputs` make more than ``maxClasses`` classes.
        case classes(outputs: Int)
        /// A grid of `resolution` cells along each axis (below 1).
        case resolution(Int)
        /// A `resolution × resolution` grid would take `multiplyAdds` (more than ``workLimit``);
        /// `fitting` is the largest resolution that would not, if at least 2.
        case work(resolution: Int, multiplyAdds: Int, fitting: Int?)
        /// The samples' values of input `input` span more than a picture can (``dataRange(_:)`` is nil).
        case dataRange(input: Int)
        /// The network is not well formed (``Network/requireWellFormed()``).
        case network(NetworkError)
    }

    /// The multiply-adds a picture may take, `N² ×` one forward pass (``NetworkShape/forwardWork``: the
    /// network's weights and each layer's own cost), a few seconds.
    public static let workLimit = 2_000_000_000

    /// Checks that a network of this `shape` can be drawn on a `resolution × resolution` grid with
    /// `shading`: 2 inputs, at most ``maxClasses`` classes, one output for ``Shading/value``, and
    /// no more than ``workLimit`` multiply-adds. A caller that knows the shape before the network
    /// is made (a random one) checks it first.
    ///
    /// - Parameters:
    ///   - shape: the network's shape (``NetworkShape/init(_:)``, or one given before it is made).
    ///   - resolution: cells along each side of the grid.
    ///   - shading: what colours a cell.
    /// - Throws: the first ``Problem`` in that order (``Problem/resolution(_:)`` for a resolution below 1 first).
    public static func require(_ shape: NetworkShape, resolution: Int, shading: Shading) throws(Problem) {
        guard resolution >= 1 else { throw .resolution(resolution) }
        guard shape.sizes[0] == 2 else { throw .inputs(shape.sizes[0]) }
        let outputs = shape.sizes[shape.depth]
        if shading == .value, outputs != 1 { throw .valueShading(outputs: outputs) }
        guard Classification.classCount(outputs: outputs) <= maxClasses else { throw .classes(outputs: outputs) }
        let work = NetworkShape.product(NetworkShape.product(resolution, resolution), shape.forwardWork)
        guard work <= workLimit else {
            let fitting = Int((Double(workLimit) / Double(shape.forwardWork)).squareRoot())
            throw .work(resolution: resolution, multiplyAdds: work, fitting: fitting >= 2 ? fitting : nil)
        }
    }

    /// The range of the plane along input `k` (0 or 1): `given`, or the samples', training and
    /// test, with a margin (``dataRange(_:)``).
    ///
    /// - Parameters:
    ///   - given: the range asked for, or nil for the samples' own.
    ///   - k: the input, 0 (x) or 1 (y).
    ///   - network: the network whose samples span the range.
    /// - Returns: the range to draw along input `k`.
    /// - Throws: ``Problem/dataRange(input:)`` when the samples' range is not finite.
    public static func range(_ given: ClosedRange<Double>?, input k: Int, of network: Network) throws(Problem) -> ClosedRange<Double> {
        if let given { return given }
        let values = (network.samples + network.testSamples).compactMap { $0.x.indices.contains(k) ? $0.x[k] : nil }
        guard let range = dataRange(values) else { throw .dataRange(input: k) }
        return range
    }
}

extension BoundaryPicture.Problem: ExplainedError {
    /// The sentence, of "this network".
    public var message: String { message(network: "this network") }

    /// The sentence, naming the network as `network` ("the built-in network") and the setting of
    /// the resolution as `resolutionOption` (an option such as `--resolution`) when given.
    package func message(network: String, resolutionOption: String? = nil) -> String {
        switch self {
        case .inputs(let n):
            return "boundary draws the plane of a network's 2 inputs, and \(network) has \(n) input\(n == 1 ? "" : "s")"
        case .valueShading(let outputs):
            return "value shading shades by the one output a_0^L, and \(network) has \(outputs) outputs; shade by class"
        case .classes(let outputs):
            return "boundary tells at most \(BoundaryPicture.maxClasses) classes apart, one colour and shape each, "
                + "and \(network) has \(outputs) outputs"
        case .resolution(let n):
            return "a picture of \(n) × \(n) cells has no cell; give a resolution of at least 2"
        case .work(let resolution, let work, let fitting):
            return "a picture of \(resolution) × \(resolution) cells\(resolutionOption.map { " (\($0))" } ?? "") evaluates \(network) at "
                + "\(ResourceLimits.grouped(NetworkShape.product(resolution, resolution))) points, about \(ResourceLimits.grouped(work)) multiply-adds (each layer counted as \(NetworkShape.layerWork) more), "
                + "more than the \(ResourceLimits.grouped(BoundaryPicture.workLimit)) a picture may take; "
                + (fitting.map { "give \(resolutionOption.map { "\($0) " } ?? "a resolution of ")\($0) or less" } ?? "this network is too large to draw")
        case .dataRange(let k):
            return "the samples' x_\(k) spans more than a picture can: give the range to draw"
        case .network(let error):
            return error.message
        }
    }
}
