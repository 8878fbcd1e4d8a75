import Foundation
import NNExplainCLI

/// What one run of the command line produced.
struct CLIResult: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Drives the whole command line in process, through the same `run` the executable calls.
func runCLI(_ arguments: [String]) -> CLIResult {
    var out = "", err = ""
    let status = run(arguments: arguments, stdout: &out, stderr: &err)
    return CLIResult(status: status, stdout: out, stderr: err)
}

/// Test fixtures live beside the tests, never in ../shared (a user's clone has none).
enum Fixtures {
    static let directory = TestPaths.fixtures

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// The built `nnexplain` executable, for end-to-end tests of the real process.
enum Executable {
    static var url: URL? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent())
        var directory = runner
        for _ in 0..<4 {  // out of a bundle such as nnexplainPackageTests.xctest/Contents/MacOS
            directory.deleteLastPathComponent()
            candidates.append(directory)
        }
        candidates.append(TestPaths.package.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent("nnexplain") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the executable as a child process with no standard input.
    static func run(_ arguments: [String]) throws -> CLIResult {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}
