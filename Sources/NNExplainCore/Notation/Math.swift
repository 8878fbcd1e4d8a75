/// A formula as a sequence of pieces: symbols, numbers, operators and words. Explanations are built
/// from it once, and every renderer (text, ASCII, Markdown, LaTeX) writes the same pieces its own
/// way, so no format can show a formula the others do not.
public struct Math: Sendable, Equatable, ExpressibleByArrayLiteral {
    public let pieces: [Piece]

    public init(_ pieces: [Piece]) { self.pieces = pieces }
    public init(arrayLiteral pieces: Piece...) { self.pieces = pieces }

    public indirect enum Piece: Sendable, Equatable {
        /// A quantity such as `a_1^L` or `∂C_0/∂w_12^L`.
        case symbol(Symbol)
        /// A number as it is, e.g. the first factor of a product.
        case number(Double)
        /// A number after an operator: in parentheses when negative, `(-0.5)`.
        case operand(Double)
        case op(Operator)
        /// A word inside a formula, upright: `sigmoid`, `since`, `if`.
        case word(String)
        /// A fixed piece of notation given in both plain text and LaTeX, e.g. `1 / (1 + e^(−z))`.
        case notation(text: String, latex: String)
        /// `( … )`.
        case parenthesized(Math)
        /// `…²`.
        case squared(Math)
        /// `e^(…)`, the exponential of a formula or number.
        case exponential(Math)
        /// `g_l`, the activation function of layer `l`.
        case activation(Int)
        /// `Σ_i` over the named index.
        case sum(String)
        /// `(1/N) Σ_s`, the mean over the named index: its sum with the factor `1/N` before it.
        case mean(String)
        /// `(1/|B|) Σ_(s∈B)`, the mean over the named index running through a mini-batch B.
        case batchMean(String)
        /// The mean `(a + b) / n` written as `(…) / n`: the numerator in parentheses over an integer.
        case over(Math, Int)
        /// A matrix of numbers, `rows[r][c]`, written out with brackets and its shape `rows×columns`
        /// under it; a column vector is a matrix of one column. Renderers show at most
        /// ``Math/shownEntries`` rows and columns, eliding the middle ones with `…`.
        case matrix([[Double]])
    }

    /// The most rows or columns of a ``Piece/matrix(_:)`` that a renderer writes out; a longer one
    /// shows its first and last entries around an ellipsis.
    public static let shownEntries = 8

    /// The indices of the rows (or columns) of a matrix of `count` that are shown, in order; nil
    /// stands for the ellipsis in place of the middle ones. Every renderer elides the same entries.
    public static func shownIndices(_ count: Int) -> [Int?] {
        guard count > shownEntries else { return Array(0..<count) }
        let head = (shownEntries + 1) / 2, tail = shownEntries - head - 1
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }

    /// The shape `rows×columns` of a matrix, `3×1`.
    public static func shape(_ rows: Int, _ columns: Int) -> Math {
        [.notation(text: "\(rows)×\(columns)", latex: "\(rows) \\times \(columns)")]
    }

    public enum Operator: Sendable, Equatable {
        case times, plus, minus, equals, lessOrEqual, greater, half
        /// `⊙`, the entry-by-entry (Hadamard) product.
        case hadamard
        /// ` / `, a division written inline (softmax's `e^(z_j) / Σ_i e^(z_i)`).
        case divided
        /// Two matrices side by side, multiplied as matrices.
        case matrixProduct
        /// `old → new`.
        case becomes
        /// A column rule in tables.
        case bar
    }

    /// A formula of one symbol.
    public static func of(_ symbol: Symbol) -> Math { [.symbol(symbol)] }

    /// `a · b · c`, negative factors after the first in parentheses.
    public static func product(_ factors: [Double]) -> Math {
        joined(factors.map { Math([.number($0)]) }, by: .times)
    }

    /// `a + b + c`, negative terms after the first in parentheses.
    public static func sum(_ terms: [Double]) -> Math {
        joined(terms.map { Math([.number($0)]) }, by: .plus)
    }

    /// The parts joined by an operator; a leading number of every part after the first becomes an
    /// operand, so that negative numbers are parenthesized.
    public static func joined(_ parts: [Math], by op: Operator) -> Math {
        var pieces: [Piece] = []
        for (n, part) in parts.enumerated() {
            if n > 0 {
                pieces.append(.op(op))
                pieces += part.asOperand.pieces
            } else {
                pieces += part.pieces
            }
        }
        return Math(pieces)
    }

    /// This formula placed after an operator: a leading number is parenthesized when negative.
    public var asOperand: Math {
        guard case .number(let x)? = pieces.first else { return self }
        return Math([.operand(x)] + pieces.dropFirst())
    }

    public static func + (lhs: Math, rhs: Math) -> Math { Math(lhs.pieces + rhs.pieces) }
}
