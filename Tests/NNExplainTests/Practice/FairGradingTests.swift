import Foundation
// @testable: builds Answers values by hand, whose initializer is internal.
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// Issue 19, items 5 to 8 and 10: only what is answered is graded and the key stays hidden,
/// follow-through earns its mark, one unit off is rounding, answers are read as students write
/// them, and no sheet has an answer not worth computing.
struct FairGradingTests {
    static func grade(_ exercise: Exercise, _ values: [(String, Double)], showKey: Bool = false) throws -> Grading {
        try Grading(exercise, answers: Answers(values: values.map { (id: $0.0, value: $0.1) }), showKey: showKey)
    }

    static func text(_ grading: Grading) -> String { TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(grading.document) }

    /// Item 5: one answer on sheet 4; the eight others are "not answered", not wrong, and neither
    /// the key's numbers nor the command that prints them appear unless the teacher asks.
    @Test func onlyWhatIsAnsweredIsGradedAndTheKeyStaysHidden() throws {
        let exercise = try Exercise(seed: 4)
        let grading = try Self.grade(exercise, [("9", 0.549)])
        #expect(grading.results.prefix(8).allSatisfy { $0.verdict == .notAnswered && $0.given == nil && $0.hint.isEmpty })
        #expect(grading.answered == 1 && grading.score == 0)
        let text = Self.text(grading)
        #expect(text.contains("1. z_0^1: not answered.") && text.contains("Score: 0 of 1 answered (8 of 9 not answered)."))
        #expect(!text.contains("the key has") && !text.contains("--key") && !text.contains("0.548"))
        let json = grading.json(naming: LayerNaming(depth: 2, relative: false))
        #expect(json["results"]?.arrayValue?.allSatisfy { $0["expected"] == nil } == true)
        let shown = Self.text(try Self.grade(exercise, [("9", 0.549)], showKey: true))
        #expect(shown.contains("9. new w_11^2: you wrote 0.549; the key has 0.548: wrong (rounding)."))
    }

    /// Item 6: sheet 3 has w_01^2 = 0.75 and η = 0.5. Question 7 answered +0.0495 (the sign slip)
    /// and question 9 from it, 0.75 − 0.5 · 0.0495 = 0.72525 → 0.725: question 9 earns its mark.
    /// Question 2 from a wrong question 1 of −0.3: σ(−0.3) = 1/(1 + e^0.3) = 1/2.3498588 = 0.425557 → 0.426.
    @Test func anAnswerWorkedOutFromTheStudentsOwnWrongAnswerEarnsItsMark() throws {
        let exercise = try Exercise(seed: 3), q = exercise.questions
        guard case .updatedWeight(let l, let j, let k) = q[8].quantity else { Issue.record("question 9 is the new weight"); return }
        #expect(exercise.network.layer(l).weights[j][k] == 0.75 && exercise.network.learningRate == 0.5)
        let grading = try Self.grade(exercise, [("1", -0.3), ("2", 0.426), ("7", 0.0495), ("9", 0.725)])
        #expect(grading.results[6].verdict == .wrong(.sign))
        #expect(grading.results[8].verdict == .followThrough(from: ["7"]) && grading.results[8].correct)
        #expect(grading.results[8].hint.contains("your answer to question 7 (0.0495) is wrong") && grading.results[8].hint.hasSuffix("0.75 − 0.5 · 0.0495 = 0.725"))
        #expect(grading.results[1].verdict == .followThrough(from: ["1"]))
        #expect(grading.score == 2 && Self.text(grading).contains("9. new w_01^2: you wrote 0.725: right (follow-through)."))
        // Without the wrong answer it follows from, 0.725 is simply wrong.
        #expect(try Self.grade(exercise, [("9", 0.725)]).results[8].correct == false)
    }

    /// Item 6: the library reads each question's dependencies off the sheet's structure.
    @Test func eachQuestionKnowsTheEarlierAnswersItIsComputedFrom() throws {
        for seed in UInt64(0)..<20 {
            let exercise = try Exercise(seed: seed), q = exercise.questions
            #expect(exercise.dependencies(of: q[0]).isEmpty)
            #expect(exercise.dependencies(of: q[1]).map(\.id) == ["1"])
            #expect(exercise.dependencies(of: q[6]).map(\.id) == ["4", "5", "6"])
            #expect(exercise.dependencies(of: q[8]).map(\.id) == ["7"])
            #expect(Set(exercise.dependencies(of: q[7]).map(\.id)).isSuperset(of: ["4", "5"]))
        }
    }

    /// Item 7: 0.549 for sheet 4's 0.548 was "factor-of-two"; one unit off the key's last digit is
    /// rounding, on every question of 200 sheets, either side.
    @Test func oneUnitOffIsRoundingBeforeAnySlip() throws {
        #expect(try Self.grade(Exercise(seed: 4), [("9", 0.549)]).results[8].slip == .rounding)
        for seed in UInt64(0)..<200 {
            let exercise = try Exercise(seed: seed)
            for (n, (question, key)) in zip(exercise.questions, exercise.answers).enumerated() {
                let r = question.rounding, unit = try #require(r.unit(of: key))
                // At an exact tie (−0.2625) both neighbours are right by the agreement rule.
                if abs(abs(key - r.rounded(key)) - unit / 2) < 1e-6 * unit { continue }
                for given in [r.rounded(key) + unit, r.rounded(key) - unit] {
                    let verdict = try Self.grade(exercise, [(question.id, given)]).results[n].verdict
                    #expect(verdict == .wrong(.rounding), "seed \(seed), question \(question.id): \(given) for \(key)")
                }
            }
        }
    }

    /// Item 8: decimal commas, `2)`, `Q3:`, scientific notation, a Unicode minus and blank lines are
    /// read; a line that cannot be read is named by its number and the others are kept.
    @Test func answersAreReadAsStudentsWriteThem() throws {
        let file = "1: -0,262\n\n2) 0.435\nQ3: 1.2e-3\nq 4 = 2,5E-2\nQuestion 5. 0.226\n6 −0.5\n7: 1.5 × 10^-2\n8: 3·10⁻³\nName: Ann\n9: 0.4.2\n"
        let answers = try Answers.parse(Array(file.utf8))
        #expect(answers.values.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(answers.values.map(\.value) == [-0.262, 0.435, 0.0012, 0.025, 0.226, -0.5, 0.015, 0.003])
        #expect(answers.unread == [.unreadable(line: 10, text: "Name: Ann"), .lineNotANumber(line: 11, text: "0.4.2", id: "9")])
        #expect(Answers.split("1.5") == nil && Answers.number("4 5") == nil && Answers.number("1e999") == nil)
    }

    /// Item 10: `--activation relu` gave an answer of exactly 0 on 99 of 120 seeds. On 200 seeds of
    /// every activation a sheet can have, no answer is 0 or rounds to 0, the step moves the
    /// weight, and on ReLU sheets every weighted sum is positive.
    @Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu, .identity])
    func everyAnswerIsWorthComputing(_ activation: Activation) throws {
        for (sizes, seeds) in [([2, 2, 2], 200), ([2, 3, 2, 1], 40), ([1, 1, 1], 40)] {
            for seed in UInt64(0)..<UInt64(seeds) {
                let exercise = try Exercise(seed: seed, settings: .init(sizes: sizes, activation: activation))
                let answers = exercise.answers
                for (question, answer) in zip(exercise.questions, answers) {
                    #expect(answer != 0 && question.rounding.rounded(answer) != 0, "\(activation) \(sizes) seed \(seed), question \(question.id)")
                }
                if case .updatedWeight(let l, let j, let k) = exercise.questions[8].quantity {
                    #expect(Rounding.standard.rounded(answers[8]) != exercise.network.layer(l).weights[j][k])
                }
                if activation == .relu {
                    #expect(exercise.network.uncheckedTrace(sample: 0).layers.allSatisfy { $0.z.allSatisfy { $0 > 0 } })
                }
            }
        }
        let sheet = TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(try Exercise(seed: 1, settings: .init(activation: activation)).document(key: false))
        #expect(sheet.contains("The numbers are drawn so that every answer is worth computing"))
        #expect(sheet.contains("every weighted sum is positive") == (activation == .relu))
    }
}
