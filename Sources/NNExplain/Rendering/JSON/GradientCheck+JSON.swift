/// `nnexplain check --format json`: `{"epsilon", "threshold", "noise", "failures", "passedByNoise",
/// "entries": [{"symbol", "backprop", "numeric", "relativeError", "passed", "passedBy"}]}`, one
/// entry per parameter, with the rule it passed by (`"relative"`, `"noise"`, or null when it failed).
extension GradientCheck: JSONRepresentable {
    public func json(naming: LayerNaming) -> JSONValue {
        let symbols = TextRenderer(naming: naming)
        return [
            "epsilon": .number(epsilon),
            "threshold": .number(threshold),
            "noise": .number(noise),
            "failures": .integer(failures),
            "passedByNoise": .integer(passed(by: .noise).count),
            "entries": .array(entries.map { e in
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
}
