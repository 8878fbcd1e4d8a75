/// A number a command would show is not finite (an overflow to infinity, or a NaN), found before
/// the explanation is written, as a value a caller can switch on.
public enum OverflowError: Error, Equatable, Sendable {
    /// `bad`, a number of a network of `depth` layers, is not finite; `held` when its sample is a
    /// held-out one (``Network/testSamples``).
    case overflowed(NonFinite, depth: Int, held: Bool)
}

extension OverflowError {
    /// The one sentence: which number, of which sample, and the fix.
    public var message: String {
        switch self {
        case .overflowed(let bad, let depth, let held):
            let naming = LayerNaming(depth: depth)
            return "the computation overflowed: \(bad.name(depth: depth))\(bad.sample.map { " of \(held ? "test sample" : "sample") \($0)" } ?? "") "
                + "(layer \(naming.fullName(bad.layer)), node \(bad.node)) is \(bad.valueWord); "
                + "scale down the weights or inputs that feed it"
        }
    }

}

extension NonFinite {
    /// The quantity as the text renderer writes it, `w_00^L`, in a network of `depth` layers.
    public func name(depth: Int) -> String { TextRenderer(naming: LayerNaming(depth: depth)).text(symbol) }

    /// "infinite" or "not a number (NaN)": what the number became.
    public var valueWord: String { NonFinite.word(value) }

    /// "infinite" or "not a number (NaN)": what a number that is not finite became.
    public static func word(_ value: Double) -> String { value.isNaN ? "not a number (NaN)" : "infinite" }
}
