/// A roster's sheets as a quiz for a learning platform, before any platform's file format: one
/// category (the assignment), and for each student and each question of the student's sheet one
/// numerical question whose text holds that student's whole network and the question's words.
/// The writers (``moodleXML()``, ``gift()``, ``qtiZip()``) say it in each platform's format.
public struct Quiz: Sendable, Equatable {
    /// The assignment's name: the category in Moodle, the quiz's title in Canvas.
    public let title: String
    /// The questions, student by student in the roster's order, each student's in the sheet's order.
    public let questions: [Question]

    /// One numerical question of one student's sheet.
    public struct Question: Sendable, Equatable {
        /// `<id> <code> Q<n>`: the student's id, the sheet code and the question's number.
        public let name: String
        public let studentID: String
        public let code: String
        /// The question's number on the sheet, `"1"`…`"9"`.
        public let number: String
        /// The significant digits the question asks for.
        public let digits: Int
        /// HTML with TeX between `\(` and `\)`: whose sheet, the network as the sheet gives it, the question.
        public let text: String
        /// The right answer first, then one answer worth nothing for each slip (see ``Answer``).
        public let answers: [Answer]

        /// The right answer.
        public var right: Answer { answers[0] }
    }

    /// One answer a platform recognises: a value with a tolerance either side, the credit and the
    /// feedback it gives. A platform takes the first answer whose interval holds the student's
    /// number, so the right answer comes first and wins where a slip's interval overlaps it.
    public struct Answer: Sendable, Equatable {
        /// The full-precision key, or the value the slips give.
        public let value: Double
        /// Half a unit of the value's last asked significant digit, `u/2` (``Rounding/unit(of:)``).
        public let tolerance: Double
        /// The credit in percent: 100 for the right answer, 0 for a slip.
        public let percent: Int
        /// The slips that give this value, in ``Exercise/slipCandidates(_:)``'s order; empty for the right answer.
        public let slips: [Slip]
        /// Each slip's hint, in the order of ``slips``.
        public let hints: [String]
        /// HTML: "right", or each slip named with its hint.
        public let feedback: String
    }
}

extension Quiz {
    /// The quiz of `sheets` (roster sheets, each with its ``Exercise/owner``).
    ///
    /// - Parameters:
    ///   - sheets: the roster's sheets, as ``Exercise/sheets(for:courseKey:settings:)`` draws them.
    ///   - title: the assignment's name; a line break or a `/` (Moodle's category separator) is
    ///     written as a space.
    public init(sheets: [Exercise], title: String) {
        self.title = String(title.map { $0 == "/" || $0.isNewline ? " " : $0 })
        questions = sheets.flatMap { Quiz.questions(of: $0) }
    }

    /// The sheet's questions, each with the sheet's network in its text.
    static func questions(of sheet: Exercise) -> [Question] {
        let renderer = TeXHTMLRenderer(naming: LayerNaming(depth: sheet.network.depth, relative: false))
        let parts = sheet.parts(key: false)
        let id = sheet.owner?.student.id ?? String(sheet.seed), code = sheet.owner?.code ?? String(sheet.seed)
        let name = sheet.owner.map { $0.student.name.isEmpty ? "" : " (\($0.student.name))" } ?? ""
        let heading = "<p>Sheet \(XMLText.escaped(code)) of student \(XMLText.escaped(id + name)). "
            + "The network is the same in every question of this sheet.</p>\n"
        let network = renderer.render(parts.network)
        let answers = sheet.answers
        return sheet.questions.enumerated().map { n, question in
            // The question's words, without the line left blank for the answer on paper.
            let words = parts.questions[n].filter { if case .nested = $0 { return false } else { return true } }
            return Question(name: "\(id) \(code) Q\(question.id)", studentID: id, code: code, number: question.id,
                            digits: question.rounding.digits,
                            text: heading + network + "\n" + renderer.render(words),
                            answers: Quiz.answers(sheet, question, key: answers[n], renderer: renderer))
        }
    }

    /// The right answer, then the slips' answers; a slip whose value lies within an earlier slip
    /// answer's tolerance shares that answer, whose feedback then names each of them.
    static func answers(_ sheet: Exercise, _ question: Exercise.Question, key: Double, renderer: TeXHTMLRenderer) -> [Answer] {
        let rounding = question.rounding, digits = rounding.digits
        let right = Answer(value: key, tolerance: tolerance(key, rounding), percent: 100, slips: [], hints: [],
                           feedback: "<p>Right: your answer agrees with the key to \(digits) significant digits.</p>")
        var slips: [(value: Double, tolerance: Double, candidates: [SlipCandidate])] = []
        for candidate in sheet.slipCandidates(question) {
            if let k = slips.firstIndex(where: { abs(candidate.value - $0.value) <= $0.tolerance }) {
                slips[k].candidates.append(candidate)
            } else {
                slips.append((candidate.value, tolerance(candidate.value, rounding), [candidate]))
            }
        }
        return [right] + slips.map { value, tolerance, candidates in
            let named = candidates.map { "<p>Not right, but what the \(XMLText.escaped($0.slip.rawValue)) slip gives: \(XMLText.escaped($0.hint)).</p>" }
            return Answer(value: value, tolerance: tolerance, percent: 0, slips: candidates.map { $0.slip }, hints: candidates.map { $0.hint },
                          feedback: named.joined(separator: "\n"))
        }
    }

    /// `u/2`, half a unit of the last asked digit of `x`; 0 for 0 (no sheet's answer is 0).
    static func tolerance(_ x: Double, _ rounding: Rounding) -> Double {
        (rounding.unit(of: x) ?? 0) / 2
    }
}
