/// The loss of one training sample, as a pair of function and derivative with their formula text.
///
///     squared:       C_s = Σ_j (a_j^L − y_j)²       ∂C_s/∂a_j^L = 2(a_j^L − y_j)
///     half-squared:  C_s = ½ Σ_j (a_j^L − y_j)²     ∂C_s/∂a_j^L = a_j^L − y_j
///
/// `y` is the target and is a constant, so it has no derivative of its own.
public enum Loss: String, CaseIterable, Sendable {
    /// The article's loss, and the default.
    case squared
    /// Mazur's worked example: half the squared error, so the 2 cancels in the derivative.
    case halfSquared = "half-squared"

    /// One output node's share of the loss, `(a − y)²` or `½(a − y)²`.
    @inlinable
    public func term(a: Double, y: Double) -> Double {
        let d = a - y
        switch self {
        case .squared: return d * d
        case .halfSquared: return 0.5 * (d * d)
        }
    }

    /// `∂C_s/∂a_j^L` for one output node: `2(a − y)` or `a − y`.
    @inlinable
    public func derivative(a: Double, y: Double) -> Double {
        switch self {
        case .squared: return 2 * (a - y)
        case .halfSquared: return a - y
        }
    }

    /// The factor in front of `(a − y)` in the derivative: 2 or 1.
    public var derivativeFactor: Double {
        switch self {
        case .squared: return 2
        case .halfSquared: return 1
        }
    }

    /// The names a network file may use.
    public static var names: [String] { allCases.map(\.rawValue) }
}
