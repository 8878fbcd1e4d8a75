#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ComputationGraph {
    /// A scalar operation: its forward value and its local gradients, side by side (docs/notation.md,
    /// "The computational graph"), so the backward pass can never use another rule than the forward one.
    public enum Operation: Sendable, Equatable {
        /// A given number; no inputs.
        case leaf
        /// `c = a + b + …` of any number of inputs, summed in order: `∂c/∂each = 1`.
        case add
        /// `c = a − b`: `∂c/∂a = 1`, `∂c/∂b = −1`.
        case subtract
        /// `c = a · b`: `∂c/∂a = b`, `∂c/∂b = a`.
        case multiply
        /// `c = a / b`: `∂c/∂a = 1/b`, `∂c/∂b = −a/b²`.
        case divide
        /// `c = −a`: `∂c/∂a = −1`.
        case negate
        /// `c = a^p` for a number `p`: `∂c/∂a = p a^(p−1)`.
        case power(Double)
        /// `c = e^a`: `∂c/∂a = e^a = c`.
        case exp
        /// `c = ln a`: `∂c/∂a = 1/a`.
        case log
        /// `c = g(a)` for an activation applied to one number, with the network's own function
        /// and derivative (``Activation/value(_:)``, ``Activation/derivative(z:a:)``); not softmax.
        case activation(Activation)
        /// `c = max(a, b)`: 1 for the larger input, 0 for the other; ½ each at a tie (the central
        /// difference's slope there, and PyTorch's `maximum`).
        case max
        /// `c = min(a, b)`: 1 for the smaller input, 0 for the other; ½ each at a tie.
        case min

        /// How many inputs it reads; nil for ``add``, which reads one or more.
        public var arity: Int? {
            switch self {
            case .leaf: return 0
            case .add: return nil
            case .subtract, .multiply, .divide, .max, .min: return 2
            case .negate, .power, .exp, .log, .activation: return 1
            }
        }

        /// The value and the local gradients at the inputs `x`.
        /// - Throws: ``Failure`` (naming `node`) where the operation is undefined at `x`.
        func evaluate(_ x: [Double], node: Int) throws(Failure) -> (value: Double, locals: [Double]) {
            switch self {
            case .leaf:
                preconditionFailure("a leaf has no operation to evaluate")
            case .add:
                var sum = 0.0
                for term in x { sum += term }
                return (sum, x.map { _ in 1 })
            case .subtract: return (x[0] - x[1], [1, -1])
            case .multiply: return (x[0] * x[1], [x[1], x[0]])
            case .divide:
                guard x[1] != 0 else { throw .divisionByZero(node: node) }
                // −a/b² as −(a/b)/b: b² of a large b (softmax's sum of e^z) would overflow.
                let quotient = x[0] / x[1]
                return (quotient, [1 / x[1], -quotient / x[1]])
            case .negate: return (-x[0], [-1])
            case .power(let p):
                guard x[0] >= 0 || p == p.rounded() else { throw .powerOfNegative(node: node, base: x[0], exponent: p) }
                if x[0] == 0 && p < 0 { throw .divisionByZero(node: node) }
                if p == 2 { return (x[0] * x[0], [2 * x[0]]) }
                return (pow(x[0], p), [p == 0 ? 0 : p * pow(x[0], p - 1)])
            case .exp:
                let e = naturalExponential(x[0])
                return (e, [e])
            case .log:
                guard x[0] > 0 else { throw .logarithmOfNonPositive(node: node, argument: x[0]) }
                return (naturalLogarithm(x[0]), [1 / x[0]])
            case .activation(let g):
                let a = g.value(x[0])
                return (a, [g.derivative(z: x[0], a: a)])
            case .max, .min:
                let first = self == .max ? x[0] > x[1] : x[0] < x[1]
                if x[0] == x[1] { return (x[0], [0.5, 0.5]) }
                return first ? (x[0], [1, 0]) : (x[1], [0, 1])
            }
        }
    }
}

/// `e^x` and `ln x` under names the operations' cases `exp` and `log` do not hide.
private func naturalExponential(_ x: Double) -> Double { exp(x) }
private func naturalLogarithm(_ x: Double) -> Double { log(x) }
