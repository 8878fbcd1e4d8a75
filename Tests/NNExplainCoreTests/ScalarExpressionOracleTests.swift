import Foundation
import NNExplainCore
import NNExplainTestSupport
import Testing
#if canImport(_Differentiation)
import _Differentiation
#endif

/// `expr`'s gradients against oracles that share no code with the parser or the graph: each
/// expression of the corpus is also written as a Swift function of the values `v` (in the order
/// of the names), differentiated by Swift's `_Differentiation` where the toolchain has it, and by
/// central differences taken here, from the Swift function alone.
@Suite("Expression oracles")
struct ScalarExpressionOracleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let names: [String]
        let at: [Double]
        #if canImport(_Differentiation)
        let f: @differentiable(reverse) @Sendable ([Double]) -> Double
        #else
        let f: @Sendable ([Double]) -> Double
        #endif
        var testDescription: String { text.count > 50 ? String(text.prefix(50)) + "…" : text }
    }

    /// The corpus: fan-out (a name in several gates, a product of a name with itself), division by
    /// a small number, every function, max and min on both sides, deep nesting (50 tanh).
    static let corpus: [Case] = [
        Case(text: "x*x + x", names: ["x"], at: [3]) { v in v[0] * v[0] + v[0] },
        Case(text: "x*y + x/y - y", names: ["x", "y"], at: [1.5, -0.7]) { v in v[0] * v[1] + v[0] / v[1] - v[1] },
        Case(text: "x / (y - 0.999)", names: ["x", "y"], at: [2, 1]) { v in v[0] / (v[1] - 0.999) },
        Case(text: "1 / (1e-4 * z)", names: ["z"], at: [0.5]) { v in 1 / (1e-4 * v[0]) },
        Case(text: "exp(a) * log(a) + tanh(a) - sigmoid(-a)", names: ["a"], at: [0.8]) { v in
            exp(v[0]) * log(v[0]) + tanh(v[0]) - 1 / (1 + exp(v[0]))
        },
        Case(text: "relu(p - q) + relu(q - p)^2 + sigmoid(p*q)", names: ["p", "q"], at: [0.3, 1.1]) { v in
            let d = v[0] - v[1]
            return (d > 0 ? d : 0) + (-d > 0 ? -d * -d : 0) + 1 / (1 + exp(-(v[0] * v[1])))
        },
        Case(text: "max(a, b) * min(a, b) + max(b, 2*a)", names: ["a", "b"], at: [1.25, -0.5]) { v in
            (v[0] > v[1] ? v[0] : v[1]) * (v[0] < v[1] ? v[0] : v[1]) + (v[1] > 2 * v[0] ? v[1] : 2 * v[0])
        },
        Case(text: "(w1*x1 + w2*x2 + b)^3 - (w1 - w2)^0.5", names: ["w1", "x1", "w2", "x2", "b"], at: [0.9, -1.2, 0.4, 2.5, 0.1]) { v in
            let z = v[0] * v[1] + v[2] * v[3] + v[4]
            return z * z * z - sqrt(v[0] - v[2])
        },
        Case(text: "-x^2 + (-x)^3 + x^-1", names: ["x"], at: [1.7]) { v in -(v[0] * v[0]) + (-v[0]) * (-v[0]) * (-v[0]) + 1 / v[0] },
        Case(text: ScalarExpressionOracleTests.nestedTanh(50), names: ["x"], at: [0.9]) { v in
            var t = v[0]
            for _ in 0..<50 { t = tanh(t) }
            return t
        },
        Case(text: "exp(x*y) / (1 + exp(x*y)) * y", names: ["x", "y"], at: [-0.4, 2.2]) { v in
            let e = exp(v[0] * v[1])
            return e / (1 + e) * v[1]
        },
    ]

    /// `tanh(tanh(…tanh(x)…))`, `n` deep.
    static func nestedTanh(_ n: Int) -> String { String(repeating: "tanh(", count: n) + "x" + String(repeating: ")", count: n) }

    /// The value and gradients of the case by the graph, in the order of its names.
    static func byGraph(_ c: Case) throws -> (value: Double, gradients: [Double]) {
        let graph = try ScalarExpression.parse(c.text).graph(values: Dictionary(uniqueKeysWithValues: zip(c.names, c.at)))
        let gradients = c.names.map { name in graph.nodes.first { $0.label == .name(name) }?.gradient ?? .nan }
        return (graph.nodes[graph.output].value, gradients)
    }

    @Test("value and every gradient match central differences of the Swift function", arguments: corpus)
    func centralDifferences(_ c: Case) throws {
        let (value, gradients) = try Self.byGraph(c)
        #expect(isClose(value, c.f(c.at), relative: 1e-13, absolute: 1e-300))
        for (i, name) in c.names.enumerated() {
            let h = 1e-7 * max(1, abs(c.at[i]))
            var up = c.at, down = c.at
            up[i] += h
            down[i] -= h
            let slope = (c.f(up) - c.f(down)) / (up[i] - down[i])
            #expect(isClose(gradients[i], slope, relative: 1e-6, absolute: 1e-9), "∂f/∂\(name): \(gradients[i]) vs \(slope)")
        }
    }

    #if canImport(_Differentiation)
    @Test("every gradient matches reverse-mode AD of the Swift function", arguments: corpus)
    func automaticDifferentiation(_ c: Case) throws {
        let (_, gradients) = try Self.byGraph(c)
        let expected = gradient(at: c.at, of: c.f).base
        for (i, name) in c.names.enumerated() {
            #expect(isClose(gradients[i], expected[i], relative: 1e-12, absolute: 1e-300), "∂f/∂\(name): \(gradients[i]) vs \(expected[i])")
        }
    }
    #endif

    @Test("ScalarExpression.centralDifferences agrees with the graph's gradients on the corpus", arguments: corpus)
    func commandsCheck(_ c: Case) throws {
        let values = Dictionary(uniqueKeysWithValues: zip(c.names, c.at))
        let (_, gradients) = try Self.byGraph(c)
        let check = try ScalarExpression.parse(c.text).centralDifferences(values: values)
        #expect(check.map(\.name) == c.names)
        for (i, entry) in check.enumerated() {
            let slope = try #require(entry.slope)
            #expect(isClose(gradients[i], slope, relative: 1e-5, absolute: 1e-9), "\(entry.name)")
            #expect(isClose(entry.step, ScalarExpression.relativeStep * max(1, abs(c.at[i])), relative: 1e-6))
        }
    }
}
