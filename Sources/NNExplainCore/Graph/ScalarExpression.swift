/// A scalar expression as typed for `nnexplain expr`, parsed into a tree (``parse(_:)``) and built
/// into a ``ComputationGraph`` at given values of its names (``graph(values:)``).
///
/// The language: numbers (`2`, `0.5`, `1e-3`), names (letters, digits and `_`, not starting with a
/// digit, not a function's name), `+ - * /` (also `−`, `×`, `·`, `÷`), `^` (also `**`) with a number
/// exponent, parentheses, unary minus, and the calls `exp log tanh sigmoid relu` (one argument,
/// `ln` for `log`) and `max min` (two). Precedence, lowest first: `+ -`, then `* /`, then unary
/// minus, then `^`; so `-x^2` is `-(x^2)`, as in Python and mathematics, and `x^2^3` is `x^(2^3)`
/// (right-associative). `+ - * /` are left-associative.
///
/// Bounds, checked before the tree is built: at most ``maximumLength`` characters, and at most
/// ``maximumDepth`` parentheses (a call's included) open at once.
public struct ScalarExpression: Sendable, Equatable {
    /// What the node is.
    public let kind: Kind
    /// The 1-based column (in characters) of the node's operator, name, number or function name;
    /// errors about the node point there.
    public let column: Int

    public init(_ kind: Kind, column: Int) {
        self.kind = kind
        self.column = column
    }

    /// The nodes of the tree.
    public indirect enum Kind: Sendable, Equatable {
        /// A number as written (never negative: `-2` is a negation of `2`).
        case number(Double)
        /// A name whose value `--at` gives.
        case name(String)
        /// `-a`.
        case negate(ScalarExpression)
        /// `a + b`, `a - b`, `a * b`, `a / b`.
        case binary(Binary, ScalarExpression, ScalarExpression)
        /// `a ^ p` for a number `p` (an exponent written `2^3` is folded to `8`).
        case power(ScalarExpression, Double)
        /// A function applied to its arguments.
        case call(Function, [ScalarExpression])
        /// `NAME = value; body`: the name stands for the value's node in the body (micrograd's
        /// `c = a + b`); a later definition of the same name rebinds it from there on (`c = c + 1`).
        case define(String, ScalarExpression, ScalarExpression)
    }

    /// The four arithmetic operators.
    public enum Binary: String, Sendable, Equatable, CaseIterable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// The functions an expression may call.
    public enum Function: String, Sendable, Equatable, CaseIterable {
        case exp, log, tanh, sigmoid, relu, max, min

        /// How many arguments it takes.
        public var arity: Int { self == .max || self == .min ? 2 : 1 }

        /// The function called `name`: its own name, or `ln` for ``log``.
        public init?(named name: String) {
            if name == "ln" { self = .log; return }
            self.init(rawValue: name)
        }

        /// Every name a function goes by, which is no name of a value: `exp`, …, `min`, `ln`.
        public static let reservedNames: [String] = allCases.map { $0.rawValue } + ["ln"]
    }

    /// The most characters an expression may have.
    public static let maximumLength = 1_000
    /// The most parentheses (a call's included) that may be open at once.
    public static let maximumDepth = 100

    /// Whether `text` may name a value: letters, digits and `_`, not starting with a digit, and not
    /// the name of a function.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.first, startsName(first) else { return false }
        return text.allSatisfy(continuesName) && !Function.reservedNames.contains(text)
    }

    /// A letter or `_`.
    static func startsName(_ c: Character) -> Bool { c.isLetter || c == "_" }
    /// A letter, an ASCII digit or `_`.
    static func continuesName(_ c: Character) -> Bool { startsName(c) || isDigit(c) }
    /// `0` … `9` (not `²` or `½`, which are numbers to Unicode).
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// The names the expression uses whose values must be given (not those it defines before
    /// their use), each once, in the order they first appear.
    public var names: [String] {
        var names: [String] = []
        func visit(_ e: ScalarExpression, _ bound: Set<String>) {
            switch e.kind {
            case .number: break
            case .name(let name): if !bound.contains(name), !names.contains(name) { names.append(name) }
            case .negate(let a), .power(let a, _): visit(a, bound)
            case .binary(_, let a, let b): visit(a, bound); visit(b, bound)
            case .call(_, let arguments): arguments.forEach { visit($0, bound) }
            case .define(let name, let value, let body): visit(value, bound); visit(body, bound.union([name]))
            }
        }
        visit(self, [])
        return names
    }
}
