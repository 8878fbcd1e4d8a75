/// `nnexplain predict` as a document and as JSON: the predictions ``Network/predictions(of:)`` made.
extension Explanation {
    /// Which samples a prediction document lists, and how many of them.
    public struct PredictionListing: Sendable, Equatable {
        /// Whether the listed samples are the held-out ones (`"test"`) rather than the training ones.
        public let test: Bool
        /// How many rows the table shows, the first ones; the counts and the accuracy take all.
        public let rows: Int

        /// - Parameters:
        ///   - test: list the held-out samples rather than the training ones.
        ///   - rows: how many rows the table shows.
        public init(test: Bool, rows: Int) {
            (self.test, self.rows) = (test, rows)
        }
    }

    /// The rule that names the classes, a table of the listed samples (output, predicted class,
    /// target class, right or wrong), their confusion matrix, then the accuracy of the training
    /// samples and, when there are held-out ones, theirs and their mean loss.
    ///
    /// - Parameters:
    ///   - training: ``Network/predictions(of:)`` of the training samples.
    ///   - test: those of the held-out samples, or nil.
    ///   - listing: which samples the table lists, and how many.
    ///   - L: the network's depth, for naming the output layer.
    /// - Returns: the document, for any renderer.
    public static func predictions(training: Predictions, test: Predictions?, listing: PredictionListing, depth L: Int) -> Document {
        let listed = listing.test ? test ?? training : training
        let set = listing.test ? "test" : "training"
        let outputs = listed.rows.first?.output.count ?? 0
        var blocks: [Document.Block] = [
            .title(["Predictions for the \(listed.rows.count) \(set) sample\(listed.rows.count == 1 ? "" : "s"): ",
                    "\(listed.correct) of \(listed.rows.count) right (\(percent(listed.correct, of: listed.rows.count)))"]),
            .paragraph(classRule(outputs: outputs, depth: L)),
        ]
        let shown = max(0, min(listing.rows, listed.rows.count))
        if shown > 0 {
            let a: [Math] = (0..<outputs).map { .of(.a(layer: L, .number($0))) }
            let header: [Math] = [[.word("sample")]] + a + [[.word("predicted")], [.word("target")], [.word("result")]]
            let rows = listed.rows.prefix(shown).enumerated().map { s, row -> [Math] in
                [[.word(String(s))]] + row.output.map { [.number($0)] }
                    + [[.word(String(row.predicted))], [.word(String(row.target))], [.word(row.correct ? "right" : "wrong")]]
            }
            blocks += [.gap, .nested([.table(header: header, rows: rows, operators: Array(repeating: nil, count: header.count - 1))])]
        }
        if shown < listed.rows.count {
            blocks.append(.paragraph([shown == 0 ? "No sample is listed" : "The table lists the first \(shown) of the \(listed.rows.count) samples",
                                      "; --rows N lists more. The counts and the accuracy take every sample."]))
        }
        blocks += [.gap, .paragraph(["Confusion matrix of the \(set) samples: row t, column p counts the samples of target class t ",
                                     "predicted as class p; the right ones lie on the diagonal."]),
                   .nested([confusionTable(listed.confusion)]), .gap]
        blocks.append(.paragraph(summary("Training", training) + ["; their mean loss ", m([.symbol(.loss(.mean)), .op(.equals), .number(training.loss)]), "."]))
        if let test {
            blocks.append(.paragraph(summary("Test", test) + ["; their mean loss ", m([.number(test.loss)]), " (never trained on)."]))
        }
        return Document(blocks)
    }

    /// How an output and a target name their classes, for `outputs` output nodes.
    private static func classRule(outputs: Int, depth L: Int) -> [Document.Inline] {
        if outputs == 1 {
            return ["A sample's predicted class is 1 when its output ", m(.a(layer: L, .number(0))), " is at least 0.5 and 0 otherwise; ",
                    "its target class is 1 when ", m(.y(.number(0))), " is at least 0.5 and 0 otherwise."]
        }
        return ["A sample's predicted class is the j of its largest output ", m(.a(layer: L, .letter("j"))),
                " (on a tie the lowest such j); its target class is the j of its largest target ", m(.y(.letter("j"))), "."]
    }

    /// `counts[t][p]` with the classes as row and column labels.
    private static func confusionTable(_ counts: [[Int]]) -> Document.Block {
        let header: [Math] = [[.word("counts")]] + counts.indices.map { [.word("p = \($0)")] }
        let rows = counts.enumerated().map { t, row -> [Math] in [[.word("t = \(t)")]] + row.map { [.word(String($0))] } }
        return .table(header: header, rows: rows, operators: Array(repeating: nil, count: header.count - 1))
    }

    /// "Training samples: 7 of 8 right (87.5%)".
    private static func summary(_ name: String, _ p: Predictions) -> [Document.Inline] {
        ["\(name) samples: \(p.correct) of \(p.rows.count) right (\(percent(p.correct, of: p.rows.count)))"]
    }

    /// `correct / count` as a percentage: whole when it is exact ("50%"), else rounded half up to one
    /// decimal ("96.7%"); a share that would round to 0% or 100% without being so is "under 0.1%"
    /// or "over 99.9%", so 0% and 100% are said only when exact. Of no samples, "none to count".
    static func percent(_ correct: Int, of count: Int) -> String {
        guard count > 0 else { return "none to count" }
        let correct = min(max(0, correct), count)
        if (correct * 100) % count == 0 { return "\(correct * 100 / count)%" }
        // round(correct · 1000 / count), half up, in whole numbers: no rounding error.
        let tenths = (2 * correct * 1000 + count) / (2 * count)
        if tenths == 0 { return "under 0.1%" }
        if tenths == 1000 { return "over 99.9%" }
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
