#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command may know about where it runs: which streams are terminals, whether colour is
/// unwanted, how wide the terminal is, how to read keys and how to draw progress. Tests pass their own.
public struct Environment: Sendable {
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var stdinIsTerminal: Bool
    /// The terminal's width in columns when stdout is one and says, else nil.
    public var terminalColumns: Int?
    /// `NO_COLOR` is set (https://no-color.org) or `TERM=dumb`: never colour unless `--color always`.
    public var noColor: Bool
    /// The keys of the terminal on stdin, read without Enter; nil when stdin is no terminal.
    public var keys: Keys?
    /// The descriptor `--network -` reads the network from, or nil for none (it then reads as an
    /// empty file), so that a test in process never reads the test runner's own input.
    public var standardInput: Int32?
    /// Writes a progress line straight to the terminal's stderr while a long command runs.
    public var progress: (@Sendable (String) -> Void)?
    /// Runs once in every file write (`--save`, `--output`, `--in-place`), after the first chunk of
    /// the temporary file and before the rest, so that a test can interrupt a write under way; nil
    /// (the default, and always for ``process``) for none.
    public var pauseWhileWriting: (@Sendable () -> Void)?

    public init(
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, stdinIsTerminal: Bool = false,
        terminalColumns: Int? = nil, noColor: Bool = false, keys: Keys? = nil,
        progress: (@Sendable (String) -> Void)? = nil, standardInput: Int32? = nil,
        pauseWhileWriting: (@Sendable () -> Void)? = nil
    ) {
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
        self.terminalColumns = terminalColumns
        self.noColor = noColor
        self.keys = keys
        self.progress = progress
        self.standardInput = standardInput
        self.pauseWhileWriting = pauseWhileWriting
    }

    /// The environment of this process.
    public static var process: Environment {
        let stderrIsTerminal = isatty(STDERR_FILENO) == 1, stdinIsTerminal = isatty(STDIN_FILENO) == 1
        return Environment(
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stderrIsTerminal: stderrIsTerminal,
            stdinIsTerminal: stdinIsTerminal,
            terminalColumns: columns(of: STDOUT_FILENO),
            noColor: colorUnwanted(ProcessInfo.processInfo.environment),
            keys: stdinIsTerminal ? .terminal : nil,
            progress: stderrIsTerminal ? writeToStandardError : nil, standardInput: STDIN_FILENO)
    }

    /// Whether these environment variables ask for no colour: a non-empty `NO_COLOR`, or `TERM=dumb`
    /// (a terminal that shows escape codes as text).
    public static func colorUnwanted(_ variables: [String: String]) -> Bool {
        !(variables["NO_COLOR"] ?? "").isEmpty || variables["TERM"] == "dumb"
    }

    /// The width `TIOCGWINSZ` reports for the terminal on `descriptor`; nil when it is no terminal
    /// or reports 0.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    @Sendable private static func writeToStandardError(_ text: String) {
        _ = StandardStream.write(text, to: STDERR_FILENO)
    }

    /// A quiet environment: no terminals, no input, no progress (the default for tests).
    public static let plain = Environment()
}
