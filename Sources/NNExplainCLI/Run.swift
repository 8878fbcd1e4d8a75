#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplain

/// Runs `nnexplain` with `arguments` (without the program name), writing to the given streams.
/// Returns the process exit code: 0 on success or help, 64/65/66/1 on error (see ``CLIError``).
///
/// Output is built completely before anything is written, so on an error stdout stays empty.
public func run<Out: TextOutputStream, Err: TextOutputStream>(
    arguments: [String], stdout: inout Out, stderr: inout Err, environment: Environment = .plain
) -> Int32 {
    do {
        var result = try execute(arguments, environment: environment)
        for warning in result.warnings { stderr.write("Warning: \(warning.visible)\n") }
        if let heading = result.heading {
            if !result.headingFits || (result.output.isEmpty && result.pages.isEmpty) {
                stderr.write("Note: \(heading.visible)\n")
            } else if result.pages.isEmpty {
                result.output = heading + "\n\n" + result.output
            } else {
                result.pages[0] = heading + "\n\n" + result.pages[0]
            }
        }
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

/// The executable's whole life: ``run`` on the process's own streams, then whether its output
/// arrived. A failed write to stdout (a full disk, a closed descriptor) is an error with exit 1:
/// `Error: cannot write to standard output: no space left on device`. A reader that closes the pipe
/// early (`nnexplain gradients | head -1`) is no error: nothing more is written, nothing is said,
/// and the exit status is the command's own (0 when it succeeded). A failing stderr is ignored, as
/// there is nowhere left to complain. (SIGPIPE must be ignored for the writes to see `EPIPE`.)
public func runProcess(arguments: [String]) -> Int32 {
    var stdout = StandardStream.output, stderr = StandardStream.error
    let status = run(arguments: arguments, stdout: &stdout, stderr: &stderr, environment: .process)
    stdout.close()
    guard case .failed(let reason) = stdout.state else { return status }
    let error = CLIError.runtime("cannot write to standard output: \(reason)")
    stderr.write(error.rendered())
    return error.exitCode
}

/// Prepares the process's signals, once, before ``run`` or ``runProcess``: SIGPIPE is ignored, so a
/// reader that closes the pipe early makes writes fail with `EPIPE` instead of killing the process,
/// and SIGQUIT gets its default handling back from the Swift runtime's backtracer
/// (``Interruption/restoreQuit()``), so that it ends a run with 128 + 3 and cleans up a write.
public func prepareSignals() {
    signal(SIGPIPE, SIG_IGN)
    Interruption.restoreQuit()
}

private func execute(_ arguments: [String], environment: Environment) throws(CLIError) -> CommandResult {
    guard let first = arguments.first else { return CommandResult(output: Help.top()) }
    switch first {
    case "-h", "--help": return CommandResult(output: Help.top())
    case "--version":
        guard arguments.count == 1 else {
            throw .usage("--version takes no other arguments; give 'nnexplain --version' alone", command: nil)
        }
        return CommandResult(output: "nnexplain \(Help.version)\n")
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
    let rest = Array(arguments.dropFirst())
    switch command.action {
    case .unparsed(let action):
        return try action(rest)
    case .parsed(let action):
        let parsed = try Arguments(rest, for: command)
        if parsed.wantsHelp { return CommandResult(output: Help.command(command)) }
        return try action(parsed, environment)
    }
}
