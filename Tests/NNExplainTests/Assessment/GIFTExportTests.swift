import Foundation
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// The GIFT file read back by a parser of the test's own that unescapes as Moodle's GIFT import
/// does (`\\` stays two backslashes, `\n` is a line break, `\:` `\#` `\=` `\{` `\}` `\~` are the
/// characters): the same questions, answers and feedback as the Moodle XML file.
struct GIFTExportTests {
    /// One character of GIFT text and whether a backslash escaped it.
    typealias Unit = (character: Character, escaped: Bool)

    static func units(_ text: String) -> [Unit] {
        var out: [Unit] = [], characters = Array(text), n = 0
        while n < characters.count {
            if characters[n] == "\\", n + 1 < characters.count, "~=#{}:".contains(characters[n + 1]) {
                out.append((characters[n + 1], true)); n += 2
            } else {
                #expect(characters[n] != "\\" || n + 1 >= characters.count || (characters[n + 1] != "n" && characters[n + 1] != "\\"),
                        "a backslash that GIFT would read as a line break or keep doubled")
                out.append((characters[n], false)); n += 1
            }
        }
        return out
    }

    static func text(_ units: some Collection<Unit>) -> String { String(units.map { $0.character }).replacingOccurrences(of: "&#92;", with: "\\") }

    /// Splits at each unescaped `separator`.
    static func split(_ units: [Unit], at separator: Character) -> [[Unit]] {
        var parts: [[Unit]] = [[]]
        for unit in units { if unit.character == separator && !unit.escaped { parts.append([]) } else { parts[parts.count - 1].append(unit) } }
        return parts
    }

    struct Question { var name: String, text: String, answers: [(percent: Int, value: Double, tolerance: Double, feedback: String)] }

    /// The category and the numerical questions of a GIFT file.
    static func parse(_ gift: String) throws -> (category: String, questions: [Question]) {
        var category = "", questions: [Question] = []
        for block in gift.components(separatedBy: "\n\n") where !block.isEmpty {
            let lines = block.split(separator: "\n").filter { !$0.hasPrefix("//") }
            if let line = lines.first, line.hasPrefix("$CATEGORY: ") { category = String(line.dropFirst(11)); continue }
            #expect(lines.count == 1, "one question a line")
            let units = Self.units(String(lines[0]))
            let parts = split(units, at: ":")  // "", "", name, "", rest…: the name is between the first two "::"
            #expect(parts[0].isEmpty && parts[1].isEmpty && parts[3].isEmpty)
            let rest = Array(parts[4...].joined(separator: [Unit(character: ":", escaped: false)]))
            let open = try #require(rest.firstIndex { $0.character == "{" && !$0.escaped })
            #expect(rest.last?.character == "}" && rest.last?.escaped == false)
            var body = Array(rest[(open + 1)..<(rest.count - 1)])
            #expect(body.first?.character == "#"); body.removeFirst()
            var answers: [(Int, Double, Double, String)] = []
            for piece in split(body, at: "=").dropFirst() {
                var piece = piece[...]
                while piece.last?.character == " " { piece.removeLast() }
                var percent = 100
                if piece.first?.character == "%" {
                    let end = try #require(piece.dropFirst().firstIndex { $0.character == "%" })
                    percent = Int(text(piece[piece.index(after: piece.startIndex)..<end]))!
                    piece = piece[(end + 1)...]
                }
                let hash = try #require(piece.firstIndex { $0.character == "#" && !$0.escaped })
                let number = split(Array(piece[..<hash]), at: ":").map { text($0) }
                answers.append((percent, Double(number[0])!, Double(number[1])!, text(piece[(hash + 1)...])))
            }
            var question = text(rest[..<open])
            #expect(question.hasPrefix("[html]")); question.removeFirst(6)
            questions.append(Question(name: text(parts[2]), text: question, answers: answers))
        }
        return (category, questions)
    }

    @Test func theGIFTFileSaysWhatTheMoodleFileSays() throws {
        let quiz = Quiz(sheets: try QuizReference.sheets(try QuizReference.roster(5), level: 2), title: "HW: {3} #x =y ~z")
        let gift = try Self.parse(quiz.gift())
        #expect(gift.category == "$course$/top/HW: {3} #x =y ~z")
        let moodle = try #require(XMLNode.parse(quiz.moodleXML())).all("question").dropFirst()
        #expect(gift.questions.count == 45 && moodle.count == 45)
        for (g, m) in zip(gift.questions, moodle) {
            #expect(g.name == m.first("name")?.first("text")?.text)
            #expect(g.text == m.first("questiontext")?.first("text")?.text.replacingOccurrences(of: "\n", with: " "))
            let answers = m.all("answer")
            #expect(g.answers.count == answers.count)
            for (a, x) in zip(g.answers, answers) {
                #expect("\(a.percent)" == x.attributes["fraction"])
                #expect(a.value == Double(x.first("text")?.text ?? ""))
                #expect(a.tolerance == Double(x.first("tolerance")?.text ?? ""))
                #expect(a.feedback == x.first("feedback")?.first("text")?.text.replacingOccurrences(of: "\n", with: " "))
            }
        }
    }

    @Test func everySpecialCharacterAndEveryBackslashThatGIFTReadsIsEscaped() throws {
        let text = "a:b=c#d{e}f~g \\neq \\{x\\} \\\\ end\\"
        let escaped = Quiz.giftEscaped(text)
        #expect(escaped == "a\\:b\\=c\\#d\\{e\\}f\\~g &\\#92;neq &\\#92;\\{x&\\#92;\\} &\\#92;\\ end&\\#92;")
        #expect(Self.text(Self.units(escaped)) == text)
    }
}
