/// `nnexplain check`: backpropagation beside finite differences, how to read it, and a verdict that
/// names the rule each gradient passed by, with the figures that decided it.
extension Explanation {
    /// The document of a gradient check.
    /// - Parameter check: ``Network/gradientCheck(epsilon:threshold:progress:)``'s result.
    /// - Returns: the document, for any renderer.
    public static func check(_ check: GradientCheck) -> Document {
        var blocks: [Document.Block] = [
            .title(["Gradient check: backpropagation against central finite differences, ",
                    m([.symbol(.epsilon), .op(.equals), .number(check.epsilon)])]),
            .paragraph([
                "Why: a finite difference estimates each slope from the loss alone, ",
                m([.fraction([.variable("C"), .bracketed([.variable("θ"), .op(.plus), .symbol(.epsilon)], .plain), .op(.minus),
                              .variable("C"), .bracketed([.variable("θ"), .op(.minus), .symbol(.epsilon)], .plain)],
                             [.integer(2), .symbol(.epsilon)])]),
                ", with no chain rule at all. When backpropagation is right the two agree to many digits; ",
                "practitioners run this check whenever they write a new layer or loss.",
            ]),
            .paragraph([
                "How to read it: ", m(relativeError), ". Around ", m([.number(1e-7)]),
                " or smaller means agreement. A gradient also passes, by the noise rule, when the two differ by at most ",
                m([.number(check.noise)]), ", the noise allowance of this ", m(.epsilon), " (\(NumberText.prose(GradientCheck.noiseULPs)) ulp of ",
                m([.symbol(.loss(.mean)), .op(.divided), .symbol(.epsilon)]), ", ",
                "the rounding of the two losses divided by the step). ",
                "Above the threshold ", m([.number(check.threshold)]),
                " look closer: a bug, a relu sitting on its kink at ", v("z", 0), ", or a step ε too small or too large.",
            ]),
            .gap,
        ]
        let rows: [[Math]] = check.entries.map { e in
            let symbol: Symbol = e.k.map { .w(layer: e.layer, .number(e.j), .number($0)) } ?? .b(layer: e.layer, .number(e.j))
            return [.of(.partial(.loss(.mean), symbol)), [.number(e.backprop)], [.number(e.numeric)],
                    [.number(e.relativeError)], [.word(verdict(e.passedBy))]]
        }
        blocks.append(.nested([.table(
            header: [[.word("parameter")], [.word("backprop")], [.word("numeric")], [.word("relative error")], []],
            rows: rows, operators: [nil, nil, nil, nil])]))
        blocks += [.gap, .paragraph(summary(check))]
        return Document(blocks)
    }

    /// `relative error = |backprop − numeric| / max(|backprop|, |numeric|, floor)` as a formula,
    /// its bars as LaTeX's `\lvert`, `\rvert` and its floor a number like the table's.
    static let relativeError: Math = [
        .word("relative error"), .op(.equals),
        .bracketed([.word("backprop"), .op(.minus), .word("numeric")], .bars), .op(.divided),
        .function("max", [.bracketed([.bracketed([.word("backprop")], .bars), .op(.comma), .bracketed([.word("numeric")], .bars), .op(.comma),
                                      .number(GradientCheck.floor)], .plain)]),
    ]

    /// An entry's last column: `ok`, `ok (noise)` or `FAIL`.
    static func verdict(_ rule: GradientCheck.Rule?) -> String {
        switch rule {
        case .relative: return "ok"
        case .noise: return "ok (noise)"
        case nil: return "FAIL"
        }
    }

    /// The verdict: every group of entries (agreeing, passing by the noise rule, failing) with the
    /// figures that put it there, so that each number stands on the side of its bound the words say.
    static func summary(_ check: GradientCheck) -> [Document.Inline] {
        let n = check.entries.count
        let agreeing = check.passed(by: .relative), noisy = check.passed(by: .noise)
        let failing = check.entries.filter { !$0.passed }
        let threshold = m([.number(check.threshold)]), noise = m([.number(check.noise)])
        func largest(_ entries: [GradientCheck.Entry], _ value: (GradientCheck.Entry) -> Double) -> Document.Inline {
            m([.number(entries.map(value).max() ?? 0)])
        }
        if noisy.isEmpty && failing.isEmpty {
            return [n == 1 ? "The 1 gradient agrees: its relative error is " : "All \(n) gradients agree: the largest relative error is ",
                    largest(agreeing, { $0.relativeError }), ", at most the threshold ", threshold, "."]
        }
        var groups: [[Document.Inline]] = []
        if !failing.isEmpty {
            groups.append(["\(failing.count) \(verb(failing.count, "disagree")): relative error above the threshold ", threshold,
                           " and difference above the noise allowance ", noise])
        }
        if !agreeing.isEmpty {
            groups.append(["\(agreeing.count) \(verb(agreeing.count, "agree")) to a relative error of at most ",
                           largest(agreeing, { $0.relativeError }), " (the threshold is ", threshold, ")"])
        }
        if !noisy.isEmpty {
            groups.append(["\(noisy.count) \(verb(noisy.count, "pass")) by the noise rule only: relative error up to ",
                           largest(noisy, { $0.relativeError }), ", above the threshold, but a difference of at most ",
                           largest(noisy, { $0.difference }), ", within the noise allowance ", noise])
        }
        let head: Document.Inline = !failing.isEmpty ? "Of the \(n) gradients, "
            : n == 1 ? "The 1 gradient passes: " : "All \(n) gradients pass. Of them, "
        return [head] + groups.enumerated().flatMap { i, group in (i == 0 ? [] : ["; "]) + group } + ["."]
    }

    /// `agree`/`agrees`, `pass`/`passes`: a verb after a count.
    private static func verb(_ count: Int, _ plural: String) -> String {
        count != 1 ? plural : plural.hasSuffix("s") ? plural + "es" : plural + "s"
    }
}
