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
            for (n, lesson) in lessons.enumerated() { out += "  \(n + 1). \(lesson.title)\n" }
            return CommandResult(output: out)
        }
        guard let n = Int(text), n >= 1, n <= lessons.count else {
            throw arguments.usage("there is no lesson '\(text)'; give a number 1…\(lessons.count), or no number for the list")
        }
        var lesson = lessons[n - 1].text
        if arguments.flag(noAnswers) { lesson = LessonText.withoutAnswers(lesson) }
        return CommandResult(output: arguments.flag(markdown) ? lesson : LessonText.terminal(lesson))
    }
}
