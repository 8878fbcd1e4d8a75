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

    /// `C_s` as printed, given the text of the loss symbol: `C_0 = Σ_j (a_j^L − y_j)²`.
    public func formula(loss: String) -> String {
        switch self {
        case .squared: return "\(loss) = Σ_j (a_j^L − y_j)²"
        case .halfSquared: return "\(loss) = ½ Σ_j (a_j^L − y_j)²"
        }
    }

    /// One output node's share of `C_s` as printed, given the text of `a` and of `y`:
    /// `(a − y)²` or `½(a − y)²`.
    public func termFormula(a: String, y: String) -> String {
        switch self {
        case .squared: return "(\(a) − \(y))²"
        case .halfSquared: return "½(\(a) − \(y))²"
        }
    }

    /// `∂C_s/∂a_j^L` as printed, given the text (a symbol or a number) of `a` and of `y`:
    /// `2(a − y)` or `a − y`.
    public func derivativeFormula(a: String, y: String) -> String {
        switch self {
        case .squared: return "2(\(a) − \(y))"
        case .halfSquared: return "\(a) − \(y)"
        }
    }

    /// The names a network file may use.
    public static var names: [String] { allCases.map(\.rawValue) }
}
