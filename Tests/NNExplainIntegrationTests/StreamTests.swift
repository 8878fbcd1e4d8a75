import Foundation
import NNExplainCLI
import NNExplainTestSupport
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
