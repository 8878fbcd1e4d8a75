import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// What the lessons claim about a class: each lesson's time measured from the lines it projects,
/// lesson 9's reason for keeping softmax out of hidden layers, and lesson 12's plateau.
struct LessonPacingTests {
    /// The lines a lesson's console blocks print (the `$ nnexplain …` lines left out), each wrapped
    /// at 80 columns as a projected terminal shows it.
    static func projectedLines(_ text: String) -> Int {
        var lines = 0, inConsole = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```console" { inConsole = true; continue }
            if inConsole && line == "```" { inConsole = false; continue }
            guard inConsole, !line.hasPrefix("$ ") else { continue }
            lines += max(1, (line.unicodeScalars.count + 79) / 80)
        }
        return lines
    }

    /// Each lesson's first line states its projected lines, its screens of 24, and a time of 2
    /// minutes a screen plus 10, rounded up to five minutes (lessons/README.md's rule).
    @Test func timesFollowTheProjectedLines() throws {
        let files = TestPaths.lessonFiles
        #expect(files.count == 14)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let lines = Self.projectedLines(text), screens = (lines + 23) / 24
            let minutes = (10 + 2 * screens + 4) / 5 * 5
            let stated = "*About \(minutes) minutes: \(lines) lines of output on the projector at 80 columns, \(screens) screens of 24."
            #expect(text.contains(stated), "\(file.lastPathComponent): \(stated)")
        }
        // The rule counts what the commands print: lesson 13 projects more than lesson 2.
        let thirteen = try String(contentsOf: files[12], encoding: .utf8), two = try String(contentsOf: files[1], encoding: .utf8)
        #expect(Self.projectedLines(thirteen) > 2 * Self.projectedLines(two))
    }

    /// Lesson 9's first answer gives the reason the tool has: a hidden layer is explained node by
    /// node, and softmax's Jacobian is not diagonal; so does the error the answer points to.
    @Test func softmaxIsKeptOutOfHiddenLayersForTheRealReason() throws {
        let text = try String(contentsOf: TestPaths.lessons.appendingPathComponent("09-classification.md"), encoding: .utf8)
        let answers = try #require(text.range(of: "<summary>Answers</summary>")).upperBound
        let first = try #require(text[answers...].range(of: "\n1. ")).upperBound
        let end = try #require(text[first...].range(of: "\n2. ")).lowerBound
        let answer = text[first..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(answer.contains("explained one node at a time") && answer.contains("is not diagonal"), "\(answer)")
        #expect(!answer.contains("probability distribution, which is what the loss needs"))
        let error = runCLI(["gradients", "--random", "2,3,2", "--activation", "softmax"])
        #expect(error.status == 64)
        #expect(error.stderr.contains("every softmax output moves with every z"))
    }

    /// Lesson 12 shows the plateau: its `--every 50` run and its picture. The losses (from the JSON,
    /// full precision) stay within 0.25 ± 0.005 from epoch 10 to epoch 300, and fall below 0.05 by 500.
    @Test func lessonTwelveShowsThePlateau() throws {
        let text = try String(contentsOf: TestPaths.lessons.appendingPathComponent("12-a-network-that-learns.md"), encoding: .utf8)
        #expect(text.contains("$ nnexplain train --network examples/xor.json --epochs 600 --every 50\n"))
        #expect(text.contains("](pictures/xor-plateau.svg)"))
        let xor = TestPaths.package.appendingPathComponent("examples/xor.json").path
        let json = runCLI(["train", "--network", xor, "--epochs", "500", "--format", "json"]).stdout
        let list = try #require(json.firstMatch(of: /"losses": \[([^\]]*)\]/)).output.1
        let losses = list.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(losses.count == 501)
        #expect(losses[10...300].allSatisfy { abs($0 - 0.25) < 0.005 })
        #expect(losses[500] < 0.05)
    }
}
