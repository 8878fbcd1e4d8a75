import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `nnexplain expr` end to end: the neuron of the issue explained, JSON's numbers against hand
/// derivatives, `--check`, and every bad input as one sentence with its exit code.
struct ExprCLITests {
    static let neuron = ["expr", "tanh(w*x + b)", "--at", "w=0.5,x=2,b=-0.3"]

    @Test func theNeuronExplainsItselfGateByGate() {
        let result = runCLI(Self.neuron + ["--width", "80"])
        #expect(result.status == 0 && result.stderr == "")
        let text = result.stdout
        #expect(text.hasPrefix("The computational graph of f = tanh(w*x + b): 6 nodes\n"))
        #expect(text.contains("Given: w = 0.5, x = 2, b = -0.3."))
        #expect(text.contains("n_5 = tanh(n_4) = 0.604367777"))  // tanh(0.7) = 0.6043677771…
        #expect(text.contains("∂f/∂n_4 = ∂f/∂n_5 · (1 − n_5²) = 1 · 0.63473959 = 0.63473959"))  // 1 − tanh²(0.7)
        #expect(text.contains("Tanh multiplies the upstream gradient by 1 − o², from its own output o."))
        #expect(text.contains("Multiply gives each input the upstream gradient times the other input."))
        #expect(text.contains("So ∂f/∂w = 1.26947918, ∂f/∂x = 0.317369795, ∂f/∂b = 0.63473959."))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theJSONHoldsTheValueAndEveryGradientByHand() throws {
        let result = runCLI(Self.neuron + ["--format", "json", "--check"])
        #expect(result.status == 0 && result.stderr == "")
        let json = try JSONValue.parse(Array(result.stdout.utf8))
        #expect(json.objectMembers?.map(\.key) == ["value", "gradients", "nodes", "output", "check"])
        let t = tanh(0.7), slope = 1 - t * t
        #expect(isClose(json["value"]?.doubleValue ?? .nan, t, relative: 1e-15))
        let gradients = try #require(json["gradients"])
        #expect(gradients.objectMembers?.map(\.key) == ["w", "x", "b"])
        #expect(isClose(gradients["w"]?.doubleValue ?? .nan, slope * 2, relative: 1e-14))
        #expect(isClose(gradients["x"]?.doubleValue ?? .nan, slope * 0.5, relative: 1e-14))
        #expect(isClose(gradients["b"]?.doubleValue ?? .nan, slope, relative: 1e-14))
        #expect(json["nodes"]?.arrayValue?.count == 6 && json["output"]?.integerValue == 5)
        let check = try #require(json["check"]?["x"])
        #expect(isClose(check["finiteDifference"]?.doubleValue ?? .nan, slope * 0.5, relative: 1e-8))
        #expect(isClose(check["h"]?.doubleValue ?? .nan, 1e-6 * 2, relative: 1e-9))
    }

    @Test func checkPutsACentralDifferenceBesideEachGradient() {
        let result = runCLI(["expr", "x*x + x", "--at", "x=3", "--check", "--width", "100"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("x is used 3 times, by 2 gates, so the gradients passed down along each use add up."))
        let lines: [[String]] = result.stdout.split(separator: "\n").map { line in line.split(separator: " ").map(String.init) }
        let rows = lines.filter { words in words.first == "x" && words.count == 5 }
        // 2x + 1 = 7, and the central difference of x² + x is 7 but for rounding: ((3+h)² − (3−h)² + 2h) / 2h.
        #expect(rows.count == 1 && rows.first?.prefix(4) == ["x", "3", "7", "7"], "\(rows)")
        #expect(rows.first.flatMap { Double($0[4]) }.map { abs($0) < 1e-8 } == true)
    }

    @Test func eachInputOfADivisionGetsItsOwnRuleAndEveryCompoundFactorItsParentheses() {
        // f = a/b − a³ at a = 2, b = 4: ∂f/∂a = 1/b − 3a² = −11.75, ∂f/∂b = −a/b² = −0.125.
        let text = runCLI(["expr", "a / b - a^3", "--at", "a=2,b=4", "--width", "200"]).stdout
        #expect(text.contains("n_3 =       a^3 =  8"))
        #expect(text.contains("∂f/∂b = ∂f/∂n_2 · (−a / b²) = 1 · (-0.125) = -0.125"))
        #expect(text.contains("∂f/∂a = ∂f/∂n_2 · (1 / b) + ∂f/∂n_3 · 3 a^2 = 1 · 0.25 + (-1) · 12 = -11.75"))
        #expect(text.contains("Divide o = u / v gives its numerator u the upstream gradient times 1 / v."))
        #expect(text.contains("Divide o = u / v gives its denominator v the upstream gradient times −u / v²."))
        #expect(text.contains("Subtract passes the negative of the upstream gradient to its second input."))
        #expect(text.contains("So ∂f/∂a = -11.75, ∂f/∂b = -0.125."))
    }

    @Test func aCentralDifferenceUndefinedAtAStepIsSaidSo() {
        // log(x) at x = 1e-7: x − h = 1e-7 − 1e-6 is negative, so only the gradient 1/x is shown.
        let text = runCLI(["expr", "log(x)", "--at", "x=1e-7", "--check", "--width", "200"]).stdout
        #expect(text.contains("f is undefined at x + h or x − h for x, so no central difference is shown there."))
        #expect(text.contains("So ∂f/∂x = 10000000."))
    }

    @Test func anExpressionNamingAValueFCallsItsOutputG() {
        let text = runCLI(["expr", "f*2", "--at", "f=3"]).stdout
        #expect(text.hasPrefix("The computational graph of g = f*2: 3 nodes"))
        #expect(text.contains("So ∂g/∂f = 2."))
    }

    @Test func anExpressionStartingWithAMinusIsTheExpression() {
        let result = runCLI(["expr", "-x^2", "--at", "x=3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("So ∂f/∂x = -6."))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let sentence: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let bad: [Bad] = [
        Bad(arguments: ["1 + log(x)", "--at", "x=-2"], status: 1,
            sentence: "column 5: ln of -2, which is not positive; choose values at which it is defined (the argument of log above 0)"),
        Bad(arguments: ["x / (y - 1)", "--at", "x=1,y=1"], status: 1,
            sentence: "column 3: 1 / 0 divides by zero; choose values at which it is defined (the denominator away from 0)"),
        Bad(arguments: ["x*y", "--at", "x=1"], status: 64,
            sentence: "the expression uses y, which has no value; give it a value with --at, e.g. --at y=1"),
        Bad(arguments: ["x", "--at", "x=1,z=2"], status: 64,
            sentence: "--at gives a value for z, which the expression does not use; remove it from --at, or use it in the expression"),
        Bad(arguments: ["(x + 1", "--at", "x=1"], status: 64,
            sentence: "column 7: expected ')' to close the '(' at column 1, but the expression ends; add the ')'"),
        Bad(arguments: ["x + 1)", "--at", "x=1"], status: 64, sentence: "column 6: this ')' closes no '('; remove it, or add the '(' it should close"),
        Bad(arguments: [String(repeating: "1+", count: 500) + "1"], status: 64,
            sentence: "the expression is 1001 characters long, and at most 1000 are explained; split it into smaller ones"),
        Bad(arguments: [String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101)], status: 64,
            sentence: "column 101: this '(' is the 101st open at once, and at most 100 parentheses (a call's included) may nest; "
                + "write the expression with less nesting"),
        Bad(arguments: ["softplus(x)", "--at", "x=1"], status: 64,
            sentence: "column 1: 'softplus' is not a function; the functions are exp, log (or ln), tanh, sigmoid, relu, max and min, "
                + "and a product is written softplus*(…)"),
        Bad(arguments: ["x", "--at", "x"], status: 64, sentence: "--at expects NAME=VALUE pairs separated by commas, e.g. --at w=0.5,x=2, not 'x'"),
        Bad(arguments: ["x", "--at", "x=one"], status: 64, sentence: "--at x=one: 'one' is not a finite number; give one, e.g. --at x=0.5"),
        Bad(arguments: ["x", "--at", "x=1,x=2"], status: 64, sentence: "--at gives x twice; give each name one value"),
        Bad(arguments: ["2 x", "--at", "x=1"], status: 64,
            sentence: "column 3: expected an operator or the end, but found the name 'x' right after a complete operand; "
                + "write the operator between them, e.g. 2*x rather than 2x"),
        Bad(arguments: ["x 2", "--at", "x=1"], status: 64,
            sentence: "column 3: expected an operator or the end, but found the number 2 right after a complete operand; "
                + "write the operator between them, e.g. 2*x rather than 2x"),
        Bad(arguments: ["max(x)", "--at", "x=1"], status: 64, sentence: "column 1: max takes 2 arguments, not 1; write it as max(a, b)"),
        Bad(arguments: [], status: 64,
            sentence: "missing EXPR; give an expression in quotes, e.g. nnexplain expr \"tanh(w*x + b)\" --at w=0.5,x=2,b=-0.3"),
    ]

    @Test(arguments: bad)
    func badInputIsOneSentenceWithItsExitCode(_ bad: Bad) {
        let result = runCLI(["expr"] + bad.arguments)
        #expect(result.status == bad.status)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: " + bad.sentence + "\n"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: nnexplain expr") == (bad.status == 64))
    }

    @Test func theHelpStatesTheBoundsTheExitCodesAndTheNeuron() {
        let help = runCLI(["expr", "--help"]).stdout
        #expect(help.contains("at most 1000 characters and at most 100 parentheses\nopen at once"))
        #expect(help.contains("Exit codes: 64"))
        #expect(help.contains("nnexplain expr \"tanh(w*x + b)\" --at w=0.5,x=2,b=-0.3"))
    }

    @Test func definitionsRunMicrogradsLinesAndTheirMistakesAreUsageErrors() throws {
        let text = "c = a + b; d = a*b + b**3; c = c + c + 1; c = c + 1 + c + (-a); d = d + d*2 + relu(b + a); "
            + "d = d + 3*d + relu(b - a); e = c - d; f = e**2; g = f / 2.0; g = g + 10.0 / f; g"
        let json = try JSONValue.parse(Array(runCLI(["expr", text, "--at", "a=-4,b=2", "--format", "json"]).stdout.utf8))
        // micrograd's README prints g.data 24.7041, a.grad 138.8338, b.grad 645.5773.
        #expect(abs(try #require(json["value"]?.doubleValue) - 24.7041) < 5e-5)
        #expect(json["gradients"]?.objectMembers?.map(\.key) == ["a", "b"])
        #expect(abs(try #require(json["gradients"]?["a"]?.doubleValue) - 138.8338) < 5e-5)
        #expect(abs(try #require(json["gradients"]?["b"]?.doubleValue) - 645.5773) < 5e-5)
        let walk = runCLI(["expr", text, "--at", "a=-4,b=2"]).stdout
        #expect(walk.contains("the result called g′") && walk.contains("c″ = c′ + 1 + c′ + n_11 = -1"))
        let unused = runCLI(["expr", "c = a + b; a*2", "--at", "a=1,b=2"])
        #expect(unused.status == 64 && unused.stderr.contains("column 1: c is defined but nothing after it uses it"))
        let nothing = runCLI(["expr", "c = a + b;", "--at", "a=1,b=2"])
        #expect(nothing.status == 64 && nothing.stderr.contains("nothing is computed from them"))
    }
}
