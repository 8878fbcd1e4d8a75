/// The subcommands: their options, their help text and the function that runs each.
struct Command: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    /// The options after the command name, without the USAGE prefix.
    let synopsis: String
    let options: [Option]
    /// The name of the one positional argument the command takes, if any (`lesson N`).
    let positional: String?
    let action: @Sendable (Arguments, Environment) throws(CLIError) -> CommandResult

    init(
        name: String, abstract: String, discussion: String, synopsis: String, options: [any DeclaredOption],
        positional: String? = nil, action: @escaping @Sendable (Arguments, Environment) throws(CLIError) -> CommandResult
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.synopsis = synopsis
        self.options = options.map(\.option)
        self.positional = positional
        self.action = action
    }

    static func named(_ name: String) -> Command? { all.first { $0.name == name } }

    /// Every command, in the order the help lists them.
    static var all: [Command] {
        [StepCommand.command, ForwardCommand.command, GradientsCommand.command, UpdateCommand.command, TrainCommand.command,
         CheckCommand.command, WalkCommand.command, DiagramCommand.command, NetworkCommand.command, LessonCommand.command,
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
}
