/// A formula as a sequence of pieces: symbols, numbers, operators, words and the structure of the
/// general notation (letters with scripts, fractions, functions, brackets, cases). Explanations are
/// built from it once, and every renderer (text, ASCII, Markdown, LaTeX, MathML) writes the same
/// pieces its own way, so no format can show a formula the others do not; no piece carries a
/// spelling of its own.
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
        /// A letter of the general notation with its scripts, `z_j^l`, `w_jk^l`, `a_k^(l-1)`, `N`:
        /// italic, the scripts written as given (a quantity of a network is a ``symbol(_:)``).
        case variable(String, sub: String = "", sup: String = "")
        /// A whole number as written, `3` in the shape `3×1`: never rounded to a precision.
        case integer(Int)
        /// `numerator / denominator`: a stacked fraction where the format has one, in text the
        /// two sides on one line, a side with an operator in parentheses.
        case fraction(Math, Math)
        /// `(1/x)`, the reciprocal of a count, written before what it scales: `(1/N) Σ_s`.
        case reciprocal(Math)
        /// The partial derivative `∂q/∂w` of general notation; `slashed` keeps it on one line in
        /// every format (a stacked one where the format has one otherwise).
        case partial(Math, Math, slashed: Bool)
        /// A named function applied to its argument, upright: `ln a`, `tanh z`, `max(0, z)`; with
        /// `squared`, its square, `tanh² z`.
        case function(String, Math, squared: Bool = false)
        /// A formula between brackets of a kind (``Bracket``).
        case bracketed(Math, Bracket)
        /// One bracket alone, opening or closing, for a group whose inside a renderer may break.
        case bracket(Bracket, opening: Bool)
        /// `value if condition, else otherwise`, a function of two cases.
        case conditional(Math, condition: Math, otherwise: Math)
        /// Kronecker's `δ_ij`: 1 when the two indices are equal, else 0.
        case kronecker(String, String)
        /// The transpose `X^T` of a formula written as one letter or group.
        case transposed(Math)
        /// The vector of ones `𝟏` (bold in print), which sums a matrix's rows.
        case ones
        /// A command as typed, in typewriter type where the format has it.
        case code(String)
        /// An empty line to write an answer on.
        case blank
        /// A number exactly as written, digits and all: a lesson's `0.3775`, `-5.66`.
        case numeral(String)
        /// `…`, terms left out.
        case ellipsis
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
    package static let shownEntries = 8

    /// The indices of the rows (or columns) of a matrix of `count` that are shown, in order; nil
    /// stands for the ellipsis in place of the middle ones. Every renderer elides the same entries.
    package static func shownIndices(_ count: Int) -> [Int?] {
        guard count > shownEntries else { return (0..<count).map { $0 } }
        let head = (shownEntries + 1) / 2, tail = shownEntries - head - 1
        return (0..<head).map { $0 } + [nil] + ((count - tail)..<count).map { $0 }
    }

    /// The shape `rows×columns` of a matrix, `3×1`.
    package static func shape(_ rows: Int, _ columns: Int) -> Math {
        [.integer(rows), .op(.by), .integer(columns)]
    }

    /// A kind of bracket: how it is sized in print, and its shape.
    public enum Bracket: Sendable, Equatable {
        /// `( … )` at the text's size: `max(0, z)`, `C(θ + ε)`.
        case plain
        /// `( … )` a size larger in print, around a long group broken over rows.
        case big
        /// `[ … ]`, as tall as what it holds.
        case square
        /// `| … |`, an absolute value.
        case bars
    }

    /// A formula of one symbol.
    package static func of(_ symbol: Symbol) -> Math { [.symbol(symbol)] }

    /// `a · b · c`, negative factors after the first in parentheses.
    package static func product(_ factors: [Double]) -> Math {
        joined(factors.map { Math([.number($0)]) }, by: .times)
    }

    /// `a + b + c`, negative terms after the first in parentheses.
    package static func sum(_ terms: [Double]) -> Math {
        joined(terms.map { Math([.number($0)]) }, by: .plus)
    }

    /// The parts joined by an operator; a leading number of every part after the first becomes an
    /// operand, so that negative numbers are parenthesized.
    package static func joined(_ parts: [Math], by op: Operator) -> Math {
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
    package var asOperand: Math {
        guard case .number(let x)? = pieces.first else { return self }
        return Math([.operand(x)] + pieces.dropFirst())
    }

    package static func + (lhs: Math, rhs: Math) -> Math { Math(lhs.pieces + rhs.pieces) }
}
