/// A sheet's answers checked against its key: right or wrong by the question's rounding
/// (``Rounding/agrees(_:with:)``), and for a wrong one the slip whose value it agrees with.
public struct Grading: Sendable, Equatable {
    public let exercise: Exercise
    public let results: [Result]

    /// One question's verdict.
    public struct Result: Sendable, Equatable {
        public let question: Exercise.Question
        /// The student's answer; `nil` when the file has none for this question.
        public let given: Double?
        /// The key's answer, unrounded.
        public let expected: Double
        public let correct: Bool
        /// The slip a wrong answer agrees with, if any.
        public let slip: Slip?
        /// What a tutor would say.
        public let hint: String
    }

    /// The number of right answers.
    public var score: Int { results.filter(\.correct).count }

    /// Why the answers cannot be graded against this sheet, as a value a caller can switch on.
    public enum Mismatch: Error, Equatable, Sendable {
        /// The answers answer question `id`, which the sheet, of questions `first` to `last`, does not have.
        case noSuchQuestion(String, first: String, last: String)
    }

    /// Grades `answers`; an answer to a question the sheet does not have is a mismatch (a file for
    /// another sheet, or a typo), not something to ignore.
    ///
    /// - Parameters:
    ///   - exercise: the sheet the answers are for (the same seed and settings give the same sheet).
    ///   - answers: the answers, some or all of the sheet's questions (an unanswered one is wrong).
    /// - Throws: ``Mismatch/noSuchQuestion(_:first:last:)`` for the first answer to a question the sheet lacks.
    public init(_ exercise: Exercise, answers: Answers) throws(Mismatch) {
        let ids = exercise.questions.map(\.id)
        if let stray = answers.values.first(where: { !ids.contains($0.id) }) {
            throw .noSuchQuestion(stray.id, first: ids.first ?? "", last: ids.last ?? "")
        }
        self.exercise = exercise
        let key = exercise.answers
        results = exercise.questions.enumerated().map { n, question in
            let given = answers.values.first { $0.id == question.id }?.value
            return Grading.verdict(question, given: given, expected: key[n], in: exercise)
        }
    }

    private static func verdict(_ question: Exercise.Question, given: Double?, expected: Double, in exercise: Exercise) -> Result {
        guard let given else {
            return Result(question: question, given: nil, expected: expected, correct: false, slip: nil,
                          hint: "no answer given; the key has it, with the working (\(exercise.command(key: true)))")
        }
        if question.rounding.agrees(given, with: expected) {
            return Result(question: question, given: given, expected: expected, correct: true, slip: nil, hint: "right")
        }
        if let slip = exercise.slipCandidates(question).first(where: { question.rounding.agrees(given, with: $0.value) }) {
            return Result(question: question, given: given, expected: expected, correct: false, slip: slip.slip, hint: slip.hint)
        }
        return Result(question: question, given: given, expected: expected, correct: false, slip: nil,
                      hint: "not a slip I recognise; compare your working step by step with the key's (\(exercise.command(key: true)))")
    }
}
