/// `nnexplain lesson [N]`: the classroom lessons, listed or printed. Their text is compiled into
/// the tool (``Lessons/all``, generated from `lessons/*.md` at build time by LessonsPlugin),
/// so the command works wherever the executable is. A lesson prints for the terminal (``LessonText``)
/// unless `--markdown` asks for its source; `--no-answers` gives the student's edition of either.
enum LessonCommand {
    static let command = Command(
        name: "lesson",
        abstract: "List the classroom lessons, or print lesson N.",
        discussion: "The lessons walk through backpropagation with real nnexplain commands and their output.",
        synopsis: [.positional("N"), .optional(noAnswers), .optional(markdown)],
        options: [noAnswers, markdown],
        action: .parsed(run))

    static let noAnswers = Flag(name: "--no-answers", help: "Leave out the answers to the questions: the student's edition.")
    static let markdown = Flag(name: "--markdown", help: "Print the lesson's Markdown source, as in lessons/, instead of text for the terminal.")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let lessons = Lessons.all
        guard let text = arguments.positional else {
            if arguments.flag(noAnswers) || arguments.flag(markdown) {
                throw arguments.usage("--no-answers and --markdown need a lesson number, e.g. 'nnexplain lesson 3 --no-answers'")
            }
            var out = "Lessons (print one with 'nnexplain lesson N'):\n"
            for lesson in lessons { out += "  \(lesson.number). \(lesson.title)\n" }
            return CommandResult(output: out)
        }
        guard let n = Int(text), let found = Lessons.numbered(n) else {
            throw arguments.usage("there is no lesson '\(text)'; give one of \(numberList(lessons.map(\.number))), or no number for the list")
        }
        var lesson = found.text
        if arguments.flag(noAnswers) { lesson = LessonText.withoutAnswers(lesson) }
        return CommandResult(output: arguments.flag(markdown) ? lesson : LessonText.terminal(lesson))
    }

    /// The lesson numbers as ranges where they run on: `1…13 or 17`.
    static func numberList(_ numbers: [Int]) -> String {
        var runs: [String] = [], start = 0
        for (i, n) in numbers.enumerated() where i + 1 == numbers.count || numbers[i + 1] != n + 1 {
            runs.append(i == start ? "\(n)" : "\(numbers[start])…\(n)")
            start = i + 1
        }
        return ListStyle.natural.join(runs)
    }
}
