/// The subcommands: their options, their help text and the function that runs each.
struct Command: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    /// The USAGE line after the command name, built from the declarations of its options.
    let synopsis: Synopsis
    let options: [Option]
    let action: Action

    init(
        name: String, abstract: String, discussion: String, synopsis: Synopsis, options: [any DeclaredOption],
        action: Action
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.synopsis = synopsis
        self.options = options.map(\.option)
        self.action = action
    }

    /// What runs the command: a function of its parsed options, or (`help`) of its arguments as given.
    enum Action: Sendable {
        /// Runs on the options ``Arguments`` parsed; `-h` or `--help` shows the command's help instead.
        case parsed(@Sendable (Arguments, Environment) throws(CLIError) -> CommandResult)
        /// Runs on the arguments after the command name, unparsed.
        case unparsed(@Sendable ([String]) throws(CLIError) -> CommandResult)
    }

    /// The name of the one positional argument the command takes, if any (`lesson N`): the one its
    /// synopsis shows.
    var positional: String? { synopsis.positional }

    static func named(_ name: String) -> Command? { all.first { $0.name == name } }

    /// Every command, in the order the help lists them.
    static var all: [Command] {
        [StepCommand.command, ForwardCommand.command, GraphCommand.command, ExprCommand.command, GradientsCommand.command, MatrixCommand.command, UpdateCommand.command, TrainCommand.command,
         CheckCommand.command, WalkCommand.command, DiagramCommand.command, BoundaryCommand.command, HTMLCommand.command, NetworkCommand.command, ImportCommand.command, ExerciseCommand.command,
         NudgeCommand.command, PredictCommand.command, ExportCommand.command, LessonCommand.command,
         HelpCommand.command]
    }
}

/// What a command prints: its output (or pages to show one at a time), warnings for stderr, and
/// a failure that makes the exit code 1 after the output (a gradient check that disagrees).
struct CommandResult {
    var output: String
    var warnings: [String] = []
    var pages: [String] = []
    var failure: String?
    /// A sentence about the network that the output opens with when `headingFits` (text and
    /// Markdown), and that standard error says as a note otherwise (JSON, LaTeX, pictures, files).
    var heading: String?
    var headingFits = false
}
