/// `nnexplain help [<command>]`: the top help, or one command's. The parser hands `help` its
/// arguments unparsed (``run(_:)``), so that `nnexplain help step` is not an unexpected argument.
enum HelpCommand {
    static let command = Command(
        name: "help",
        abstract: "Show help for nnexplain or for one of its commands.",
        discussion: "",
        synopsis: [.positional("<command>")],
        options: [],
        action: { _, _ throws(CLIError) in CommandResult(output: Help.top()) })

    static func run(_ arguments: [String]) throws(CLIError) -> CommandResult {
        guard let name = arguments.first, name != "-h", name != "--help" else { return CommandResult(output: Help.top()) }
        guard arguments.count == 1, let command = Command.named(name) else {
            throw .usage("'nnexplain help' takes one command name, one of "
                + Command.all.map(\.name).joined(separator: ", "), command: "help")
        }
        return CommandResult(output: name == "help" ? Help.top() : Help.command(command))
    }
}
