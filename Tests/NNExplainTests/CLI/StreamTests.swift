import Foundation
import NNExplainCLI
import Testing

/// Standard output that cannot be written, run as real processes: a full disk and a closed
/// descriptor are errors (exit 1, one sentence on stderr); a reader that stops early is not, and
/// the process is never killed by SIGPIPE.
@Suite struct StreamTests {
    /// How a child process ended, and what it wrote on stderr.
    struct Ending {
        var status: Int32
        var killedBySignal: Bool
        var stderr: String
    }

    /// Runs `executable` with `arguments`, stdout going to `stdout`, stderr read to its end.
    /// `whileRunning` gets the child's stdout pipe when `stdout` is a `Pipe`.
    static func spawn(_ executable: URL, _ arguments: [String], stdout: Any,
                      whileRunning: (FileHandle) -> Void = { _ in }) throws -> Ending {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = stdout
        let err = Pipe()
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let pipe = stdout as? Pipe {
            try pipe.fileHandleForWriting.close()
            whileRunning(pipe.fileHandleForReading)
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Ending(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func aFullDiskIsAnError() throws {
        let executable = try #require(Executable.url)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let ending = try Self.spawn(executable, ["gradients"], stdout: full)
        #expect(!ending.killedBySignal)
        #expect(ending.status == 1)
        #expect(ending.stderr == "Error: cannot write to standard output: no space left on device\n")
    }

    @Test func aClosedStandardOutputIsAnError() throws {
        let executable = try #require(Executable.url)
        // `exec … >&-` starts nnexplain with descriptor 1 closed.
        let ending = try Self.spawn(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "exec \"$0\" gradients >&-", executable.path], stdout: FileHandle.nullDevice)
        #expect(!ending.killedBySignal)
        #expect(ending.status == 1)
        #expect(ending.stderr == "Error: cannot write to standard output: bad file descriptor\n")
    }

    @Test func aClosedStandardOutputWithNothingToWriteIsNoError() throws {
        let executable = try #require(Executable.url)
        // An error writes nothing on stdout, so only the error itself is reported.
        let ending = try Self.spawn(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "exec \"$0\" gradients --precision 0 >&-", executable.path], stdout: FileHandle.nullDevice)
        #expect(ending.status == 64)
        #expect(ending.stderr.hasPrefix("Error: --precision"))
        #expect(!ending.stderr.contains("standard output"))
    }

    @Test func aReaderThatStopsEarlyEndsTheRunQuietly() throws {
        let executable = try #require(Executable.url)
        // Far more than a pipe holds (64 KiB on Linux), so the writer must meet the closed end.
        let arguments = ["gradients", "--random", "200,200", "--format", "json"]
        var firstBytes = Data()
        let ending = try Self.spawn(executable, arguments, stdout: Pipe()) { reader in
            firstBytes = reader.readData(ofLength: 1)
            try? reader.close()
        }
        #expect(firstBytes == Data("{".utf8))
        #expect(!ending.killedBySignal)
        #expect(ending.status == 0)
        #expect(ending.stderr == "")
    }

    @Test(arguments: ["2>&-", "2>/dev/full"])
    func aStandardErrorThatCannotBeWrittenIsIgnored(_ redirection: String) throws {
        let executable = try #require(Executable.url)
        let ending = try Self.spawn(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "exec \"$0\" gradients --precision 0 \(redirection)", executable.path], stdout: Pipe())
        #expect(!ending.killedBySignal)
        #expect(ending.status == 64)
    }
}

/// The smaller output fixes of issue 10: format characters escaped in echoed arguments, no colour
/// for `TERM=dumb`, `--version` alone, and "1 epoch" in the singular.
@Suite struct SmallerOutputTests {
    /// Bidirectional overrides, embeddings and isolates, the direction marks, the Arabic letter mark,
    /// and other format characters (zero-width no-break space, soft hyphen, zero-width space).
    static let formatCharacters: [UInt32] = Array(0x202A...0x202E) + Array(0x2066...0x2069)
        + [0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x200B]

    @Test(arguments: formatCharacters)
    func formatCharactersAreEscapedWhenEchoed(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let result = runCLI(["st" + String(Character(scalar)) + "ep"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: unknown command 'st\\u{\(String(value, radix: 16))}ep'"))
        #expect(!result.stderr.unicodeScalars.contains(scalar))
    }

    @Test func termDumbMeansNoColour() {
        #expect(Environment.colorUnwanted(["TERM": "dumb"]))
        #expect(Environment.colorUnwanted(["NO_COLOR": "1", "TERM": "xterm"]))
        #expect(!Environment.colorUnwanted(["TERM": "xterm-256color"]))
        #expect(!Environment.colorUnwanted(["NO_COLOR": ""]))
        let dumb = Environment(stdoutIsTerminal: true, noColor: Environment.colorUnwanted(["TERM": "dumb"]))
        func output(_ extra: [String]) -> String {
            var out = "", err = ""
            _ = run(arguments: ["gradients"] + extra, stdout: &out, stderr: &err, environment: dumb)
            return out
        }
        #expect(!output([]).contains("\u{1B}["))
        #expect(output(["--color", "always"]).contains("\u{1B}["))
        #expect(!output(["--color", "never"]).contains("\u{1B}["))
    }

    @Test func versionTakesNoOtherArguments() {
        #expect(runCLI(["--version"]).status == 0)
        for extra in [["step"], ["--help"], ["x", "y"]] {
            let result = runCLI(["--version"] + extra)
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("Error: --version takes no other arguments; give 'nnexplain --version' alone\n"))
        }
    }

    @Test func oneEpochIsSingular() throws {
        // One identity node without a bias, w = 1, x = 1e100, y = 0: C = 1e200 and ∂C/∂w = 2e200 are
        // finite, but after one step with η = 1, a = (1 − 2e200) · 1e100 ≈ −2e300 and C overflows.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-epoch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("diverges.json")
        try #"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1]]}], "loss": "squared", "samples": [{"x": [1e100], "y": [0]}]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let result = runCLI(["train", "--network", file.path, "--epochs", "5", "--learning-rate", "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("after 1 epoch;"))
    }

    @Test func oneNodeIsSingular() {
        let result = runCLI(["step", "--random", "1,1", "--layer", "L", "--k", "0"])
        #expect(result.stderr.hasPrefix("Error: missing --j; say which node, e.g. --j 0 (layer L has 1 node)\n"))
    }
}
