import Foundation
import NNExplainCLI

/// What one run of the command line produced.
public struct CLIResult: Equatable, Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Drives the whole command line in process, through the same `run` the executable calls.
public func runCLI(_ arguments: [String]) -> CLIResult {
    var out = "", err = ""
    let status = run(arguments: arguments, stdout: &out, stderr: &err)
    return CLIResult(status: status, stdout: out, stderr: err)
}

/// The network files several test targets read, in `Tests/NNExplainTestSupport/Fixtures/`.
public enum Fixtures {
    public static let directory = TestPaths.fixtures

    public static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// The built `nnexplain` executable, for end-to-end tests of the real process.
public enum Executable {
    public static var url: URL? { url(of: "nnexplain") }

    /// The built executable product `name` (the package's executables are built beside the tests).
    public static func url(of name: String) -> URL? {
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent())
        var directory = runner
        for _ in 0..<4 {  // out of a bundle such as nnexplainPackageTests.xctest/Contents/MacOS
            directory.deleteLastPathComponent()
            candidates.append(directory)
        }
        candidates.append(TestPaths.package.appendingPathComponent(".build/debug"))
        return candidates.map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs the executable as a child process with no standard input.
    public static func run(_ arguments: [String]) throws -> CLIResult {
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
