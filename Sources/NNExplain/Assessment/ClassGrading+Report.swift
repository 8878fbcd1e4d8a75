/// The class report: how the class did on each question, its most common slips in words, and the
/// rows and students the grading could not use.
extension ClassGrading {
    /// How many of the graded students' answers to each question had each verdict.
    public struct Tally: Sendable, Equatable {
        public var right = 0, followThrough = 0, wrong = 0, notAnswered = 0
        /// The wrong answers by the slip they agree with; `nil` for a wrong answer that agrees with none.
        public var slips: [Slip?: Int] = [:]
    }

    /// One tally per question, over the students graded.
    public var tallies: [Tally] {
        var tallies = [Tally](repeating: Tally(), count: questions.count)
        for grading in gradings {
            for (n, result) in grading.results.enumerated() where n < tallies.count {
                switch result.verdict {
                case .right: tallies[n].right += 1
                case .followThrough: tallies[n].followThrough += 1
                case .notAnswered: tallies[n].notAnswered += 1
                case .wrong(let slip): tallies[n].wrong += 1; tallies[n].slips[slip, default: 0] += 1
                }
            }
        }
        return tallies
    }

    /// The slips in the order the report lists them: ``Slip``'s order, then a wrong answer that is no slip.
    static let slipOrder: [Slip?] = Slip.allCases.map { $0 } + [nil]

    /// Question `n` (0-based) as the report names it: its symbol when every sheet asks the same
    /// quantity, else with the node indices as letters (each student's nodes are drawn).
    func questionMath(_ n: Int) -> Math {
        let first = quantities[n].first ?? questions[n].quantity
        return first.math(sample: 0, lettered: quantities[n].contains { $0 != first })
    }

    /// The report: the counts, a table of each question's verdicts, a table of the slips found in
    /// each question, the most common slips in sentences (``mostCommon``), the ids not on the
    /// roster, the students without answers and the rows not read. A share is the count and its
    /// percentage of the students graded (``share(_:of:)``).
    public var report: Document {
        let graded = gradings.count, tallies = self.tallies
        func share(_ count: Int) -> Math { [.word(ClassGrading.share(count, of: graded))] }
        var blocks: [Document.Block] = [.title(["Class report"]), .paragraph([.text(summary)]), .gap]
        let rows = questions.indices.map { n -> [Math] in
            let t = tallies[n]
            return [[.integer(n + 1)], questionMath(n), share(t.right), share(t.followThrough), share(t.wrong), share(t.notAnswered)]
        }
        let lettered = questions.indices.contains { n in quantities[n].contains { $0 != quantities[n].first } }
        let letters: [Document.Block] = lettered ? [.paragraph(["Where the sheets draw different nodes, j and k stand for each sheet's own."])] : []
        blocks.append(.section(heading: ["Each question"], blocks: letters + [
            .table(header: [[.word("question")], [.word("asks for")], [.word("right")], [.word("by follow-through")], [.word("wrong")],
                            [.word("not answered")]], rows: rows, operators: [])]))
        let found = Self.slipOrder.filter { slip in tallies.contains { $0.slips[slip, default: 0] > 0 } }
        if found.isEmpty {
            blocks.append(.section(heading: ["Slips"], blocks: [.paragraph(["No wrong answer."])]))
        } else {
            let slipRows = questions.indices.map { n in [[.integer(n + 1)] as Math] + found.map { share(tallies[n].slips[$0, default: 0]) } }
            blocks.append(.section(heading: ["Slips"], blocks: [
                .paragraph(["The wrong answers of each question by the slip each agrees with"]
                           + (found.contains(nil) ? [" (", .code("other"), ": wrong, but no common slip gives it)."] : ["."])),
                .table(header: [[.word("question")]] + found.map { [.word($0?.rawValue ?? "other")] }, rows: slipRows, operators: [])]))
            blocks.append(.section(heading: ["The most common slips"], blocks: mostCommon.map { .paragraph($0) }))
        }
        blocks += leftOut
        return Document(blocks)
    }

    /// `17 (14%)`: a count and its share of `total`, to a whole percent, but never 100% for fewer
    /// than all nor 0% for more than none (`<1%`, `>99%`); `0` alone for none.
    static func share(_ count: Int, of total: Int) -> String {
        guard total > 0, count > 0 else { return String(count) }
        let percent = Int((Double(count) * 100 / Double(total)).rounded())
        let shown = count < total && percent == 100 ? ">99" : percent == 0 ? "<1" : String(percent)
        return "\(count) (\(shown)%)"
    }

    /// Who was graded, and how follow-through counted.
    private var summary: String {
        let graded = gradings.count, unreadStudents = entries.count - graded - withoutAnswers.count
        var parts = ["\(entries.count.counting("student")) on the roster; the answers of \(graded) graded"]
        if !withoutAnswers.isEmpty { parts.append("\(withoutAnswers.count) without answers") }
        if unreadStudents > 0 { parts.append("\(unreadStudents) whose row could not be read") }
        let marking = followThrough
            ? "Follow-through marking is on: an answer worked out correctly from the student's own wrong earlier answer earns its mark."
            : "Follow-through marking is off: only an answer that agrees with the key earns its mark."
        return parts.joined(separator: ", ") + ". " + marking + (graded > 0 ? " Shares are of the \(graded.counting("student")) graded." : "")
    }

    /// The most common slips (at most ``mostCommonCount``), most frequent first (ties in question
    /// order, then ``slipOrder``), each a sentence: "17 of 120 took the sign of ∂C_0/∂w_jk^2 wrong
    /// in question 7."
    public var mostCommon: [[Document.Inline]] {
        let graded = gradings.count, tallies = self.tallies
        var found: [(count: Int, question: Int, slip: Slip?)] = []
        for n in questions.indices {
            for slip in Self.slipOrder { if let count = tallies[n].slips[slip], count > 0 { found.append((count, n, slip)) } }
        }
        let order = Self.slipOrder
        found.sort { a, b in
            a.count != b.count ? a.count > b.count
                : a.question != b.question ? a.question < b.question : order.firstIndex(of: a.slip)! < order.firstIndex(of: b.slip)!
        }
        return found.prefix(Self.mostCommonCount).map { item in
            ["\(item.count) of \(graded) "] + Slip.sentence(item.slip, m(questionMath(item.question)), question: item.question + 1) + ["."]
        }
    }

    /// How many slips the report puts in words.
    public static let mostCommonCount = 5

    /// The ids not on the roster, the students without answers and the rows not read, each a
    /// section when there are any.
    private var leftOut: [Document.Block] {
        var blocks: [Document.Block] = []
        if !unknownIds.isEmpty {
            blocks.append(.section(heading: ["Ids not on the roster"], blocks: unknownIds.map { id, line in
                .paragraph([.text("'\(id.visiblePrefix)' on line \(line): not graded; check the id against the roster.")])
            }))
        }
        if !withoutAnswers.isEmpty {
            blocks.append(.section(heading: ["Students without answers"], blocks: withoutAnswers.map { student in
                .paragraph([.text(student.id + (student.name.isEmpty ? "" : ", " + student.name))])
            }))
        }
        if !unread.isEmpty {
            blocks.append(.section(heading: ["Rows not read"], blocks: unread.map { .paragraph([.text("Not graded: " + $0.message + ".")]) }))
        }
        return blocks
    }
}

extension Slip {
    /// What a number of students did, in words after "17 of 120 ": `took the sign of X wrong in
    /// question 7`; `nil` is a wrong answer no common slip gives.
    static func sentence(_ slip: Slip?, _ quantity: Document.Inline, question n: Int) -> [Document.Inline] {
        let q: Document.Inline = .text(" in question \(n)")
        switch slip {
        case .sign: return ["took the sign of ", quantity, " wrong", q]
        case .factorOfTwo: return ["gave ", quantity, " off by a factor of two (the half of the squared loss dropped or added)", q]
        case .wrongIndex: return ["mixed up an index in ", quantity, " (a neighbouring node's value, or the weight of the transposed index)", q]
        case .partialSum: return ["added one term of the sum over the layer above instead of all of them for ", quantity, q]
        case .missingTerm: return ["left a factor or a term out of ", quantity, q]
        case .newWeights: return ["worked out ", quantity, " with the weights already updated", q]
        case .rounding: return ["rounded too early in ", quantity, q, " (one unit off in the last digit)"]
        case nil: return ["gave a wrong ", quantity, q, " that no common slip explains"]
        }
    }
}
