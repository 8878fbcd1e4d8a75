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

    /// `C_s = Σ_j (a_j^L − y_j)²` (or with `½`) for the given loss symbol and output layer `L`.
    public func formula(loss: Symbol, depth: Int) -> Math {
        let j = Symbol.Index.letter("j")
        let half: [Math.Piece] = self == .halfSquared ? [.notation(text: "½ ", latex: "\\tfrac{1}{2}")] : []
        return [.symbol(loss), .op(.equals)] + Math(half + [.sum("j")])
            + [.squared([.parenthesized([.symbol(.a(layer: depth, j)), .op(.minus), .symbol(.y(j))])])]
    }

    /// One output node's share of `C_s`, `(a − y)²` or `½(a − y)²`, for formulas or numbers `a`, `y`.
    public func term(a: Math, y: Math) -> Math {
        let square = Math.Piece.squared([.parenthesized(a + [.op(.minus)] + y.asOperand)])
        switch self {
        case .squared: return [square]
        case .halfSquared: return [.op(.half), square]
        }
    }

    /// `∂C_s/∂a_j^L`, `2(a − y)` or `a − y`, for formulas or numbers `a`, `y`.
    public func derivative(a: Math, y: Math) -> Math {
        switch self {
        case .squared: return [.notation(text: "2", latex: "2"), .parenthesized(a + [.op(.minus)] + y.asOperand)]
        case .halfSquared: return a + [.op(.minus)] + y.asOperand
        }
    }

    /// The names a network file may use.
    public static var names: [String] { allCases.map(\.rawValue) }
}
