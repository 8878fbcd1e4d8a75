/// A class's answers (``ClassAnswers``) graded, each row against the sheet of the student whose id
/// it gives, as one student's answers are graded (``Grading``); the students in the roster's order.
public struct ClassGrading: Sendable {
    /// One student of the roster and what became of their answers.
    public struct Entry: Sendable {
        public let student: Roster.Student
        public let outcome: Outcome
    }

    /// What became of a student's answers.
    public enum Outcome: Sendable {
        /// The row (on `line`) was read and graded.
        case graded(Grading, line: Int)
        /// The student's row could not be read.
        case unread(ClassAnswers.RowProblem)
        /// The file has no row for the student.
        case noAnswers
    }

    /// Every student of the roster, in its order.
    public let entries: [Entry]
    /// The rows whose id is on no sheet: the id and its line, in file order.
    public let unknownIds: [(id: String, line: Int)]
    /// The rows that could not be read, in file order (also in the entry of a student they name).
    public let unread: [ClassAnswers.RowProblem]
    /// The questions, as the first sheet asks them (every sheet of one setting asks the same kinds,
    /// each student's nodes drawn).
    public let questions: [Exercise.Question]
    /// Each question's quantity on every sheet graded, in entry order, for naming it (``questionMath(_:)``).
    let quantities: [[Quantity]]
    /// Whether an answer worked out correctly from the student's own wrong earlier answers earned its mark.
    public let followThrough: Bool

    /// Grades `answers` against `sheets`.
    ///
    /// - Parameters:
    ///   - sheets: one sheet per student of the roster, in its order, each with its ``Exercise/owner``
    ///     (``Exercise/sheets(for:courseKey:settings:)``); a sheet without an owner is skipped.
    ///   - answers: the class's answers, read for these sheets' questions.
    ///   - followThrough: whether follow-through earns the mark (``Grading/init(_:answers:showKey:followThrough:)``).
    public init(sheets: [Exercise], answers: ClassAnswers, followThrough: Bool = true) {
        let owned = sheets.filter { $0.owner != nil }
        var rows: [String: ClassAnswers.Row] = [:]
        for row in answers.rows where rows[row.id] == nil { rows[row.id] = row }
        var unreadById: [String: ClassAnswers.RowProblem] = [:]
        for problem in answers.unread { if let id = problem.id, unreadById[id] == nil { unreadById[id] = problem } }
        entries = owned.map { sheet in
            let student = sheet.owner!.student
            if let row = rows[student.id], let grading = try? Grading(sheet, answers: row.answers, followThrough: followThrough) {
                return Entry(student: student, outcome: .graded(grading, line: row.line))
            }
            if let problem = unreadById[student.id] { return Entry(student: student, outcome: .unread(problem)) }
            return Entry(student: student, outcome: .noAnswers)
        }
        let ids = Set(owned.map { $0.owner!.student.id })
        unknownIds = answers.rows.filter { !ids.contains($0.id) }.map { ($0.id, $0.line) }
        unread = answers.unread
        questions = sheets.first?.questions ?? []
        quantities = questions.indices.map { n in owned.compactMap { n < $0.questions.count ? $0.questions[n].quantity : nil } }
        self.followThrough = followThrough
    }

    /// The gradings, in roster order.
    public var gradings: [Grading] {
        entries.compactMap { if case .graded(let grading, _) = $0.outcome { return grading } else { return nil } }
    }

    /// The students the file has no row for, in roster order.
    public var withoutAnswers: [Roster.Student] {
        entries.compactMap { if case .noAnswers = $0.outcome { return $0.student } else { return nil } }
    }
}
