/// `nnexplain lesson [N]`: the classroom lessons, listed or printed. Their text is compiled into
/// the tool (``Lessons/all``, generated from `lessons/*.md` and checked against them by the tests),
/// so the command works wherever the executable is.
enum LessonCommand {
    static let command = Command(
        name: "lesson",
        abstract: "List the classroom lessons, or print lesson N.",
        discussion: "The lessons walk through backpropagation with real nnexplain commands and their output.",
        synopsis: [.positional("N")],
        options: [],
        action: .parsed(run))

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let lessons = Lessons.all
        guard let text = arguments.positional else {
            var out = "Lessons (print one with 'nnexplain lesson N'):\n"
            for (n, lesson) in lessons.enumerated() { out += "  \(n + 1). \(lesson.title)\n" }
            return CommandResult(output: out)
        }
        guard let n = Int(text), n >= 1, n <= lessons.count else {
            throw arguments.usage("there is no lesson '\(text)'; give a number 1…\(lessons.count), or no number for the list")
        }
        return CommandResult(output: lessons[n - 1].text)
    }
}
