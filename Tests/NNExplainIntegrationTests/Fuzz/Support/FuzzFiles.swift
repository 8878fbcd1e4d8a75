import Foundation
import NNExplain
// @testable: the fuzzer generates from the CLI's own option declarations (Command, Arguments), not a copy of them.
@testable import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Scratch files

/// A scratch directory for one fuzz test, with a few network files the argument vectors name.
struct FuzzFiles {
    let directory: URL
    let paths: [String]
    let safety: FuzzSafety

    init() throws {
        let manager = FileManager.default
        directory = manager.temporaryDirectory.appendingPathComponent("nnexplain-fuzz-\(UUID().uuidString)")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let mazur = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("mazur.json")))
        let mazurText = String(decoding: mazur, as: UTF8.self)
        let files: [(String, Data)] = [
            ("empty.json", Data()),
            ("bom.json", Data([0xEF, 0xBB, 0xBF]) + mazur),
            ("my net é 🧠.json", mazur),
            ("warnings.json", Data(mazurText.replacingOccurrences(of: "\"inputs\"", with: "\"comment\": \"hi\",\n  \"inputs\"").utf8)),
            ("line\nbreak.json", Data(mazurText.replacingOccurrences(of: "\"inputs\"", with: "\"comment\": \"hi\",\n  \"inputs\"").utf8)),
            ("one-layer.json", Data(#"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[2]]}], "samples": [{"x": [1], "y": [0]}]}"#.utf8)),
            ("overflow.json", Data(#"{"inputs": 1, "layers": [{"activation": "identity", "weights": [[1e308]]}], "samples": [{"x": [1e300], "y": [0]}]}"#.utf8)),
            ("truncated.json", mazur.prefix(mazur.count / 2)),
        ]
        var paths = [Fixtures.path("mazur.json"), Fixtures.path("deep.json")]
        for (name, data) in files {
            let url = directory.appendingPathComponent(name)
            try data.write(to: url)
            paths.append(url.path)
        }
        let folder = directory.appendingPathComponent("folder.json")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        paths.append(folder.path)
        paths += [
            "/nonexistent", "/nonexistent/net.json", "/", "/dev/null", "", ".", "..", "~", "mazur.json",
            Fixtures.path("mazur.json") + "/", Fixtures.path("mazur.json") + "\0.txt", Fixtures.directory.path,
            "/" + String(repeating: "a", count: 5000), "/etc/passwd", "file:///etc/passwd", "-",
        ]
        #if os(Linux)
        paths += ["/dev/zero", "/dev/stdin", "/proc/self/status"]
        #endif
        self.paths = paths
        safety = FuzzSafety(output: directory.appendingPathComponent("output.txt").path,
                            writableNetwork: directory.appendingPathComponent("writable.json").path,
                            writableContents: mazur)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

// MARK: - Safety

/// Keeps fuzzed command lines harmless. Some commands write files (`train --save FILE`,
/// `diagram --output FILE`, `update --in-place` writes its `--network FILE`), by renaming a new
/// file over the target, and the fuzzer's vocabulary holds paths such as `/dev/null`, `/etc/passwd`
/// and the fixtures; run as root, a fuzzed `--save /dev/null` would replace the device. So every
/// command line is rewritten before it runs: the value of every option that writes becomes
/// ``output``, and when a flag writes to the network file, every `--network` value becomes
/// ``writableNetwork``, a scratch copy reset before each run. Counts that make a command run for
/// minutes (`--epochs` up to 10 000 000) are capped.
///
/// Options that write are found by their help ("Write …", "save") and by a `FILE` value other than
/// `--network`'s, so new commands are covered as they are added, as long as their help says so.
struct FuzzSafety: Sendable {
    let output: String
    let writableNetwork: String
    let writableContents: Data

    /// Options whose value is a file that is written.
    static let writingOptions: Set<String> = {
        var names: Set<String> = ["--save", "--output", "--out", "-o"]
        for command in Command.all {
            for option in command.options where option.value != nil && option.name != "--network" {
                let help = option.help.lowercased()
                if option.value == "FILE" || option.value == "PATH" || help.contains("write") || help.contains("save") {
                    names.insert(option.name)
                }
            }
        }
        return names
    }()

    /// Flags that make a command write to its `--network` file.
    static let writingFlags: Set<String> = {
        var names: Set<String> = ["--in-place"]
        for command in Command.all {
            for option in command.options where option.value == nil {
                let help = option.help.lowercased()
                if help.contains("write") || help.contains("save") || help.contains("in place") { names.insert(option.name) }
            }
        }
        return names
    }()

    /// Options whose value is a count of work, and the most the fuzzer lets through.
    static let costlyCounts: [String: Int] = ["--epochs": 200]

    /// Whether the command line names an option or flag that writes a file.
    static func writes(_ arguments: [String]) -> Bool {
        arguments.contains { argument in
            let name = argument.firstIndex(of: "=").map { String(argument[..<$0]) } ?? argument
            return writingOptions.contains(name) || writingFlags.contains(name)
        }
    }

    func sanitized(_ arguments: [String]) -> [String] {
        var a = arguments
        func name(_ s: String) -> String { s.firstIndex(of: "=").map { String(s[..<$0]) } ?? s }
        let writesNetwork = a.contains { FuzzSafety.writingFlags.contains(name($0)) }
        var i = 0
        while i < a.count {
            let n = name(a[i])
            var replacement: String?
            if FuzzSafety.writingOptions.contains(n) {
                replacement = output
            } else if n == "--network" && writesNetwork {
                replacement = writableNetwork
            } else if let cap = FuzzSafety.costlyCounts[n] {
                let value = a[i].contains("=") ? String(a[i][a[i].index(after: a[i].firstIndex(of: "=")!)...])
                    : (i + 1 < a.count ? a[i + 1] : "")
                if let count = Int(value.trimmingCharacters(in: .whitespaces)), count > cap, count <= 100_000_000 {
                    replacement = String(cap)
                }
            }
            if let replacement {
                if a[i].contains("=") {
                    a[i] = n + "=" + replacement
                } else if i + 1 < a.count, !Arguments.looksLikeOption(a[i + 1]) {
                    a[i + 1] = replacement
                    i += 1
                }
            }
            i += 1
        }
        return a
    }

    /// Resets the scratch network file that `--in-place` may have changed.
    func prepare() throws {
        try writableContents.write(to: URL(fileURLWithPath: writableNetwork))
    }
}
