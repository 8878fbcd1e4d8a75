#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss of one training sample, as a pair of function and derivative with their formula text.
///
///     squared:               C_s = Σ_j (a_j^L − y_j)²       ∂C_s/∂a_j^L = 2(a_j^L − y_j)
///     half-squared:          C_s = ½ Σ_j (a_j^L − y_j)²     ∂C_s/∂a_j^L = a_j^L − y_j
///     cross-entropy:         C_s = −Σ_j y_j ln a_j^L        ∂C_s/∂a_j^L = −y_j / a_j^L
///     binary-cross-entropy:  C_s = −Σ_j [y_j ln a_j^L + (1 − y_j) ln(1 − a_j^L)]
///                                                           ∂C_s/∂a_j^L = −y_j / a_j^L + (1 − y_j) / (1 − a_j^L)
///
/// `y` is the target and is a constant, so it has no derivative of its own. A term whose factor
/// `y_j` or `1 − y_j` is 0 counts as 0 (the limit `0 · ln 0 = 0`), so a one-hot target never
/// multiplies 0 by an infinite logarithm. Which output activations each loss fits is
/// ``Network/pairingProblem``'s business.
public enum Loss: String, CaseIterable, Sendable {
    /// The article's loss, and the default.
    case squared
    /// Mazur's worked example: half the squared error, so the 2 cancels in the derivative.
    case halfSquared = "half-squared"
    /// For probabilities: softmax outputs (or sigmoid ones), non-negative targets.
    case crossEntropy = "cross-entropy"
    /// For independent yes/no outputs: sigmoid outputs, targets in [0, 1].
    case binaryCrossEntropy = "binary-cross-entropy"

    /// Whether the loss takes logarithms of the outputs, so ``term(a:y:logA:logOneMinusA:)`` needs them.
    @inlinable
    package var usesLogarithms: Bool { self == .crossEntropy || self == .binaryCrossEntropy }

    /// `a − y`, worked as `(1 − y) − (1 − a)` with the caller's `1 − a` (``OutputLayer/complement``)
    /// where `1 − a` is below ``Activation/complementFloor``: so an output that rounded to 1 with a
    /// target of 1 has the tiny error it has, not 0. Elsewhere the difference as written.
    @inlinable
    package static func error(a: Double, y: Double, oneMinusA: Double) -> Double {
        1 - a < Activation.complementFloor ? (1 - y) - oneMinusA : a - y
    }

    /// One output node's share of the loss. The logarithms `ln a` and `ln(1 − a)` are given by the
    /// caller, computed from `z` in stable form (``OutputLayer``), and used only by the two
    /// cross-entropies; `1 − a` (the same) only by the squared losses' ``error(a:y:oneMinusA:)``.
    @inlinable
    package func term(a: Double, y: Double, logA: Double, logOneMinusA: Double, oneMinusA: Double) -> Double {
        switch self {
        case .squared:
            let e = Loss.error(a: a, y: y, oneMinusA: oneMinusA)
            return e * e
        case .halfSquared:
            let e = Loss.error(a: a, y: y, oneMinusA: oneMinusA)
            return 0.5 * (e * e)
        case .crossEntropy: return y == 0 ? 0 : -(y * logA)
        case .binaryCrossEntropy:
            return -((y == 0 ? 0 : y * logA) + (y == 1 ? 0 : (1 - y) * logOneMinusA))
        }
    }

    /// `∂C_s/∂a_j^L` for one output node, with `1 − a` given by the caller (the output layer takes the
    /// sigmoid's as `σ(−z)`, ``Activation/sigmoidComplement(z:a:)``), so binary cross-entropy's
    /// `(1 − y) / (1 − a)` is the large finite number it is where `a` rounded to 1. It is infinite only
    /// where it exceeds the largest double (`1 − a` or `a` below about 5.6e-309, or 0); the output
    /// layer's `∂C_s/∂z` then comes from the stable forms instead (``OutputRule``).
    @inlinable
    package func derivative(a: Double, y: Double, oneMinusA: Double) -> Double {
        switch self {
        case .squared: return 2 * Loss.error(a: a, y: y, oneMinusA: oneMinusA)
        case .halfSquared: return Loss.error(a: a, y: y, oneMinusA: oneMinusA)
        case .crossEntropy: return y == 0 ? 0 : -y / a
        case .binaryCrossEntropy: return (y == 0 ? 0 : -y / a) + (y == 1 ? 0 : (1 - y) / oneMinusA)
        }
    }

    /// ``derivative(a:y:oneMinusA:)`` from `a` alone, `1 − a` as a subtraction: as a student works it
    /// out by hand from a rounded `a`.
    package func derivative(a: Double, y: Double) -> Double { derivative(a: a, y: y, oneMinusA: 1 - a) }

    /// `C_s = Σ_j (a_j^L − y_j)²` (or its kin) for the given loss symbol and output layer `L`.
    package func formula(loss: Symbol, depth: Int) -> Math {
        let j = Symbol.Index.letter("j")
        let a = Math.of(.a(layer: depth, j)), y = Math.of(.y(j))
        let body: [Math.Piece]
        switch self {
        case .squared, .halfSquared:
            let half: [Math.Piece] = self == .halfSquared ? [.op(.half), .op(.juxtaposed)] : []
            return [.symbol(loss), .op(.equals)] + Math(half + [.sum("j"), .squared([.parenthesized(a + [.op(.minus)] + y)])])
        case .crossEntropy: body = [.sum("j")] + (y + Loss.ln(a)).pieces
        case .binaryCrossEntropy: body = [.sum("j"), .bracketed(binaryTerms(a: a, y: y), .square)]
        }
        return [.symbol(loss), .op(.equals), .op(.negative)] + Math(body)
    }

    /// One output node's share of `C_s`, for formulas or numbers `a`, `y`: `(a − y)²`, `½(a − y)²`,
    /// `−y ln a`, `−[y ln a + (1 − y) ln(1 − a)]`. With numbers, `logA` and `logOneMinusA` replace
    /// `ln a` and `ln(1 − a)`, and `oneMinusA` the `1 − a` of `a − y = (1 − y) − (1 − a)`, by the
    /// numbers the pass used where the shown `a` would not give them (an output that rounded to 0 or 1).
    package func term(a: Math, y: Math, logA: Math? = nil, logOneMinusA: Math? = nil, oneMinusA: Math? = nil) -> Math {
        let square = Math.Piece.squared([.parenthesized(Loss.error(a: a, y: y, oneMinusA: oneMinusA))])
        switch self {
        case .squared: return [square]
        case .halfSquared: return [.op(.half), square]
        case .crossEntropy: return [.op(.negative)] + y + (logA.map { [.op(.times)] + $0.asOperand } ?? Loss.ln(a))
        case .binaryCrossEntropy:
            return [.op(.negative), .bracketed(binaryTerms(a: a, y: y, logA: logA, logOneMinusA: logOneMinusA), .square)]
        }
    }

    /// `∂C_s/∂a_j^L`, for formulas or numbers `a`, `y`; `oneMinusA` replaces `1 − a` (binary
    /// cross-entropy's, and the squared losses' in `a − y = (1 − y) − (1 − a)`) by the number the pass used where the shown `a` would not give it (still in parentheses,
    /// since a divisor in LaTeX's `4.2 × 10^{-18}` form would otherwise read wrongly).
    package func derivative(a: Math, y: Math, oneMinusA: Math? = nil) -> Math {
        switch self {
        case .squared: return [.integer(2), .parenthesized(Loss.error(a: a, y: y, oneMinusA: oneMinusA))]
        case .halfSquared: return Loss.error(a: a, y: y, oneMinusA: oneMinusA)
        case .crossEntropy: return [.op(.negative)] + y + [.op(.divided)] + a.asOperand
        case .binaryCrossEntropy:
            return [.op(.negative)] + y + [.op(.divided)] + a.asOperand + [.op(.plus)]
                + [.parenthesized([.number(1), .op(.minus)] + y.asOperand), .op(.divided)]
                + [.parenthesized(oneMinusA ?? [.number(1), .op(.minus)] + a.asOperand)]
        }
    }

    /// `a − y`, or `(1 − y) − (1 − a)` with `oneMinusA` for `1 − a` where it is given.
    private static func error(a: Math, y: Math, oneMinusA: Math?) -> Math {
        guard let oneMinusA else { return a + [.op(.minus)] + y.asOperand }
        return [.parenthesized([.number(1), .op(.minus)] + y.asOperand), .op(.minus)] + oneMinusA.asOperand
    }

    /// `y ln a + (1 − y) ln(1 − a)`, the logarithms replaced by `logA`, `logOneMinusA` where given.
    private func binaryTerms(a: Math, y: Math, logA: Math? = nil, logOneMinusA: Math? = nil) -> Math {
        y + (logA.map { [.op(.times)] + $0.asOperand } ?? Loss.ln(a))
            + [.op(.plus), .parenthesized([.number(1), .op(.minus)] + y.asOperand)]
            + (logOneMinusA.map { [.op(.times)] + $0.asOperand } ?? Loss.ln([.parenthesized([.number(1), .op(.minus)] + a.asOperand)]))
    }

    /// `ln x`.
    private static func ln(_ x: Math) -> Math { [.function("ln", x.asOperand)] }

    /// The names a network file may use.
    package static var names: [String] { allCases.map { $0.rawValue } }
}
