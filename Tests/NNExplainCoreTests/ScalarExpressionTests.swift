import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing

/// `nnexplain expr`'s core: the parser (precedence, columns of errors, bounds) and the graph built
/// from an expression, proven against numbers computed without it: micrograd's printed README
/// values, hand-derived derivatives and (in ExpressionOracleTests) AD and central differences.
@Suite("Expressions")
struct ScalarExpressionTests {
    /// The value and the gradient by every name of `text` at `values`.
    static func evaluate(_ text: String, _ values: [String: Double]) throws -> (value: Double, gradients: [String: Double]) {
        let graph = try ScalarExpression.parse(text).graph(values: values)
        var gradients: [String: Double] = [:]
        for node in graph.nodes where node.operation == .leaf { if case .name(let name) = node.label { gradients[name] = node.gradient } }
        return (graph.nodes[graph.output].value, gradients)
    }

    @Test("micrograd's README example: g.data 24.7041, a.grad 138.8338, b.grad 645.5773")
    func microgradReadme() throws {
        // micrograd's lines, each `x += y` written as `x = x + (y)`, substituted into one expression.
        let c1 = "(a + b)"
        let d1 = "(a*b + b**3)"
        let c2 = "(\(c1) + (\(c1) + 1))"
        let c3 = "(\(c2) + (1 + \(c2) + (-a)))"
        let d2 = "(\(d1) + (\(d1)*2 + relu(b + a)))"
        let d3 = "(\(d2) + (3*\(d2) + relu(b - a)))"
        let e = "(\(c3) - \(d3))"
        let f = "(\(e)**2)"
        let g = "(\(f) / 2.0) + 10.0/\(f)"
        let result = try Self.evaluate(g, ["a": -4, "b": 2])
        #expect(abs(result.value - 24.7041) < 5e-5, "g.data \(result.value)")
        #expect(abs((result.gradients["a"] ?? .nan) - 138.8338) < 5e-5, "a.grad \(result.gradients["a"] ?? .nan)")
        #expect(abs((result.gradients["b"] ?? .nan) - 645.5773) < 5e-5, "b.grad \(result.gradients["b"] ?? .nan)")
    }

    @Test("micrograd's README example line by line, with definitions: one node per line, as micrograd's graph has")
    func microgradReadmeWithDefinitions() throws {
        // micrograd's lines as written there, `x += y` as `x = x + y`.
        let text = "c = a + b; d = a*b + b**3; c = c + c + 1; c = c + 1 + c + (-a); d = d + d*2 + relu(b + a); "
            + "d = d + 3*d + relu(b - a); e = c - d; f = e**2; g = f / 2.0; g = g + 10.0 / f; g"
        let graph = try ScalarExpression.parse(text).graph(values: ["a": -4, "b": 2])
        #expect(abs(graph.nodes[graph.output].value - 24.7041) < 5e-5)
        let a = try #require(graph.nodes.firstIndex { $0.label == .name("a") }), b = try #require(graph.nodes.firstIndex { $0.label == .name("b") })
        #expect(abs(graph.nodes[a].gradient - 138.8338) < 5e-5 && abs(graph.nodes[b].gradient - 645.5773) < 5e-5)
        // Each definition names its node; the rebound names are primed in order, the last g is the result.
        let names = graph.nodes.compactMap { node -> String? in if case .name(let name) = node.label, node.operation != .leaf { name } else { nil } }
        #expect(names == ["c", "d", "c′", "c″", "d′", "d″", "e", "f", "g", "g′"])
        #expect(graph.nodes[graph.output].label == .name("g′"))
        // The first c is one node read twice by one gate (c + c + 1): a fan-out of one value.
        let c = try #require(graph.nodes.firstIndex { $0.label == .name("c") })
        #expect(graph.uses[c].count == 2 && Set(graph.uses[c].map(\.user)).count == 1)
        // The same numbers as the one substituted expression.
        let substituted = try Self.evaluate("((((a + b) + ((a + b) + 1)) + (1 + ((a + b) + ((a + b) + 1)) + (-a))) - (((a*b + b**3) + ((a*b + b**3)*2 + relu(b + a))) + (3*((a*b + b**3) + ((a*b + b**3)*2 + relu(b + a))) + relu(b - a))))**2", ["a": -4, "b": 2])
        #expect(isClose(graph.nodes[try #require(graph.nodes.firstIndex { $0.label == .name("f") })].value, substituted.value, relative: 1e-15))
    }

    @Test("definitions that go wrong: unused, a function's name, nothing computed, a stray ';', a misplaced '='")
    func definitionMistakes() {
        let cases: [(String, ExpressionError)] = [
            ("c = a + b; a * 2", .unusedDefinition(column: 1, name: "c")),
            // The second c is rebound by c = 2 before anything reads it.
            ("c = a; c = c + 1; c = 2; c", .unusedDefinition(column: 8, name: "c")),
            ("exp = a + 1; exp", .reservedName(column: 1, name: "exp")),
            ("c = a + b;", .missingResult(column: 11)),
            ("c = a + b; c; c", .strayDefinitionEnd(column: 13)),
            ("c = a + b; 2 = c", .equalsNotDefinition(column: 14)),
            ("c = a + b c", .missingOperator(column: 11, found: "c")),
        ]
        for (text, error) in cases {
            #expect(throws: error, "\(text)") { try ScalarExpression.parse(text) }
        }
        // Defined names need no value, and a value for one is reported as unused.
        #expect(throws: ExpressionError.unusedValues(["c"])) { try ScalarExpression.parse("c = a + 1; c").graph(values: ["a": 1, "c": 2]) }
        #expect((try? ScalarExpression.parse("c = c + 1; c * 2").names) == ["c"], "the first c is given")
    }

    @Test("tanh(w*x + b) at w = 0.5, x = 2, b = -0.3: tanh(0.7) and (1 − tanh²(0.7)) times x, w and 1")
    func neuron() throws {
        let result = try Self.evaluate("tanh(w*x + b)", ["w": 0.5, "x": 2, "b": -0.3])
        let t = tanh(0.7), slope = 1 - t * t
        #expect(isClose(result.value, t, relative: 1e-15))
        #expect(isClose(result.gradients["w"] ?? .nan, slope * 2, relative: 1e-14))
        #expect(isClose(result.gradients["x"] ?? .nan, slope * 0.5, relative: 1e-14))
        #expect(isClose(result.gradients["b"] ?? .nan, slope, relative: 1e-14))
    }

    @Test("precedence: -x^2 is -(x^2), x^2^3 is x^8, * before +, left-associative - and /, Unicode operators")
    func precedence() throws {
        let cases: [(String, Double)] = [
            ("-x^2", -9), ("(-x)^2", 9), ("x^2^3", 6561), ("x**-1", 1.0 / 3), ("1 + x*2", 7), ("10 - x - 2", 5),
            ("12 / x / 2", 2), ("-x*-x", 9), ("x × 2 − 1 ÷ 2", 5.5), ("x · 2", 6), ("ln(exp(x))", 3),
            ("max(x, 4) + min(x, 4)", 7), ("-2 + x", 1), (".5e1 * x", 15), ("- - x", 3),
        ]
        for (text, expected) in cases {
            #expect(isClose(try Self.evaluate(text, ["x": 3]).value, expected, relative: 1e-15), "\(text)")
        }
    }

    @Test("a name used twice is one leaf feeding two gates; a run of + is one add of all its terms")
    func fanOutAndSums() throws {
        let expression: ScalarExpression = try ScalarExpression.parse("x*x + x + 1")  // no clash with Foundation's Expression
        let graph = try expression.graph(values: ["x": 3])
        let leaves = graph.nodes.filter { $0.label == .name("x") }
        #expect(leaves.count == 1)
        #expect(leaves.first?.gradient == 7)  // 2x + 1
        #expect(graph.nodes[graph.output].operation == .add)
        #expect(graph.nodes[graph.output].inputs.count == 3)
        #expect(graph.uses[0].count == 3)  // x: both slots of the product and the sum
    }

    @Test("errors name the column and what was expected")
    func syntaxErrors() {
        let cases: [(String, ExpressionError)] = [
            ("", .empty), ("   ", .empty),
            ("tanh(x", .unclosed(column: 7, opening: 5, found: nil)),
            ("(x + 1, 2)", .unclosed(column: 7, opening: 1, found: ",")),
            ("x + 1)", .unopened(column: 6)),
            ("2x", .missingOperator(column: 2, found: "x")),
            ("x 2", .missingOperator(column: 3, found: "2")),
            ("2 (y)", .missingOperator(column: 3, found: "(")),
            ("x (y)", .unknownFunction(column: 1, name: "x")),
            ("x + * y", .missingOperand(column: 5, found: "*")),
            ("x +", .missingOperand(column: 4, found: nil)),
            ("max(x,)", .missingOperand(column: 7, found: ")")),
            ("foo(x)", .unknownFunction(column: 1, name: "foo")),
            ("2 * exp", .functionWithoutCall(column: 5, function: .exp)),
            ("max(x)", .argumentCount(column: 1, function: .max, given: 1)),
            ("exp()", .argumentCount(column: 1, function: .exp, given: 0)),
            ("exp(x, y)", .argumentCount(column: 1, function: .exp, given: 2)),
            ("x^y", .exponentNotNumber(column: 3, found: "y")),
            ("x^(2)", .exponentNotNumber(column: 3, found: "(")),
            ("x # 2", .unexpectedCharacter(column: 3, character: "#")),
            ("1e999 * x", .numberTooLarge(column: 1, text: "1e999")),
            ("x^10^10^10", .numberTooLarge(column: 3, text: "the exponent from here")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try ScalarExpression.parse(text) }
        }
    }

    @Test("bounds, refused before parsing: 1000 characters, 100 parentheses open at once")
    func bounds() throws {
        let longest = String(repeating: "x+", count: 499) + "10"  // 1000 characters
        #expect(throws: Never.self) { try ScalarExpression.parse(longest) }
        #expect(throws: ExpressionError.tooLong(characters: 1001)) { try ScalarExpression.parse(longest + "0") }
        let deep = { (n: Int) in String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n) }
        #expect(throws: Never.self) { try ScalarExpression.parse(deep(100)) }
        #expect(throws: ExpressionError.tooDeep(column: 101)) { try ScalarExpression.parse(deep(101)) }
        // The deepest trees the length allows, built and differentiated without running out of stack.
        for text in [String(repeating: "-", count: 999) + "x", String(repeating: "x*", count: 499) + "x", "x" + String(repeating: "^1", count: 499)] {
            #expect(try Self.evaluate(text, ["x": 2]).gradients["x"] != nil, "\(text.prefix(10))…")
        }
    }

    @Test("any string of expression characters parses or is refused with an error, never a trap")
    func randomStrings() {
        let alphabet = Array("xy0123456789.e+-*/^()(),  −×÷·*exp(log(tanh(relu(max(min(sigmoid(ln(#é")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {  // SplitMix64, seeded: the same strings on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var parsed = 0
        for _ in 0..<5000 {
            let text = String((0..<Int(next() % 24)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
            do {
                let expression = try ScalarExpression.parse(text)
                parsed += 1
                let values = Dictionary(uniqueKeysWithValues: expression.names.map { ($0, 0.5) })
                do {
                    _ = try expression.graph(values: values)
                } catch {
                    #expect(error.isAtValues, "\(text): \(error)")
                }
            } catch {
                #expect(!error.isAtValues, "\(text): \(error)")
            }
        }
        #expect(parsed > 100)
    }

    @Test("names and values must match; an undefined operation names its column and value")
    func valuesAndDomain() throws {
        let logOfX = try ScalarExpression.parse("1 + log(x)")
        #expect(throws: ExpressionError.missingValues(["x"])) { try logOfX.graph(values: [:]) }
        #expect(throws: ExpressionError.unusedValues(["y", "z"])) { try logOfX.graph(values: ["x": 1, "z": 2, "y": 3]) }
        #expect(throws: ExpressionError.undefined(column: 5, operation: .log, inputs: [-2],
                                                  failure: .logarithmOfNonPositive(node: 2, argument: -2))) {
            try logOfX.graph(values: ["x": -2])
        }
        let error = #expect(throws: ExpressionError.self) { try ScalarExpression.parse("x / (y - 1)").graph(values: ["x": 1, "y": 1]) }
        #expect(error?.isAtValues == true)
        if case .undefined(let column, .divide, let inputs, .divisionByZero)? = error {
            #expect(column == 3 && inputs == [1, 0])
        } else {
            Issue.record("expected a division by zero, got \(String(describing: error))")
        }
        #expect(ScalarExpression.isName("w_1") && ScalarExpression.isName("_x") && !ScalarExpression.isName("1w") && !ScalarExpression.isName("exp")
                && !ScalarExpression.isName("ln") && !ScalarExpression.isName("x²"))
    }
}
