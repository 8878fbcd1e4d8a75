/// A sheet's answers checked against its key: only what was answered is graded. An answer is right
/// when it agrees with the key to the question's rounding (``Rounding/agrees(_:with:)``); right by
/// follow-through when it agrees with the value worked out from the student's own wrong earlier
/// answers (``Exercise/dependencies(of:)``); otherwise wrong, with the rounding slip checked first
/// (one unit off in the last asked digit) and then the slip whose value it agrees with.
public struct Grading: Sendable, Equatable {
    public let exercise: Exercise
    public let results: [Result]
    /// The answers file's lines that could not be read (graded as not answered).
    public let unread: [Answers.FormatError]
    /// Whether the key's answers are shown: only when the teacher asks (`--show-key`).
    public let showsKey: Bool
    /// Whether an answer worked out correctly from the student's own wrong earlier answers earns its mark.
    public let followsThrough: Bool

    /// What an answer earns.
    public enum Verdict: Sendable, Equatable {
        /// Agrees with the key.
        case right
        /// Worked out correctly from the student's own wrong answers to the questions `from`: credit is given.
        case followThrough(from: [String])
        /// Disagrees with the key and with what follows from the student's own answers; the slip it
        /// agrees with, if any.
        case wrong(Slip?)
        /// The file has no answer to the question.
        case notAnswered
    }

    /// One question's verdict.
    public struct Result: Sendable, Equatable {
        public let question: Exercise.Question
        /// The student's answer; `nil` when the file has none for this question.
        public let given: Double?
        /// The key's answer, unrounded.
        public let expected: Double
        public let verdict: Verdict
        /// What a tutor would say; empty for a question not answered.
        public let hint: String

        /// Whether the answer earns its mark: right, or right by follow-through.
        public var correct: Bool {
            switch verdict {
            case .right, .followThrough: return true
            case .wrong, .notAnswered: return false
            }
        }

        /// The slip a wrong answer agrees with, if any.
        public var slip: Slip? {
            if case .wrong(let slip) = verdict { return slip }
            return nil
        }
    }

    /// The number of answers that earn their mark.
    public var score: Int { results.filter { $0.correct }.count }
    /// The number of questions answered.
    public var answered: Int { results.filter { $0.given != nil }.count }

    /// Why the answers cannot be graded against this sheet, as a value a caller can switch on.
    public enum Mismatch: Error, Equatable, Sendable {
        /// The answers answer question `id`, which the sheet, of questions `first` to `last`, does not have.
        case noSuchQuestion(String, first: String, last: String)
    }

    /// Grades `answers`. An answer to a question the sheet does not have (a typo among the other
    /// answers) is listed in ``unread`` with its line and the rest graded; a file none of whose answers
    /// is on the sheet (a file for another sheet) is a mismatch, not something to grade as blank.
    ///
    /// - Parameters:
    ///   - exercise: the sheet the answers are for (the same seed and settings give the same sheet).
    ///   - answers: the answers, some or all of the sheet's questions (an unanswered one is "not
    ///     answered", neither right nor wrong).
    ///   - showKey: whether the document shows the key's answers (hints never reveal them).
    ///   - followThrough: whether an answer worked out correctly from the student's own wrong
    ///     earlier answers earns its mark (on unless the teacher turns it off).
    /// - Throws: ``Mismatch/noSuchQuestion(_:first:last:)`` when there are answers and none is to a
    ///   question of the sheet.
    public init(_ exercise: Exercise, answers: Answers, showKey: Bool = false, followThrough: Bool = true) throws(Mismatch) {
        let ids = exercise.questions.map { $0.id }, first = ids.first ?? "", last = ids.last ?? ""
        let strays = answers.values.filter { !ids.contains($0.id) }
        if let stray = strays.first, strays.count == answers.values.count {
            throw .noSuchQuestion(stray.id, first: first, last: last)
        }
        let notOnSheet = strays.map { Answers.FormatError.notOnSheet(line: answers.lines[$0.id], id: $0.id, first: first, last: last) }
        self.exercise = exercise
        unread = (answers.unread + notOnSheet).sorted { ($0.line ?? .max) < ($1.line ?? .max) }
        showsKey = showKey
        followsThrough = followThrough
        let key = exercise.answers
        let given = Dictionary(uniqueKeysWithValues: answers.values.filter { ids.contains($0.id) }.map { ($0.id, $0.value) })
        results = exercise.questions.enumerated().map { n, question in
            Grading.verdict(question, given: given, expected: key[n], in: exercise, followThrough: followThrough)
        }
    }

    private static func verdict(_ question: Exercise.Question, given answers: [String: Double], expected: Double,
                                in exercise: Exercise, followThrough: Bool) -> Result {
        func result(_ verdict: Verdict, _ hint: String) -> Result {
            Result(question: question, given: answers[question.id], expected: expected, verdict: verdict, hint: hint)
        }
        guard let given = answers[question.id] else { return result(.notAnswered, "") }
        let rounding = question.rounding
        if rounding.agrees(given, with: expected) { return result(.right, "right") }
        if let followed = exercise.followThrough(question, given: given, answers: answers) {
            guard followThrough else {
                let which = followed.map { "question \($0.id)" }.joined(separator: " and ")
                return result(.wrong(nil), "you worked this one out correctly from your own wrong answer to \(which), "
                    + "but follow-through marking is off for this grading, so it earns no mark")
            }
            return result(.followThrough(from: followed.map { $0.id }), Grading.followThroughHint(followed, answers: answers, in: exercise, question: question))
        }
        if rounding.isOneUnitOff(given, from: expected) { return result(.wrong(.rounding), SlipFinder.roundLate) }
        if let slip = exercise.slipCandidates(question).first(where: { rounding.agrees(given, with: $0.value) }) {
            return result(.wrong(slip.slip), slip.hint)
        }
        return result(.wrong(nil), "not a slip I recognise; go through your working step by step against the formula in the question")
    }
}
