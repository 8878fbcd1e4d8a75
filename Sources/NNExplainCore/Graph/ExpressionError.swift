/// Why an expression cannot be explained: a mistake in its text or its bounds (found by
/// ``ScalarExpression/parse(_:)``), names and values that do not match, or an operation undefined at the
/// given values (found by ``ScalarExpression/graph(values:)``). Columns count characters from 1; a
/// `found` of nil is the end of the expression. The sentences are the explanation library's.
public enum ExpressionError: Error, Equatable, Sendable {
    /// Nothing but spaces.
    case empty
    /// More than ``ScalarExpression/maximumLength`` characters.
    case tooLong(characters: Int)
    /// A parenthesis at `column` opens more than ``ScalarExpression/maximumDepth`` at once.
    case tooDeep(column: Int)
    /// A character no expression has.
    case unexpectedCharacter(column: Int, character: Character)
    /// A number, a name or `(` was expected (at the start, after an operator or a comma).
    case missingOperand(column: Int, found: String?)
    /// A number, a name or `(` follows a complete operand where an operator belongs (`2x`, `x y`).
    case missingOperator(column: Int, found: String)
    /// The `(` at `opening` is not closed where `column` is.
    case unclosed(column: Int, opening: Int, found: String?)
    /// A `)` that no `(` opened.
    case unopened(column: Int)
    /// A call of a function the language does not have.
    case unknownFunction(column: Int, name: String)
    /// A function's name used without `(`, as a value.
    case functionWithoutCall(column: Int, function: ScalarExpression.Function)
    /// A call with `given` arguments of a function that takes another number.
    case argumentCount(column: Int, function: ScalarExpression.Function, given: Int)
    /// `^` followed by something other than a number.
    case exponentNotNumber(column: Int, found: String?)
    /// A number beyond the largest double: one as written (`text` its digits), or an exponent
    /// folded from a chain such as `2^2^2^…` (`text` "the exponent from here").
    case numberTooLarge(column: Int, text: String)
    /// `NAME =` of a definition names a function.
    case reservedName(column: Int, name: String)
    /// The text ends after a definition's `;`, with no expression to compute.
    case missingResult(column: Int)
    /// A `;` after the expression to compute (a `;` ends a definition `NAME = …`).
    case strayDefinitionEnd(column: Int)
    /// An `=` that does not follow the name of a definition at the start of a part.
    case equalsNotDefinition(column: Int)
    /// A definition whose name nothing after it uses.
    case unusedDefinition(column: Int, name: String)
    /// Names the expression uses that have no value.
    case missingValues([String])
    /// Values given for names the expression does not use.
    case unusedValues([String])
    /// The operation at `column` is undefined or overflows at its `inputs`, which the given values make.
    case undefined(column: Int, operation: ComputationGraph.Operation, inputs: [Double], failure: ComputationGraph.Failure)

    /// Whether the error comes from the values (an operation undefined where they put it), not from
    /// the text or the names: the command line's runtime error rather than a usage error.
    public var isAtValues: Bool {
        if case .undefined = self { return true }
        return false
    }
}
