/// Writes explanations as JSON values with every number at full precision (the writer prints the
/// shortest text that reads back to the same double). Keys other tools rely on: for `step`, `"value"`
/// and `"terms"` (each with `"symbol"` and `"value"`); for `gradients`, `"loss"` and `"layers"`.
public struct JSONRenderer: Sendable {
    /// Used only to write symbols, so JSON and text name every quantity the same way.
    private let symbols: TextRenderer

    public init(naming: LayerNaming) {
        symbols = TextRenderer(naming: naming)
    }

    /// `nnexplain step --format json`.
    public func render(_ d: Derivation) -> JSONValue {
        let C = d.sampleLoss
        let w = Symbol.w(layer: d.layer, .number(d.j), .number(d.k))
        let a = Symbol.a(layer: d.layer, .number(d.j)), z = Symbol.z(layer: d.layer, .number(d.j))
        var object: [(key: String, value: JSONValue)] = [
            ("symbol", .string(symbols.text(.partial(d.average.map { .loss($0.loss) } ?? C, w)))),
            ("layer", .integer(d.layer)),
            ("layerLabel", .string(symbols.naming.label(d.layer))),
            ("j", .integer(d.j)),
            ("k", .integer(d.k)),
            ("sample", .integer(d.sample)),
            ("value", .number(d.explainedValue)),
            ("terms", .array(terms(d, a: a, z: z, w: w))),
        ]
        if case .hidden(let sum, let traceBack, let outputs) = d.first {
            object.append(("sum", nodeSum(sum, loss: C)))
            let needed = traceBack.flatMap { $0 }.map { nodeSum($0, loss: C) }
                + outputs.map { g in
                    term(.partial(C, .a(layer: d.depth, .number(g.node))), formula: d.outputFormula(g.node), g.value)
                }
            object.append(("backward", .array(needed + d.outputDeltas.map { delta(d, $0) })))
        }
        if let average = d.average, average.batch != nil {
            object.append(("batch", .array(average.samples.map { .integer($0.sample) })))
        }
        if let average = d.average {
            var fields: [(key: String, value: JSONValue)] = [
                ("samples", .array(average.samples.map { p in
                    [
                        "sample": .integer(p.sample),
                        "symbol": .string(symbols.text(.partial(.loss(.sample(p.sample)), w))),
                        "factors": .array(p.factors.map(JSONValue.number)),
                        "value": .number(p.value),
                    ]
                })),
                // The factors of every sample's product, named once as in the text.
                ("formula", .string(symbols.text(Math.joined(
                    Derivation.sampleProductFactors(layer: d.layer, j: d.j, k: d.k, throughDelta: average.throughDelta), by: .times)))),
                ("value", .number(average.value)),
            ]
            if let batch = average.batch {
                fields.append(("allSamples", ["count": .integer(batch.sampleCount), "value": .number(batch.fullValue)]))
            }
            object.append(("average", .object(fields)))
        }
        return .object(object)
    }

    /// `nnexplain gradients --format json`: `weights[j][k] = ∂C/∂w_jk^l` averaged over the samples;
    /// with a `batch`, `"batch"` lists its samples and the rest are the batch's, `C_B` and `∂C_B/∂w_jk^l`.
    public func render(_ gradients: Gradients, batch: [Int]? = nil) -> JSONValue {
        .object((batch.map { [("batch", .array($0.map(JSONValue.integer)))] } ?? []) + [
            ("loss", .number(gradients.loss)),
            ("layers", .array(gradients.layers.enumerated().map { i, layer in
                [
                    "layer": .integer(i + 1),
                    "weights": .array(layer.weights.map { .array($0.map(JSONValue.number)) }),
                    "biases": .array(layer.biases.map(JSONValue.number)),
                ]
            })),
        ])
    }

    /// `nnexplain forward --format json`: every layer's `z` and `a`, and the loss.
    public func render(_ t: Trace) -> JSONValue {
        [
            "sample": .integer(t.sample),
            "inputs": .array(t.input.map(JSONValue.number)),
            "layers": .array(t.layers.enumerated().map { i, layer in
                ["layer": .integer(i + 1), "z": .array(layer.z.map(JSONValue.number)), "a": .array(layer.a.map(JSONValue.number))]
            }),
            "targets": .array(t.target.map(JSONValue.number)),
            "lossTerms": .array(t.lossTerms.map(JSONValue.number)),
            "loss": .number(t.loss),
        ]
    }

    /// `nnexplain check --format json`: one entry per parameter, with the rule it passed by (`"relative"`,
    /// `"noise"`, or null when it failed).
    public func render(_ check: GradientCheck) -> JSONValue {
        [
            "epsilon": .number(check.epsilon),
            "threshold": .number(check.threshold),
            "noise": .number(check.noise),
            "failures": .integer(check.failures),
            "passedByNoise": .integer(check.passed(by: .noise).count),
            "entries": .array(check.entries.map { e in
                let symbol: Symbol = e.k.map { .w(layer: e.layer, .number(e.j), .number($0)) } ?? .b(layer: e.layer, .number(e.j))
                return [
                    "symbol": .string(symbols.text(.partial(.loss(.mean), symbol))),
                    "backprop": .number(e.backprop), "numeric": .number(e.numeric),
                    "relativeError": .number(e.relativeError), "passed": .bool(e.passed),
                    "passedBy": e.passedBy.map { .string($0.rawValue) } ?? .null,
                ]
            }),
        ]
    }

    /// The chain rule's terms: `∂C/∂a`, `∂a/∂z`, `∂z/∂w`, or `∂C/∂z_j^L`, `∂z/∂w` at an output layer
    /// that is not the article's chain.
    private func terms(_ d: Derivation, a: Symbol, z: Symbol, w: Symbol) -> [JSONValue] {
        let input = term(.partial(z, w), formula: d.inputFormula, d.input)
        if case .outputDelta(let g) = d.first { return [delta(d, g), input] }
        return [term(.partial(d.sampleLoss, a), formula: d.firstFormula, d.firstValue),
                term(.partial(a, z), formula: d.slopeFormula, d.slope.value), input]
    }

    /// `∂C_s/∂z_j^L` of an output node: its general formula, and for softmax its summands (`factors`
    /// are `∂C_s/∂a_i^L` and `∂a_i^L/∂z_j^L`), left out when an `∂C_s/∂a_i^L` is infinite (an
    /// output rounded to 0): then only the stable form's value is there.
    private func delta(_ d: Derivation, _ g: Derivation.OutputDelta) -> JSONValue {
        var object: [(key: String, value: JSONValue)] = [
            ("symbol", .string(symbols.text(d.deltaSymbol(.number(g.node))))),
            ("formula", .string(symbols.text(d.deltaFormula(g)))),
            ("value", .number(g.value)),
        ]
        if !g.jacobian.isEmpty && g.partialsAreFinite {
            object.append(("summands", .array(g.jacobian.map { t in
                ["index": .integer(t.i), "factors": [.number(t.dCda), .number(t.entry)], "value": .number(t.value)]
            })))
        }
        return .object(object)
    }

    private func term(_ symbol: Symbol, formula: Math, _ value: Double) -> JSONValue {
        ["symbol": .string(symbols.text(symbol)), "formula": .string(symbols.text(formula)), "value": .number(value)]
    }

    private func nodeSum(_ s: Derivation.NodeSum, loss C: Symbol) -> JSONValue {
        [
            "symbol": .string(symbols.text(.partial(C, .a(layer: s.layer, .number(s.node))))),
            "index": .string(s.index),
            "summands": .array(s.summands.map { t in
                [
                    "index": .integer(t.i),
                    "factors": .array(t.factors.map(JSONValue.number)),
                    "value": .number(t.value),
                ]
            }),
            "value": .number(s.value),
        ]
    }
}
