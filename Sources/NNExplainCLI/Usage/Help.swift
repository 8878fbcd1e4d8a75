/// Help text in the swift-argument-parser layout: OVERVIEW, USAGE, OPTIONS, SUBCOMMANDS.
enum Help {
    static let version = "0.1.0"

    static let helpOption = Flag(name: "-h, --help", help: "Show help information.").option

    /// `nnexplain --help`.
    static func top() -> String {
        var out = """
            OVERVIEW: Explain backpropagation step by step, with real numbers.

            nnexplain runs a fully-connected network forward and backward and writes out every
            chain-rule term of any weight's gradient, symbolically and with its value.

            USAGE: \(Command.topUsage)


            """
        out += options([Flag(name: "--version", help: "Show the version.").option, helpOption])
        out += "\nSUBCOMMANDS:\n"
        let width = Command.all.map(\.name.count).max()! + 2
        for command in Command.all {
            out += "  " + command.name.padded(to: width) + command.abstract + "\n"
        }
        out += "\n  See 'nnexplain help <command>' for detailed help.\n"
        return out
    }

    /// `nnexplain <command> --help`.
    static func command(_ command: Command) -> String {
        var out = "OVERVIEW: \(command.abstract)\n\n"
        if !command.discussion.isEmpty { out += command.discussion + "\n\n" }
        out += "USAGE: \(command.usage)\n\n"
        out += options(command.options + [helpOption])
        return out
    }

    private static func options(_ options: [Command.Option]) -> String {
        let names = options.map { $0.name + ($0.value.map { " <\($0)>" } ?? "") }
        let width = max(names.map(\.count).max() ?? 0, 16) + 2
        var out = "OPTIONS:\n"
        for (name, option) in zip(names, options) {
            out += "  " + name.padded(to: width) + option.help + "\n"
        }
        return out
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
