extension ExpressionError: ExplainedError {
    /// The one sentence: where (the column, counting characters from 1), what was expected or is
    /// wrong, and what to write instead.
    public var message: String {
        switch self {
        case .empty:
            return "the expression is empty; give one in quotes, e.g. \"tanh(w*x + b)\""
        case .tooLong(let characters):
            return "the expression is \(characters) characters long, and at most \(ScalarExpression.maximumLength) are explained; split it into smaller ones"
        case .tooDeep(let column):
            return "column \(column): this '(' is the \(ScalarExpression.maximumDepth + 1)st open at once, and at most \(ScalarExpression.maximumDepth) "
                + "parentheses (a call's included) may nest; write the expression with less nesting"
        case .unexpectedCharacter(let column, let character):
            return "column \(column): '\(character)' is not part of an expression; use numbers, names, + - * / ^, parentheses and "
                + "the functions " + Self.functions
        case .missingOperand(let column, let found):
            return "column \(column): expected a number, a name or '(', but \(Self.describe(found)); write the missing operand there"
        case .missingOperator(let column, let found):
            return "column \(column): expected an operator or the end, but found \(Self.describe(operand: found)) right after a "
                + "complete operand; write the operator between them, e.g. 2*x rather than 2x"
        case .unclosed(let column, let opening, let found):
            return "column \(column): expected ')' to close the '(' at column \(opening), but \(Self.describe(found)); add the ')'"
        case .unopened(let column):
            return "column \(column): this ')' closes no '('; remove it, or add the '(' it should close"
        case .unknownFunction(let column, let name):
            return "column \(column): '\(name)' is not a function; the functions are \(Self.functions), "
                + "and a product is written \(name)*(…)"
        case .functionWithoutCall(let column, let function):
            return "column \(column): \(function.rawValue) is a function, not a name; call it with its argument\(function.arity == 1 ? "" : "s"), "
                + "e.g. \(Self.example(function)), or call the value another name"
        case .argumentCount(let column, let function, let given):
            return "column \(column): \(function.rawValue) takes \(function.arity.counting("argument")), not \(given); "
                + "write it as \(Self.example(function))"
        case .exponentNotNumber(let column, let found):
            return "column \(column): the exponent after ^ must be a number, such as x^2 or x^-0.5, but \(Self.describe(found)); "
                + "for a power by a name write exp(y*log(x))"
        case .numberTooLarge(let column, let text):
            return "column \(column): \(text.count > 40 ? String(text.prefix(40)) + "…" : text) is beyond the largest number, about 1.8e308; use a smaller one"
        case .reservedName(let column, let name):
            return "column \(column): \(name) is a function and cannot be defined; give the value another name"
        case .missingResult(let column):
            return "column \(column): the definitions end here, but nothing is computed from them; after the last ';' write "
                + "the expression to compute, e.g. c = a + b; c*c"
        case .strayDefinitionEnd(let column):
            return "column \(column): a ';' ends a definition NAME = …, and the expression to compute comes last, without one; "
                + "remove this ';' or start a definition before it"
        case .equalsNotDefinition(let column):
            return "column \(column): '=' defines a name and stands right after it at the start of a part, as in c = a + b; c*c"
        case .unusedDefinition(let column, let name):
            return "column \(column): \(name) is defined but nothing after it uses it; use it or leave the definition out"
        case .missingValues(let names):
            let listed = Self.joined(names)
            return "the expression uses \(listed), which \(names.count == 1 ? "has" : "have") no value; give "
                + "\(names.count == 1 ? "it" : "each") a value with --at, e.g. --at " + names.map { "\($0)=1" }.joined(separator: ",")
        case .unusedValues(let names):
            return "--at gives a value for \(Self.joined(names)), which the expression does not use; "
                + "remove \(names.count == 1 ? "it" : "them") from --at, or use \(names.count == 1 ? "it" : "them") in the expression"
        case .undefined(let column, let operation, let inputs, let failure):
            return "column \(column): " + Self.undefined(operation, inputs, failure)
        }
    }

    /// `w`, `w and b`, `w, x and b`.
    private static func joined(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// The functions, in a sentence's words.
    private static let functions = "exp, log (or ln), tanh, sigmoid, relu, max and min"

    /// What a call looks like: `exp(x)`, `max(a, b)`.
    private static func example(_ function: ScalarExpression.Function) -> String {
        function.rawValue + (function.arity == 1 ? "(x)" : "(a, b)")
    }

    /// `found ')'` or `the expression ends`.
    private static func describe(_ found: String?) -> String {
        found.map { "found '\($0)'" } ?? "the expression ends"
    }

    /// `the number 2`, `the name 'x'` or `'('`: an operand's first token.
    private static func describe(operand text: String) -> String {
        if text == "(" { return "'('" }
        if let first = text.first, first.isNumber || first == "." { return "the number \(text)" }
        return "the name '\(text)'"
    }

    /// Why an operation has no value at its inputs, and what to do.
    private static func undefined(_ operation: ComputationGraph.Operation, _ x: [Double], _ failure: ComputationGraph.Failure) -> String {
        let n = x.map(NumberText.prose)
        let change = "choose values at which it is defined"
        switch failure {
        case .logarithmOfNonPositive(_, let argument):
            return "ln of \(NumberText.prose(argument)), which is not positive; \(change) (the argument of log above 0)"
        case .divisionByZero:
            if case .power(let p) = operation {
                return "0 to the power \(NumberText.prose(p)) divides by zero; \(change) (the base away from 0)"
            }
            return "\(n[0]) / \(n[1]) divides by zero; \(change) (the denominator away from 0)"
        case .powerOfNegative(_, let base, let exponent):
            return "\(NumberText.prose(base)) to the power \(NumberText.prose(exponent)) is no real number "
                + "(a negative number to a power that is not whole); \(change) (the base at or above 0)"
        case .notFinite:
            let computed: String
            switch operation {
            case .add: computed = "the sum " + n.joined(separator: " + ")
            case .subtract, .multiply, .divide: computed = "\(n[0]) \(ComputationGraph.operationName(operation)) \(n[1])"
            case .power(let p): computed = "\(n[0]) to the power \(NumberText.prose(p))"
            default: computed = "\(ComputationGraph.operationName(operation))(\(n.joined(separator: ", ")))"
            }
            return "\(computed) (or its local gradient) is beyond the largest number, about 1.8e308; choose smaller values"
        }
    }
}
