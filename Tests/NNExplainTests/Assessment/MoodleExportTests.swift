import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The Moodle XML file parsed back: a category first, then for every student and question a
/// numerical question with the student's network, the right answer first (the key as this test
/// computes it, ± half a unit of the third digit) and the slips this test computes at 0%.
struct MoodleExportTests {
    @Test(arguments: [1, 2, 3])
    func everyVariantCarriesTheKeyAndTheSlipsAsTheTestComputesThem(level: Int) throws {
        let roster = try QuizReference.roster(6), sheets = try QuizReference.sheets(roster, level: level)
        let quiz = Quiz(sheets: sheets, title: "Homework 3")
        let root = try #require(XMLNode.parse(quiz.moodleXML()))
        #expect(root.name == "quiz")
        let questions = root.all("question")
        #expect(questions.first?.attributes["type"] == "category")
        #expect(questions.first?.first("category")?.first("text")?.text == "$course$/top/Homework 3")
        let numerical = Array(questions.dropFirst())
        #expect(numerical.count == 6 * 9 && numerical.allSatisfy { $0.attributes["type"] == "numerical" })
        var checkedSlips = 0
        for (s, sheet) in sheets.enumerated() {
            let network = sheet.network, student = roster.students[s]
            for (n, question) in sheet.questions.enumerated() {
                let xml = numerical[s * 9 + n]
                let name = try #require(xml.first("name")?.first("text")?.text)
                #expect(name == "\(student.id) \(sheet.owner!.code) Q\(n + 1)")
                let text = try #require(xml.first("questiontext")?.first("text")?.text)
                #expect(xml.first("questiontext")?.attributes["format"] == "html")
                Self.expectNetwork(network, in: text)
                #expect(text.contains("<p>\(n + 1). "), "the question's words")
                let answers = xml.all("answer").map { answer in
                    (fraction: answer.attributes["fraction"] ?? "", value: Double(answer.first("text")?.text ?? "") ?? .nan,
                     tolerance: Double(answer.first("tolerance")?.text ?? "") ?? .nan, feedback: answer.first("feedback")?.first("text")?.text ?? "")
                }
                let key = QuizReference.value(question.quantity, in: network)
                let right = try #require(answers.first)
                #expect(right.fraction == "100" && isClose(right.value, key, relative: 1e-11), "\(name): \(right.value) vs \(key)")
                #expect(isClose(right.tolerance, QuizReference.tolerance(key), relative: 1e-12))
                #expect(right.feedback.contains("Right"))
                #expect(answers.dropFirst().allSatisfy { $0.fraction == "0" })
                // Moodle takes the first answer whose interval holds the response.
                func graded(_ response: Double) -> (fraction: String, value: Double, tolerance: Double, feedback: String)? {
                    answers.first { abs(response - $0.value) <= $0.tolerance * (1 + 1e-9) }
                }
                #expect(graded(QuizReference.rounded(key))?.fraction == "100", "\(name): the rounded key is right")
                for (value, phrase) in QuizReference.slips(question.quantity, in: network) {
                    let slip = try #require(answers.dropFirst().first { $0.feedback.contains(phrase) }, "\(name): \(phrase)")
                    #expect(abs(slip.value - value) <= slip.tolerance, "\(name): \(phrase) \(slip.value) vs \(value)")
                    if !slip.feedback.contains("</p>\n<p>") { #expect(isClose(slip.value, value, relative: 1e-11)) }
                    #expect(isClose(slip.tolerance, QuizReference.tolerance(slip.value), relative: 1e-12))
                    #expect(graded(QuizReference.rounded(value))?.feedback.contains(phrase) == true, "\(name): \(phrase) graded")
                    checkedSlips += 1
                }
            }
        }
        #expect(checkedSlips >= 6 * 9 + 6 * 3, "the sign slip of every question and the others")
    }

    /// Every weight, bias, input and target of `network` as a formula of its own, the activation,
    /// the loss and the learning rate.
    static func expectNetwork(_ network: Network, in text: String) {
        func g(_ x: Double) -> String { String(format: "%g", x) }
        for layer in network.layers {
            for row in layer.weights { for w in row { #expect(text.contains("<td>\\(\(g(w))\\)</td>"), "weight \(w)") } }
            for j in layer.weights.indices { #expect(text.contains("<td>\\(\(g(layer.bias(j)))\\)</td>"), "bias \(layer.bias(j))") }
        }
        for (k, x) in network.samples[0].x.enumerated() { #expect(text.contains("\\(x_{\(k)} = \(g(x))\\)")) }
        for (j, y) in network.samples[0].y.enumerated() { #expect(text.contains("\\(y_{\(j)} = \(g(y))\\)")) }
        #expect(text.contains("sigmoid") && text.contains("\\(\\eta = 0.5\\)"))
        #expect(text.contains("\\(C_{0} = \\sum_{j} {\\left(a_{j}^{\(network.layers.count)} - y_{j}\\right)}^{2}\\)"))
    }

    @Test func theSameRosterGivesTheSameBytesAndEveryNameIsEscaped() throws {
        let roster = try QuizReference.roster(3)
        let a = Quiz(sheets: try QuizReference.sheets(roster, level: 1), title: "HW"), b = Quiz(sheets: try QuizReference.sheets(roster, level: 1), title: "HW")
        #expect(a.moodleXML() == b.moodleXML() && a.gift() == b.gift() && a.qtiZip() == b.qtiZip())
        let text = try #require(XMLNode.parse(a.moodleXML())?.all("question")[1].first("questiontext")?.first("text")?.text)
        #expect(text.contains("Stu &lt;1&gt; &amp; {&quot;x&quot;}: #=~"), "the name as HTML text inside the XML")
    }

    @Test func aTitleWithASlashOrLineBreakStaysOneCategory() throws {
        let quiz = Quiz(sheets: try QuizReference.sheets(try QuizReference.roster(1), level: 1), title: "ML/2026\nweek 3")
        #expect(quiz.title == "ML 2026 week 3")
    }
}
