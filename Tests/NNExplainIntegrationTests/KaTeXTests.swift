import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The Markdown's mathematics as KaTeX reads it: every `$…$` and `$$…$$` of the lessons and of the
/// Markdown the explaining commands write is parsed by KaTeX's own command-line build, so that what
/// GitHub and course sites typeset with KaTeX or MathJax holds no command they cannot read.
/// `.ci/run` puts KaTeX at `.build/tools/katex` (from the PyPI wheel of markdown-katex); the test
/// also takes `NNEXPLAIN_KATEX` or a `katex` on the PATH, and is reported as skipped, with the
/// reason, where there is none.
struct KaTeXTests {
    static let katex = Tools.katex

    /// The math of a Markdown text outside code: display `$$…$$` first, then inline `$…$` on one line.
    static func mathematics(of markdown: String) -> [String] {
        var text = markdown.replacing(/```.*?```/.dotMatchesNewlines(), with: "").replacing(/`[^`\n]*`/, with: "")
        var found = text.matches(of: /\$\$(.*?)\$\$/.dotMatchesNewlines()).map { String($0.output.1) }
        text = text.replacing(/\$\$(.*?)\$\$/.dotMatchesNewlines(), with: "")
        found += text.matches(of: /\$([^$\n]+)\$/).map { String($0.output.1) }
        return found
    }

    static let commands: [[String]] = [
        ["step", "--layer", "L", "--j", "1", "--k", "2"], ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"],
        ["step", "--network", "lessons/networks/classifier.json", "--layer", "L", "--j", "0", "--k", "1"],
        ["step", "--random", "2,3,2", "--samples", "6", "--batch", "0,3,5", "--layer", "L", "--j", "0", "--k", "1"],
        ["forward"], ["forward", "--network", "lessons/networks/mazur.json"], ["gradients"], ["update"],
        ["update", "--layer", "L", "--j", "0", "--k", "0"], ["check"], ["matrix"], ["matrix", "--average"],
        ["predict", "--network", "examples/iris.json"], ["exercise", "--key"],
    ]

    /// Whether KaTeX parses every one of `expressions`, each in braces, as the rows of one display
    /// (one run for all); when it does not, the halves are tried until the ones it refuses are found.
    static func refused(_ expressions: [String], katex: String) throws -> [String] {
        guard !expressions.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: katex)
        process.arguments = ["--display-mode"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        input.fileHandleForWriting.write(Data(("\\begin{gathered}" + expressions.map { "{" + $0 + "}" }.joined(separator: " \\\\ ") + "\\end{gathered}").utf8))
        try input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return [] }
        if expressions.count == 1 { return expressions }
        let half = expressions.count / 2
        return try refused(Array(expressions[..<half]), katex: katex) + refused(Array(expressions[half...]), katex: katex)
    }

    @Test(.enabled(if: katex != nil, Tools.missing("KaTeX", install: ".ci/run puts it at .build/tools/katex",
                                                   unchecked: "the Markdown's math was not parsed by KaTeX")))
    func katexReadsEveryFormulaOfTheLessonsAndTheMarkdown() throws {
        let katex = try #require(Self.katex)
        var expressions: [String] = []
        for file in TestPaths.lessonFiles { expressions += Self.mathematics(of: try String(contentsOf: file, encoding: .utf8)) }
        let lessonCount = expressions.count
        for arguments in Self.commands {
            let result = runCLI(arguments + ["--format", "markdown"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            expressions += Self.mathematics(of: result.stdout)
        }
        #expect(lessonCount > 300 && expressions.count > lessonCount + 300, "the lessons and the commands write math")
        var seen = Set<String>()
        let unique = expressions.filter { seen.insert($0).inserted }
        #expect(try Self.refused(unique, katex: katex) == [])
        // The check can fail: KaTeX refuses a command it does not know.
        #expect(try Self.refused(["a_1", #"\notacommand{x}"#], katex: katex) == [#"\notacommand{x}"#])
    }
}
