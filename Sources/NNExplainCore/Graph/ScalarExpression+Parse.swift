#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ScalarExpression {
    /// The expression `text` as a tree, by recursive descent over its tokens (the grammar and the
    /// precedence are ``ScalarExpression``'s).
    /// - Throws: ``ExpressionError`` naming the column and what was expected there; the bounds
    ///   (``maximumLength``, ``maximumDepth``) are checked before any parsing.
    ///
    /// Definitions `NAME = EXPR;` may come first (`c = a + b; d = c*c; d + 1`): each name stands for
    /// its value's node in what follows, and a name defined again is rebound from there on.
    public static func parse(_ text: String) throws(ExpressionError) -> ScalarExpression {
        var parser = Parser(tokens: try tokens(text))
        var definitions: [(name: String, column: Int, value: ScalarExpression)] = []
        while case .name(let name) = parser.peek.kind, parser.tokens[parser.index + 1].kind == .equals {
            let token = parser.take()
            guard Function(named: name) == nil else { throw .reservedName(column: token.column, name: name) }
            _ = parser.take()
            let value = try parser.sum()
            try parser.end(definitionEnds: true)
            definitions.append((name, token.column, value))
        }
        if !definitions.isEmpty, case .end = parser.peek.kind { throw .missingResult(column: parser.peek.column) }
        var expression = try parser.sum()
        try parser.end(definitionEnds: false)
        for definition in definitions.reversed() {
            // Used in what follows, before any later definition of the name rebinds it.
            guard expression.names.contains(definition.name) else { throw .unusedDefinition(column: definition.column, name: definition.name) }
            expression = ScalarExpression(.define(definition.name, definition.value, expression), column: definition.column)
        }
        return expression
    }

    /// The state of one parse: the tokens and where it is among them.
    private struct Parser {
        let tokens: [Token]
        var index = 0

        var peek: Token { tokens[index] }

        mutating func take() -> Token {
            defer { index += 1 }
            return tokens[index]
        }

        /// Checks what ends a definition's value (`;`) or the whole expression (the end of the text).
        mutating func end(definitionEnds: Bool) throws(ExpressionError) {
            let next = peek
            switch next.kind {
            case .semicolon where definitionEnds: _ = take()
            case .end where !definitionEnds: return
            case .end: throw .missingResult(column: next.column)
            case .semicolon: throw .strayDefinitionEnd(column: next.column)
            case .equals: throw .equalsNotDefinition(column: next.column)
            case .close: throw .unopened(column: next.column)
            case .number, .name, .open: throw .missingOperator(column: next.column, found: next.text ?? "")
            default: throw .missingOperand(column: next.column, found: next.text)
            }
        }

        /// The binary operators by precedence, lowest first: `+ -`, then `* /`.
        static let levels: [[Character: Binary]] = [["+": .add, "-": .subtract], ["*": .multiply, "/": .divide]]

        /// `operand (op operand)*`, left-associative, for the operators of `levels[level]`; an
        /// operand is the next level's chain, or after the last level a ``unary()``.
        mutating func sum(level: Int = 0) throws(ExpressionError) -> ScalarExpression {
            var left = try operand(level)
            while case .symbol(let c) = peek.kind, let op = Self.levels[level][c] {
                let token = take()
                left = ScalarExpression(.binary(op, left, try operand(level)), column: token.column)
            }
            return left
        }

        private mutating func operand(_ level: Int) throws(ExpressionError) -> ScalarExpression {
            level + 1 < Self.levels.count ? try sum(level: level + 1) : try unary()
        }

        /// `'-' unary | power`: unary minus binds less tightly than `^`.
        mutating func unary() throws(ExpressionError) -> ScalarExpression {
            if case .symbol("-") = peek.kind {
                let op = take()
                return ScalarExpression(.negate(try unary()), column: op.column)
            }
            return try power()
        }

        /// `primary ('^' exponent)?`.
        mutating func power() throws(ExpressionError) -> ScalarExpression {
            let base = try primary()
            guard case .symbol("^") = peek.kind else { return base }
            let op = take()
            return ScalarExpression(.power(base, try exponent()), column: op.column)
        }

        /// `'-'? number ('^' exponent)?`: a number, folded, right-associative (`2^3^2` is `2^9`).
        mutating func exponent() throws(ExpressionError) -> Double {
            var sign = 1.0
            if case .symbol("-") = peek.kind { _ = take(); sign = -1 }
            let token = take()
            guard case .number(let value) = token.kind else { throw .exponentNotNumber(column: token.column, found: token.text) }
            var p = sign * value
            if case .symbol("^") = peek.kind {
                _ = take()
                p = pow(p, try exponent())
                guard p.isFinite else { throw .numberTooLarge(column: token.column, text: "the exponent from here") }
            }
            return p
        }

        /// A number, a name, a call or a parenthesized sum.
        mutating func primary() throws(ExpressionError) -> ScalarExpression {
            let token = take()
            switch token.kind {
            case .number(let value): return ScalarExpression(.number(value), column: token.column)
            case .open:
                let inner = try sum()
                try close(opening: token.column)
                return inner
            case .name(let name):
                let function = Function(named: name)
                guard case .open = peek.kind else {
                    if let function { throw .functionWithoutCall(column: token.column, function: function) }
                    return ScalarExpression(.name(name), column: token.column)
                }
                guard let function else { throw .unknownFunction(column: token.column, name: name) }
                return ScalarExpression(.call(function, try arguments(of: function, at: token.column)), column: token.column)
            default: throw .missingOperand(column: token.column, found: token.text)
            }
        }

        /// `'(' sum (',' sum)* ')'` after a function's name, as many as it takes.
        mutating func arguments(of function: Function, at column: Int) throws(ExpressionError) -> [ScalarExpression] {
            let opening = take().column
            if case .close = peek.kind { throw .argumentCount(column: column, function: function, given: 0) }
            var list = [try sum()]
            while case .comma = peek.kind {
                _ = take()
                list.append(try sum())
            }
            try close(opening: opening)
            guard list.count == function.arity else { throw .argumentCount(column: column, function: function, given: list.count) }
            return list
        }

        /// Takes the `)` that closes the `(` at `opening`, or names what stands there instead.
        mutating func close(opening: Int) throws(ExpressionError) {
            let token = take()
            switch token.kind {
            case .close: return
            case .number, .name, .open: throw .missingOperator(column: token.column, found: token.text ?? "")
            default: throw .unclosed(column: token.column, opening: opening, found: token.text)
            }
        }
    }
}
