/// `nnexplain nudge --format json`.
extension Nudge: JSONRepresentable {
    /// `{"by", "loss": {"before", "after", "change", "predicted"}, "quantities": [{"symbol", …}]}`.
    public func json(naming: LayerNaming) -> JSONValue {
        let text = TextRenderer(naming: naming)
        func numbers(_ q: Change) -> [(key: String, value: JSONValue)] {
            [("before", .number(q.before)), ("after", .number(q.after)), ("change", .number(q.change)), ("predicted", .number(q.predicted))]
        }
        return .object([
            ("by", .number(by)),
            ("loss", .object(numbers(loss))),
            ("quantities", .array(quantities.map { .object([("symbol", .string(text.text($0.symbol)))] + numbers($0)) })),
        ])
    }
}
