/// The nudge as a document.
extension Nudge {
    /// The weight and ε, a table of every quantity before, after, its change and the predicted
    /// change, then what the comparison means.
    public var document: Document {
        // A change of C below half the spacing of the doubles at C rounds away: then the gap is rounding, not the first-order rule's.
        let registers = loss.change != 0 || loss.predicted == 0
        let w = Symbol.w(layer: layer, .number(j), .number(k))
        let C = loss.symbol
        let header: [Math] = [[.word("quantity")], [.word("before")], [.word("after")], [.word("change")], [.word("predicted")]]
        let rows = (quantities + [loss]).map { q -> [Math] in
            [.of(q.symbol), [.number(q.before)], [.number(q.after)], [.number(q.change)], [.number(q.predicted)]]
        }
        var blocks: [Document.Block] = [
            .title(["Nudge ", m(w), " by ", m([.symbol(.epsilon), .op(.equals), .number(by)]),
                    sample.map { " (sample \($0))" } ?? " (the mean loss over all samples)"]),
            .paragraph(["Add ε to the weight, run the network again, and compare every quantity that moves. The predicted change is ",
                        m([.partial([.variable("q")], [.variable("w")], slashed: false), .op(.times), .symbol(.epsilon)]),
                        ", the chain rule's first-order estimate; only ", m(.z(layer: layer, .number(j))),
                        " and what lies above it can move."]),
            .gap,
            .nested([.table(header: header, rows: rows, operators: [nil, nil, nil, nil])]),
            .gap,
            .paragraph(["So ", m(.partial(C, w)), " is the loss's rate of change with the weight: the loss changed by ", m([.number(loss.change)]),
                        ", and the gradient times ε predicted ", m([.number(loss.predicted)]), "."]
                       + (registers ? [" The gap between the two is what a first-order rule leaves out; for a smooth activation it shrinks like ε² ",
                                       "as ε shrinks, so try a larger ε to see the prediction stop being exact."]
                                    : [" The change is too small for ", m(C), " = ", m([.number(loss.before)]),
                                       " to register in doubles (the doubles next to it are ", m([.number(loss.before.ulp)]),
                                       " apart), so the loss shows none; the prediction is the change the gradient gives."])),
        ]
        if sample == nil {
            blocks.append(.paragraph(["Each z and a belongs to one sample; give --sample S to see them move."]))
        }
        return Document(blocks)
    }
}
