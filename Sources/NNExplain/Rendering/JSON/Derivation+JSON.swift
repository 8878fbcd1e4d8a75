/// `nnexplain step --format json`: the derivation with every number at full precision. Keys other
/// tools rely on: `"value"` and `"terms"` (each with `"symbol"` and `"value"`).
extension Derivation: JSONRepresentable {
    public func json(naming: LayerNaming) -> JSONValue {
        DerivationJSON(symbols: TextRenderer(naming: naming)).render(self)
    }
}

/// Builds a derivation's JSON, writing symbols as text writes them, so JSON and text name every
/// quantity the same way.
private struct DerivationJSON {
    let symbols: TextRenderer

    func render(_ d: Derivation) -> JSONValue {
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
            // The output layer's ∂C_s/∂a_i^L where the text lists them: not under a stable-form rule,
            // whose δ needs none (and whose ∂C_s/∂a may be beyond a double).
            let listsOutputs = !(d.outputDeltas.first?.rule.isStableForm ?? false)
            let needed = traceBack.flatMap { $0 }.map { nodeSum($0, loss: C) }
                + (listsOutputs ? outputs : []).map { g in
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
                        "factors": .numbers(p.factors),
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
                    "factors": .numbers(t.factors),
                    "value": .number(t.value),
                ]
            }),
            "value": .number(s.value),
        ]
    }
}
