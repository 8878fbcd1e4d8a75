import NNExplain

/// `nnexplain expr EXPR --at NAME=VALUE,…`: any scalar expression as a computational graph, walked
/// backward gate by gate as `graph` walks a loss.
enum ExprCommand {
    static let command = Command(
        name: "expr",
        abstract: "Explain backprop through any scalar expression, gate by gate, at the values you give.",
        discussion: """
            EXPR is parsed, computed at the values --at gives its names, and backpropagated by
            the same graph engine as 'graph': every node's forward value, then the backward pass
            from the output f down, naming each gate's rule. A name used twice is one node that
            feeds two gates, and the gradients they pass down add up.

            EXPR has numbers, names (letters, digits and _, not starting with a digit), + - * /
            (also −, × and ÷), ^ with a number exponent (also **), parentheses and the functions
            exp, log (or ln), tanh, sigmoid, relu, max(a, b) and min(a, b). Unary minus binds
            less tightly than ^, so -x^2 is -(x^2), as in Python; x^2^3 is x^(2^3). Quote
            EXPR for the shell. It has at most \(ScalarExpression.maximumLength) characters and at most \(ScalarExpression.maximumDepth) parentheses
            open at once.

            Definitions NAME = EXPR; may come first, as micrograd's lines do: the name stands
            for that node from there on, and a name defined again is rebound (written c′, c″),
            so 'c = a + b; c = c + c + 1; c*2' is one graph in which each value is one node.
            The last part, after the last ';', is what is computed.

            --check puts beside each gradient the central difference (f(x+h) − f(x−h)) / 2h,
            with h = \(ScalarExpression.relativeStep.shortFormatted)·max(1, |x|).

            Exit codes: 64 for a mistake in EXPR or --at (a syntax error, a name without a
            value, a value for no name, a bound); 1 when an operation is undefined at the given
            values (log of a number that is not positive, division by zero).

            Examples:
              nnexplain expr "tanh(w*x + b)" --at w=0.5,x=2,b=-0.3
              nnexplain expr "x*x + x" --at x=3 --check
              nnexplain expr "c = a + b; d = a*b + b^3; e = c - d; f = e^2; f/2 + 10/f" --at a=-4,b=2
              nnexplain expr "max(a, b) / (1 + exp(-c))" --at a=1,b=2,c=0 --format json
            """,
        synopsis: [.requiredPositional("EXPR"), .optional(at), .optional(check), .optional(format, showing: .choices),
                   .optional(Presentation.precisionWithSlides)],
        options: [at, check] + Presentation.options(formats: Presentation.Format.allCases),
        action: .parsed(run))

    static let format = Presentation.format(Presentation.Format.allCases)

    static let at = ValueOption<Void, [String: Double]>(
        name: "--at", placeholder: "NAME=VALUE,…", help: .summary("The value of every name in EXPR, e.g. --at w=0.5,x=2"),
        parser: ValueParser(describe: { $0.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ",") }) { text, name, _ throws(ValidationError) in
            var values: [String: Double] = [:]
            for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmed }) {
                guard let equals = part.firstIndex(of: "=") else {
                    throw ValidationError("\(name) expects NAME=VALUE pairs separated by commas, e.g. \(name) w=0.5,x=2, not '\(part)'")
                }
                let key = String(part[..<equals]).trimmed, value = String(part[part.index(after: equals)...]).trimmed
                guard ScalarExpression.isName(key) else {
                    throw ValidationError("\(name): '\(key)' is not a name; a name has letters, digits and _, does not start with a digit "
                        + "and is not a function's, e.g. \(name) w1=0.5")
                }
                guard values[key] == nil else { throw ValidationError("\(name) gives \(key) twice; give each name one value") }
                guard let number = Double(value), number.isFinite else {
                    throw ValidationError("\(name) \(key)=\(value): '\(value)' is not a finite number; give one, e.g. \(name) \(key)=0.5")
                }
                values[key] = number
            }
            return values
        },
        absent: .silent([:]))

    static let check = Flag(name: "--check", help: "Show central finite differences beside each gradient.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        guard let text = arguments.positional else {
            throw arguments.usage("missing EXPR; give an expression in quotes, e.g. nnexplain expr \"tanh(w*x + b)\" --at w=0.5,x=2,b=-0.3")
        }
        let values = try arguments.read(at)
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let explanation: ExpressionExplanation
        do throws(ExpressionError) {
            explanation = try ExpressionExplanation(text, values: values, check: arguments.flag(check))
        } catch {
            throw error.isAtValues ? .runtime(error.message) : arguments.usage(error.message)
        }
        return CommandResult(output: presentation.render(explanation.document, naming: LayerNaming(depth: 1), json: explanation))
    }
}
