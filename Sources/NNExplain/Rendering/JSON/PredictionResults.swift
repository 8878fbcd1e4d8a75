/// What `nnexplain predict` found: the predictions on the training samples and, when the network
/// has held-out samples, on those.
public struct PredictionResults: Sendable, JSONRepresentable {
    /// The predictions on the training samples.
    public let training: Predictions
    /// The predictions on the held-out samples; nil when there are none.
    public let test: Predictions?

    /// The results `training` and, if any, `test`.
    public init(training: Predictions, test: Predictions?) {
        (self.training, self.test) = (training, test)
    }

    /// `{"accuracy", "correct", "loss", "samples": [{"output", "predicted", "target", "correct"}], "confusion"}`,
    /// with the same under `"test"` when there are held-out samples.
    public func json(naming: LayerNaming) -> JSONValue {
        func members(_ p: Predictions) -> [(key: String, value: JSONValue)] {
            [("accuracy", .number(p.accuracy)), ("correct", .integer(p.correct)), ("loss", .number(p.loss)),
             ("samples", .array(p.rows.map { row in
                 .object([("output", .numbers(row.output)), ("predicted", .integer(row.predicted)),
                          ("target", .integer(row.target)), ("correct", .bool(row.correct))])
             })),
             ("confusion", .array(p.confusion.map { .array($0.map(JSONValue.integer)) }))]
        }
        return .object(members(training) + (test.map { [("test", .object(members($0)))] } ?? []))
    }
}
