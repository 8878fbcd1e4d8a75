#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An activation function `g`, its derivative `g'`, and the formula text an explanation prints.
///
/// Function, derivative and formula live side by side so that what the tool writes about an
/// activation can never drift from what it computes (the same idea as Nielsen's cost pairs).
public enum Activation: String, CaseIterable, Sendable {
    case sigmoid
    case tanh
    case relu
    case leakyRelu = "leaky-relu"
    case identity
    /// `a_j = e^(z_j) / Σ_i e^(z_i)`: a function of the whole layer, so for the output layer only
    /// (``isElementwise`` is false; its values come from ``softmax(_:count:into:)``).
    case softmax

    /// The slope of `leaky-relu` for `z ≤ 0`.
    public static let leakySlope = 0.01

    /// Whether `a_j = g(z_j)` depends on `z_j` alone: every activation but softmax.
    package var isElementwise: Bool { self != .softmax }

    /// `g(z)`, in numerically stable forms: the sigmoid never evaluates `e^z` for large positive `z`.
    /// Softmax has no value of one `z` alone (see ``softmax(_:count:into:)``): it gives NaN here,
    /// which every finite check refuses, and no caller asks it.
    @inlinable
    package func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            if z >= 0 { return 1 / (1 + exp(-z)) }
            let e = exp(z)
            return e / (1 + e)
        case .tanh: return hyperbolicTangent(z)
        case .relu: return z > 0 ? z : 0
        case .leakyRelu: return z > 0 ? z : Activation.leakySlope * z
        case .identity: return z
        case .softmax: return .nan
        }
    }

    /// Softmax of the `n` numbers at `z` into `a`, stably: with `m = max z` (found in order of `i`),
    /// `a_j = e^(z_j − m) / Σ_i e^(z_i − m)`, the sum in order of `i`. Subtracting `m` changes nothing
    /// mathematically but keeps every `e^…` at most 1, so no large `z` overflows. The trace and the
    /// batched engine both call this, so they give the same bits.
    @inlinable
    package static func softmax(_ z: UnsafePointer<Double>, count n: Int, into a: UnsafeMutablePointer<Double>) {
        let (m, total) = logSumExpParts(z, count: n)
        for j in 0..<n { a[j] = exp(z[j] - m) / total }
    }

    /// `m = max z` and `Σ_i e^(z_i − m)`, both in order of `i`: so `ln Σ_i e^(z_i) = m + ln(total)`.
    @inlinable
    package static func logSumExpParts(_ z: UnsafePointer<Double>, count n: Int) -> (max: Double, total: Double) {
        var m = -Double.infinity
        for i in 0..<n where z[i] > m { m = z[i] }
        var total = 0.0
        for i in 0..<n { total += exp(z[i] - m) }
        return (m, total)
    }

    /// `ln σ(z)` without overflow or loss of precision: `−ln(1 + e^(−z))` for `z ≥ 0`, else
    /// `z − ln(1 + e^z)`; so `z = 40` gives a tiny negative number, not `ln 1 = 0` or `ln 0`.
    @inlinable
    package static func logSigmoid(_ z: Double) -> Double {
        z >= 0 ? -log1p(exp(-z)) : z - log1p(exp(z))
    }

    /// `g'(z)`, given `z` and the already computed `a = g(z)` (sigmoid and tanh reuse `a`). The
    /// sigmoid's is `a · (1 − a)` with `1 − a` by ``sigmoidComplement(z:a:)``, so a saturated
    /// node's slope is the tiny number it is, not 0. For softmax, the diagonal of its Jacobian,
    /// `∂a_j/∂z_j = a_j(1 − a_j)` from `a` alone; ``softmaxSlopes(_:a:count:into:)`` takes `1 − a_j`
    /// from the other outputs where that matters, and the trace and engine use it.
    @inlinable
    package func derivative(z: Double, a: Double) -> Double {
        switch self {
        case .sigmoid: return a * Activation.sigmoidComplement(z: z, a: a)
        case .tanh: return 1 - abs(a) < Activation.complementFloor ? Activation.saturatedTanhSlope(z) : 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .leakyRelu: return z > 0 ? 1 : Activation.leakySlope
        case .identity: return 1
        case .softmax: return a * (1 - a)
        }
    }

    /// `g(z)` as a formula, e.g. `1 / (1 + e^(−z))`.
    package var formula: Math {
        let z = Math.Piece.variable("z")
        switch self {
        case .sigmoid: return [.fraction([.integer(1)], [.integer(1), .op(.plus), .exponential([.op(.negative), z])])]
        case .tanh: return [.function("tanh", [z])]
        case .relu: return [.function("max", [.bracketed([.integer(0), .op(.comma), z], .plain)])]
        case .leakyRelu: return [.conditional([z], condition: [z, .op(.greater), .integer(0)],
                                              otherwise: [.number(Activation.leakySlope), .op(.juxtaposed), z])]
        case .identity: return [z]
        case .softmax: return [.fraction([.exponential([.variable("z", sub: "j")])],
                                         [.sum("i"), .exponential([.variable("z", sub: "i")])])]
        }
    }

    /// `g'(z)` as a formula, e.g. `g(z)(1 − g(z))`.
    package var derivativeFormula: Math {
        let z = Math.Piece.variable("z"), positive: Math = [z, .op(.greater), .integer(0)]
        let g: Math = [.variable("g"), .bracketed([z], .plain)]
        switch self {
        case .sigmoid: return g + [.op(.juxtaposed), .bracketed([.integer(1), .op(.minus)] + g, .plain)]
        case .tanh: return [.integer(1), .op(.minus), .function("tanh", [z], squared: true)]
        case .relu: return [.conditional([.integer(1)], condition: positive, otherwise: [.integer(0)])]
        case .leakyRelu: return [.conditional([.integer(1)], condition: positive, otherwise: [.number(Activation.leakySlope)])]
        case .identity: return [.integer(1)]
        case .softmax:
            return [.variable("a", sub: "i"), .bracketed([.kronecker("i", "j"), .op(.minus), .variable("a", sub: "j")], .plain)]
        }
    }

    /// `g'(z)` written with `a = g(z)` for the activations whose derivative is a function of their
    /// value: `a · (1 − a)` for the sigmoid, `1 − (a)²` for tanh; `nil` for the others. Given a symbol
    /// it is the formula, given a number the substitution; `oneMinusA` replaces the sigmoid's `(1 − a)`
    /// by the number the pass used (`σ(−z)`) where the shown `a` would not give it.
    package func derivativeFormula(a: Math, oneMinusA: Math? = nil) -> Math? {
        switch self {
        case .sigmoid: return a + [.op(.times)] + (oneMinusA?.asOperand ?? [.parenthesized([.number(1), .op(.minus)] + a.asOperand)])
        case .tanh: return [.number(1), .op(.minus), .squared([.parenthesized(a)])]
        case .relu, .leakyRelu, .identity, .softmax: return nil
        }
    }

    /// How `g'(z)` is evaluated with numbers.
    package enum Substitution: Sendable, Equatable {
        /// Through ``derivativeFormula(a:oneMinusA:)`` with this `a = g(z)` (sigmoid, tanh), and the
        /// `1 − a` the slope used (the sigmoid's `σ(−z)`, else the difference).
        case value(a: Double, oneMinusA: Double)
        /// A piecewise derivative: the test on `z` that decided it, and the constant it gave.
        case branch(z: Double, positive: Bool, value: Double)
        /// A constant derivative.
        case constant(Double)
    }

    /// The numbers to substitute into ``derivativeFormula`` for this `z` and `a`.
    package func substitution(z: Double, a: Double) -> Substitution {
        switch self {
        case .sigmoid: return .value(a: a, oneMinusA: Activation.sigmoidComplement(z: z, a: a))
        case .tanh, .softmax: return .value(a: a, oneMinusA: 1 - a)
        case .relu, .leakyRelu: return .branch(z: z, positive: z > 0, value: derivative(z: z, a: a))
        case .identity: return .constant(1)
        }
    }

    /// Whether a sigmoid or tanh node is saturated: its slope `g'(z)` below a thousandth of its largest
    /// value (the sigmoid's is 1/4 at z = 0, tanh's 1), which happens for |z| above about 8.3 and
    /// 4.1. Its gradients then nearly vanish. Other activations never saturate.
    package func isSaturated(z: Double, derivative: Double) -> Bool {
        switch self {
        case .sigmoid: return derivative < 0.25e-3
        case .tanh: return derivative < 1e-3
        case .relu, .leakyRelu, .identity, .softmax: return false
        }
    }

    /// The names a network file may use, in the order help and errors list them.
    package static var names: [String] { allCases.map { $0.rawValue } }
}

/// C's `tanh`, under a name the enum case `tanh` does not shadow.
@usableFromInline
func hyperbolicTangent(_ z: Double) -> Double { tanh(z) }
