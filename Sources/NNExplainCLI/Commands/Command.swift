/// The subcommands: their options, their help text and the function that runs each.
struct Command: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    /// The options after the command name, without the USAGE prefix.
    let synopsis: String
    let options: [Option]
    /// The name of the one positional argument the command takes, if any (`lesson N`).
    var positional: String? = nil
    let action: @Sendable (Arguments, Environment) throws(CLIError) -> CommandResult

    /// One option: its name, the placeholder of its value (`nil` for a flag) and its help.
    struct Option: Sendable {
        let name: String
        let value: String?
        let help: String
    }

    var usage: String { "nnexplain \(name) \(synopsis)" }

    static let topUsage = "nnexplain <command> [options]"

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
