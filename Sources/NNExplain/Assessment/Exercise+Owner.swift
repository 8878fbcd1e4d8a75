/// A roster's sheets: one a student, drawn from the course key and the student's id.
extension Exercise {
    /// The student a roster's sheet is for, and its sheet code.
    public struct Owner: Sendable, Equatable {
        public let student: Roster.Student
        /// ``CourseKey/code(for:)`` of the student's id.
        public let code: String
    }

    /// The sheet of `student` under `courseKey`: the seed is ``CourseKey/seed(for:)`` of the id.
    ///
    /// - Throws: ``Problem`` when the settings make no sheet.
    public init(courseKey: CourseKey, student: Roster.Student, settings: Settings = Settings()) throws(Problem) {
        try settings.validate()
        self.init(courseKey: courseKey, student: student, validated: settings)
    }

    /// The sheet of `student` for `settings` already checked.
    private init(courseKey: CourseKey, student: Roster.Student, validated settings: Settings) {
        self.init(seed: courseKey.seed(for: student.id), validated: settings,
                  owner: Owner(student: student, code: courseKey.code(for: student.id)))
    }

    /// The sheet of every student of `roster`, in the roster's order (the settings checked once).
    ///
    /// - Throws: ``Problem`` when the settings make no sheet.
    public static func sheets(for roster: Roster, courseKey: CourseKey, settings: Settings = Settings()) throws(Problem) -> [Exercise] {
        try settings.validate()
        return roster.students.map { Exercise(courseKey: courseKey, student: $0, validated: settings) }
    }
}

extension Exercise.Settings {
    /// The named levels of difficulty, `--level 1|2|3`: 2-2-2 (one hidden layer of two), 2-3-2 (a
    /// hidden layer of three, so the hidden weight's sum has three terms), 3-3-2-1 (two hidden
    /// layers); the activation and loss are the settings' own (sigmoid and squared by default).
    public static let levels: [Int: [Int]] = [1: [2, 2, 2], 2: [2, 3, 2], 3: [3, 3, 2, 1]]

    /// The settings of `level` (a key of ``levels``) with `activation` and `loss`.
    public init?(level: Int, activation: Activation = .sigmoid, loss: Loss = .squared) {
        guard let sizes = Self.levels[level] else { return nil }
        self.init(sizes: sizes, activation: activation, loss: loss)
    }
}
