import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// The lessons cannot go stale: every ```console block in lessons/*.md starts with
/// `$ nnexplain ARGUMENTS` and holds that command's exact output, which this test checks by running
/// the command. `NNEXPLAIN_RECORD=1 swift test --filter LessonTests` rewrites the outputs; read the
/// diff, then run the tests again without the variable. The lesson texts are compiled into the tool
/// at build time (LessonsPlugin), so they cannot go stale; ``theToolCarriesTheLessonsAsWritten()``
/// checks that through the command line.
struct LessonTests {
    static let root = TestPaths.package
    static let folder = TestPaths.lessons

    /// The numbered lesson files, `01-….md`, in order.
    static var files: [URL] { TestPaths.lessonFiles }

    @Test func thereAreAtLeastSixLessons() {
        #expect(Self.files.count >= 6)
    }

    @Test func everyEmbeddedCommandPrintsWhatTheLessonShows() throws {
        var commands = 0
        for file in Self.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let (updated, count) = Self.refreshed(text, file: file.lastPathComponent)
            commands += count
            if Golden.recording {
                if updated != text {
                    try updated.write(to: file, atomically: true, encoding: .utf8)
                    Issue.record("Recorded the command outputs of \(file.lastPathComponent); read the diff, then run without NNEXPLAIN_RECORD.")
                }
            } else if updated != text {
                Issue.record("A command's output in \(file.lastPathComponent) is stale:\n\(Golden.diff(expected: text, actual: updated))")
            }
        }
        #expect(commands >= 6 * 2, "each lesson embeds real commands")
    }

    /// Every lesson file, and no other, is listed under its number and title and printed by
    /// `--markdown` byte for byte; its number is the one its first line gives ("# Lesson 17: …"),
    /// which its file name starts with too.
    @Test func theToolCarriesTheLessonsAsWritten() throws {
        let lessons = try Self.files.map { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            // "# Lesson 3: An output-layer weight" is lesson 3, listed as "An output-layer weight".
            let heading = try #require(text.split(separator: "\n").first?.wholeMatch(of: /# Lesson (\d+): (.+)/))
            let number = try #require(Int(heading.output.1))
            #expect(file.lastPathComponent.hasPrefix(String(format: "%02d-", number)), "\(file.lastPathComponent) is lesson \(number)")
            return (number: number, title: String(heading.output.2), text: text)
        }
        let list = runCLI(["lesson"])
        #expect(list.status == 0)
        let listed = list.stdout.split(separator: "\n").dropFirst()
        #expect(listed.map { String($0) } == lessons.map { "  \($0.number). \($0.title)" })
        for lesson in lessons {
            #expect(runCLI(["lesson", String(lesson.number), "--markdown"]).stdout == lesson.text, "lesson \(lesson.number)")
        }
        let missing = try #require((1...).first { n in !lessons.contains { $0.number == n } })
        #expect(runCLI(["lesson", String(missing)]).status == 64)
    }

    /// A lesson's picture, `![…](pictures/NAME.svg)`, follows the command that draws it, written as a
    /// code span `` `nnexplain … --output FILE` `` (or `train`'s `--plot FILE`); the file in
    /// `lessons/pictures/` must be exactly what that command writes today (recorded with
    /// `NNEXPLAIN_RECORD=1`, like the outputs).
    @Test func picturesAreWhatTheirCommandsDraw() throws {
        var pictures = 0, plots = 0
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-plots-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in Self.files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /`nnexplain ([^`]+?) --(output|plot) [^`]+`[^!`]*!\[[^\]]*\]\(pictures\/([^)]+)\)/) {
                pictures += 1
                let arguments = match.output.1.split(separator: " ").map(String.init)
                let plot = folder.appendingPathComponent("\(pictures).svg")
                let result = runCLI(arguments + (match.output.2 == "plot" ? ["--plot", plot.path] : []))
                #expect(result.status == 0, "\(file.lastPathComponent): nnexplain \(match.output.1)")
                var drawn = result.stdout
                if match.output.2 == "plot" {
                    plots += 1
                    drawn = try String(contentsOf: plot, encoding: .utf8)
                }
                let url = Self.folder.appendingPathComponent("pictures/\(match.output.3)")
                if Golden.recording {
                    if (try? String(contentsOf: url, encoding: .utf8)) != drawn {
                        try drawn.write(to: url, atomically: true, encoding: .utf8)
                        Issue.record("Recorded \(url.lastPathComponent); look at it, then run without NNEXPLAIN_RECORD.")
                    }
                } else {
                    #expect(try String(contentsOf: url, encoding: .utf8) == drawn, "\(url.lastPathComponent) is stale: record it again")
                }
            }
        }
        #expect(pictures >= 3, "lesson 12 shows two decision boundaries, lesson 13 a loss plot")
        #expect(plots >= 1, "lesson 13 shows its overfitting in a loss plot")
    }

    /// The lessons' math is written so that GitHub (MathJax after its Markdown pass), KaTeX and
    /// pandoc's `tex_math_dollars` all read it as math: inline `$…$` opens and closes on one line, hugs
    /// its content, and is not glued to a word or followed by a digit; it holds no `*` (emphasis), `|`
    /// (a table cell), `\\` or a backslash before punctuation (Markdown escapes eat those); and `$$`
    /// stands alone on its line with blank lines around the display.
    @Test func theMathSurvivesMarkdown() throws {
        for file in Self.files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var fenced = false, display = false
            for (n, line) in lines.enumerated() {
                let place = "\(file.lastPathComponent):\(n + 1): \(line)"
                if line.hasPrefix("```") { fenced.toggle(); continue }
                if fenced { continue }
                if line == "$$" {
                    let neighbour = display ? lines[safe: n + 1] : lines[safe: n - 1]
                    #expect(neighbour?.isEmpty == true, "a display needs a blank line around it: \(place)")
                    display.toggle()
                    continue
                }
                let prose = line.replacing(/(`+).+?\1/, with: "")
                if display {
                    #expect(prose.firstRange(of: /[*|]|\\[\\{}.,;:!_#&%$ ]/) == nil, "Markdown would eat part of the display: \(place)")
                    continue
                }
                let spans = prose.matches(of: /\$([^$]*)\$/)
                #expect(!prose.replacing(/\$[^$]*\$/, with: "").contains("$"), "an unpaired $: \(place)")
                for span in spans {
                    let body = span.1, before = prose[..<span.range.lowerBound].last, after = prose[span.range.upperBound...].first
                    #expect(!body.isEmpty && body.first != " " && body.last != " ", "math must hug its $: \(place)")
                    #expect(body.firstRange(of: /[*|]|\\[\\{}.,;:!_#&%$ ]/) == nil, "Markdown would eat part of $\(body)$: \(place)")
                    #expect(before.map { $0.isLetter || $0.isNumber } != true && after.map { $0.isLetter || $0.isNumber } != true,
                            "$\(body)$ glued to a word or a digit: \(place)")
                }
            }
            #expect(!display && !fenced, "\(file.lastPathComponent) ends inside a block")
        }
    }

    /// The lesson with every console block's output replaced by what the command prints now.
    /// A command line's words as a shell splits them: at spaces, except inside double quotes, which
    /// are removed (`expr "tanh(w*x + b)" --at w=1` is three words).
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for c in line {
            if c == "\"" { quoted.toggle(); started = true; continue }
            if c == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
                continue
            }
            word.append(c)
            started = true
        }
        if started { words.append(word) }
        return words
    }

    static func refreshed(_ text: String, file: String) -> (String, Int) {
        var out: [String] = []
        var lines = text.components(separatedBy: "\n")[...]
        var count = 0
        while let line = lines.popFirst() {
            out.append(line)
            guard line == "```console", let command = lines.first, command.hasPrefix("$ nnexplain") else { continue }
            out.append(command)
            lines = lines.dropFirst()
            while let next = lines.first, next != "```" { lines = lines.dropFirst() }
            let arguments = Self.words(String(command.dropFirst("$ nnexplain".count))).map { argument in
                argument.hasSuffix(".json") && !argument.hasPrefix("/") ? root.appendingPathComponent(argument).path : argument
            }
            let result = runCLI(arguments)
            var shown = result.stdout
            if shown.hasSuffix("\n") { shown.removeLast() }
            out.append(shown)
            if result.status != 0 { Issue.record("\(file): '\(command)' failed: \(result.stderr)") }
            count += 1
        }
        return (out.joined(separator: "\n"), count)
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
