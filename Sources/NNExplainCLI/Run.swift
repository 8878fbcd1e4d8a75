import NNExplain

/// Runs `nnexplain` with `arguments` (without the program name), writing to the given streams.
/// Returns the process exit code: 0 on success or help, 64/65/66/1 on error (see ``CLIError``).
///
/// Output is built completely before anything is written, so on an error stdout stays empty.
public func run<Out: TextOutputStream, Err: TextOutputStream>(
    arguments: [String], stdout: inout Out, stderr: inout Err, environment: Environment = .plain
) -> Int32 {
    do {
        let result = try execute(arguments, environment: environment)
        for warning in result.warnings { stderr.write("Warning: \(warning.visible)\n") }
        if result.pages.isEmpty {
            stdout.write(result.output)
        } else {
            page(result.pages, stdout: &stdout, environment: environment)
        }
        if let failure = result.failure {
            stderr.write("Error: \(failure.visible)\n")
            return 1
        }
        return 0
    } catch {
        stderr.write(error.rendered())
        return error.exitCode
    }
}

/// Writes pages one at a time, waiting for Enter between them when stdin is a terminal (q quits).
private func page<Out: TextOutputStream>(_ pages: [String], stdout: inout Out, environment: Environment) {
    for (n, text) in pages.enumerated() {
        stdout.write(text)
        guard environment.stdinIsTerminal, n < pages.count - 1 else { continue }
        stdout.write("\n[\(n + 1)/\(pages.count)] Enter: next step, q: quit ")
        guard let answer = environment.readLine(), answer.trimmed.lowercased() != "q" else {
            stdout.write("\n")
            return
        }
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

private func execute(_ arguments: [String], environment: Environment) throws(CLIError) -> CommandResult {
    guard let first = arguments.first else { return CommandResult(output: Help.top()) }
    switch first {
    case "-h", "--help": return CommandResult(output: Help.top())
    case "--version": return CommandResult(output: "nnexplain \(Help.version)\n")
    case "help": return try helpCommand(Array(arguments.dropFirst()))
    default: break
    }
    guard let command = Command.named(first) else {
        if Arguments.looksLikeOption(first) {
            throw .usage("unknown option '\(first)'; give a command first, e.g. 'nnexplain step --layer L --j 1 --k 2'", command: nil)
        }
        var message = "unknown command '\(first)'"
        if let near = Arguments.nearest(first, among: Command.all.map(\.name)) {
            message += "; did you mean '\(near)'?"
        } else {
            message += "; the commands are " + Command.all.map(\.name).joined(separator: ", ")
        }
        throw .usage(message, command: nil)
    }
    let parsed = try Arguments(Array(arguments.dropFirst()), for: command)
    if parsed.wantsHelp { return CommandResult(output: Help.command(command)) }
    return try command.action(parsed, environment)
}

private func helpCommand(_ arguments: [String]) throws(CLIError) -> CommandResult {
    guard let name = arguments.first, name != "-h", name != "--help" else { return CommandResult(output: Help.top()) }
    guard arguments.count == 1, let command = Command.named(name) else {
        throw .usage("'nnexplain help' takes one command name, one of "
            + Command.all.map(\.name).joined(separator: ", "), command: "help")
    }
    return CommandResult(output: name == "help" ? Help.top() : Help.command(command))
}
