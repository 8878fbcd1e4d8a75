/// `nnexplain help [<command>]`: the top help, or one command's. It takes its arguments unparsed
/// (``run(_:)``), so that `nnexplain help step` is not an unexpected argument and `nnexplain help
/// --help` is the top help.
enum HelpCommand {
    static let command = Command(
        name: "help",
        abstract: "Show help for nnexplain or for one of its commands.",
        discussion: "",
        synopsis: [.positional("<command>")],
        options: [],
        action: .unparsed(run))

    static func run(_ arguments: [String]) throws(CLIError) -> CommandResult {
        guard let name = arguments.first, name != "-h", name != "--help" else { return CommandResult(output: Help.top()) }
        guard arguments.count == 1, let command = Command.named(name) else {
            throw .usage("'nnexplain help' takes one command name, one of "
                + Command.all.map(\.name).joined(separator: ", "), command: "help")
        }
        return CommandResult(output: name == "help" ? Help.top() : Help.command(command))
    }
}
