import Foundation
import NNExplainTestSupport
import Testing

/// The README's client package, built as a user's would be: its two files are read from the README
/// ("Using the library from your own package"), the dependency's address is pointed at a copy of
/// this package committed to a fresh git repository and tagged `0.1.0` (a `file://` address, so
/// SwiftPM resolves the version from the tag as it would from a server), and the built program must
/// print Mazur's published gradient of w5 and the start of its derivation. Then the same client,
/// its program replaced by a tour of the rest of the public API, must build and run clean.
struct ClientPackageTests {
    static let swift = Tools.onPath("swift")
    static let git = Tools.onPath("git")

    /// The ```swift blocks of the README's section on using the library, in order.
    static func readmeBlocks() throws -> [String] {
        let readme = try String(contentsOf: TestPaths.package.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Using the library from your own package"), "the README has no section on using the library")
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].components(separatedBy: "```swift\n").dropFirst().map { String($0.components(separatedBy: "```")[0]) }
    }

    /// Runs `program` with `arguments` in `folder`; its status and its output and errors together.
    static func run(_ program: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: swift != nil, Tools.missing("swift", install: "the Swift toolchain", unchecked: "the README's client package was not built")),
          .enabled(if: git != nil, Tools.missing("git", install: "Debian's git", unchecked: "the README's client package was not built")))
    func theReadmesClientPackageBuildsAgainstATagAndPrintsMazursGradient() throws {
        let blocks = try Self.readmeBlocks()
        try #require(blocks.count == 2, "the README's section shows a Package.swift and a main.swift")
        let (manifest, main) = (blocks[0], blocks[1])
        let address = try #require(manifest.firstMatch(of: /\.package\(url: "([^"]+)"/)?.output.1, "the manifest names nnexplain's address")
        #expect(manifest.contains("from: \"0.1.0\""), "the manifest asks for a version, as a client would")

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A copy of this package's sources, committed and tagged in a repository of its own.
        let library = scratch.appendingPathComponent("nnexplain")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        for item in ["Package.swift", "LICENSE", "Sources", "Plugins", "Tests", "lessons"] {
            try FileManager.default.copyItem(at: TestPaths.package.appendingPathComponent(item), to: library.appendingPathComponent(item))
        }
        let git = try #require(Self.git)
        let identity = ["-c", "user.name=nnexplain tests", "-c", "user.email=tests@nnexplain.invalid", "-c", "commit.gpgsign=false"]
        for arguments in [["init", "-q"], ["add", "-A"], identity + ["commit", "-q", "-m", "nnexplain"], identity + ["tag", "0.1.0"]] {
            let result = try Self.run(git, arguments, in: library)
            try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.output)")
        }
        // The client, exactly as the README shows it but for the address.
        let client = scratch.appendingPathComponent("mazur-gradient")
        let sources = client.appendingPathComponent("Sources/mazur-gradient")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try manifest.replacingOccurrences(of: String(address), with: library.absoluteString)
            .write(to: client.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let swift = try #require(Self.swift)
        let built = try Self.run(swift, ["build", "--package-path", client.path], in: client)
        try #require(built.status == 0, "the client package did not build:\n\(built.output)")
        let ran = try Self.run(client.appendingPathComponent(".build/debug/mazur-gradient").path, [], in: client)
        #expect(ran.status == 0, "\(ran.output)")
        let lines = ran.output.split(separator: "\n")
        // Mazur's article: ∂E_total/∂w5 = 0.082167041.
        let printed = try #require(lines.first?.split(separator: " ").last.flatMap { Double($0) }, "the first line ends in a number: \(ran.output)")
        #expect(abs(printed - 0.082167041) < 5e-10, "\(printed)")
        #expect(lines.dropFirst().first == "∂C_0/∂w_00^2, for sample 0", "\(ran.output)")

        // The same client with its main.swift replaced by a tour of the rest of the public API
        // (``apiTour``): it must build against what the library makes public, and run clean.
        try Self.apiTour.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let rebuilt = try Self.run(swift, ["build", "--package-path", client.path], in: client)
        try #require(rebuilt.status == 0, "the API tour did not build:\n\(rebuilt.output)")
        let toured = try Self.run(client.appendingPathComponent(".build/debug/mazur-gradient").path, [], in: client)
        #expect(toured.status == 0 && toured.output.hasSuffix("tour: ok\n"), "\(toured.output)")
    }
}
