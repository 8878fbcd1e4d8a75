import Foundation
import NNExplainTestSupport
import Testing

/// The walk's pages in a real pseudo-terminal: the built executable under util-linux `script`,
/// keys typed, the screen read back.
struct TerminalProcessTests {
    static let noScript = Tools.missing("script", install: "Debian: util-linux",
                                        unchecked: "the walk was not run in a pseudo-terminal")

    /// Runs `command` in a pseudo-terminal of 100×30 (util-linux `script`) with `keys` typed.
    static func inTerminal(_ command: String, keys: String) throws -> String {
        let script = URL(fileURLWithPath: try #require(Tools.script))
        let executable = try #require(Executable.url, "the nnexplain executable is not built")
        let process = Process()
        process.executableURL = script
        // `script` runs the line in $SHELL, fixed here to sh for every machine. Ctrl-C signals the
        // whole foreground group, the shell too; the shell ignores it (the walk installs its own
        // handler) so that it lives to print the walk's exit status and the restored settings.
        process.arguments = ["-q", "-e", "-c", "trap '' INT; stty cols 100 rows 30; \(executable.path) \(command); echo rc=$?; stty -a", "/dev/null"]
        process.environment = ProcessInfo.processInfo.environment.merging(["SHELL": "/bin/sh"]) { $1 }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // The keys go only once the first page is drawn, so the walk is reading keys when they come.
        var data = Data()
        while !String(decoding: data, as: UTF8.self).contains("[1/") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        input.fileHandleForWriting.write(Data(keys.utf8))
        try input.fileHandleForWriting.close()  // script ends only at the end of its input
        data += output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` without carriage returns and ANSI escape sequences (ESC, `[`, parameters, a letter).
    static func visible(_ text: String) -> String {
        var out = "", escaping = false
        for character in text where character != "\r" {
            if character == "\u{1B}" { escaping = true } else if escaping { escaping = !character.isLetter } else { out.append(character) }
        }
        return out
    }

    static func counters(_ text: String) -> [String] {
        text.matches(of: /\[(\d+)\/(\d+)\]/).map { String($0.output.0) }
    }

    @Test(.enabled(if: Tools.script != nil, noScript)) func walkPagesForwardBackAndQuitsAtOnce() throws {
        let screen = try Self.inTerminal("walk", keys: "\rb \u{1B}[Cq")
        #expect(Self.counters(screen) == ["[1/24]", "[2/24]", "[1/24]", "[2/24]", "[3/24]"])
        #expect(screen.contains("one term at a time (24 steps)"), "the counter's N is the header's")
        #expect(screen.components(separatedBy: "\u{1B}[2J").count - 1 == 5, "each page clears the last")
        #expect(screen.contains("rc=0"))
        #expect(screen.contains(" icanon") && screen.contains(" echo "), "the terminal is restored")
        for page in screen.components(separatedBy: "\u{1B}[2J").dropFirst().dropLast() {
            let lines = page.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            #expect(lines.count <= 30, "a page fits 30 rows")
            let visible = lines.map(Self.visible)
            #expect(visible.allSatisfy { displayColumns($0) <= 100 }, "a page fits 100 columns: \(visible.filter { displayColumns($0) > 100 })")
        }
    }

    @Test(.enabled(if: Tools.script != nil, noScript)) func walkRestoresTheTerminalOnCtrlC() throws {
        let screen = try Self.inTerminal("walk", keys: "\u{03}")
        #expect(screen.contains("rc=130"))
        #expect(screen.contains(" icanon") && screen.contains(" echo "), "the terminal is restored")
    }
}
