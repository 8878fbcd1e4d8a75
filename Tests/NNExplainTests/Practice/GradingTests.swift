import Foundation
// @testable: builds Answers and Grading.Mismatch values by hand, whose initializers are internal.
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// Grading: every correctly rounded answer is right, and every slip, made by hand from the trace,
/// is recognised as itself.
struct GradingTests {
    /// `x` as a student writes it with `digits` significant digits (C's rounding of the decimal).
    static func written(_ x: Double, digits: Int) -> Double { Double(String(format: "%.\(digits - 1)e", x))! }

    static func grade(_ exercise: Exercise, _ values: [(String, Double)]) throws -> Grading {
        try Grading(exercise, answers: Answers(values: values.map { (id: $0.0, value: $0.1) }))
    }

    @Test func correctlyRoundedAnswersAreAlwaysRight() throws {
        for seed in UInt64(0)..<300 {
            let exercise = try Exercise(seed: seed, settings: ExerciseTests.settings[Int(seed) % ExerciseTests.settings.count])
            for digits in [3, 4, 6, 17] {
                let grading = try Self.grade(exercise, zip(exercise.questions, exercise.answers).map { ($0.id, Self.written($1, digits: digits)) })
                #expect(grading.score == exercise.questions.count, "seed \(seed), \(digits) digits")
            }
        }
    }

    @Test func theAgreementRuleAtItsEdges() {
        let r = Rounding.standard
        #expect(r.agrees(0.1, with: 0.09996) && r.agrees(0.123, with: 0.1235) && r.agrees(0.124, with: 0.1235))
        #expect(!r.agrees(0.124, with: 0.12349) && !r.agrees(-0.123, with: 0.123) && r.agrees(0.12251, with: 0.12349))
        #expect(r.agrees(1e3, with: 999.7) && r.rounded(999.7) == 1000 && abs(r.rounded(-0.0012345) + 0.00123) < 1e-18)
    }

    /// A sheet with a hidden sum of two terms, so every slip can be made on it.
    static let exercise = try! Exercise(seed: 7)  // the default settings make a sheet

    @Test func everySlipKindIsMadeByHandAndRecognised() throws {
        let e = Self.exercise, network = e.network, t = try network.trace(sample: 0)
        let q = e.questions, key = e.answers
        guard case .weightGradient(let l, let j, let k) = q[6].quantity, case .weightGradient(let hl, let hj, let hk) = q[7].quantity else {
            Issue.record("questions 7 and 8 are gradients"); return
        }
        let dCda = t.layer(l).dCda[j], slope = t.layer(l).gPrime[j]
        let otherK = 1 - k
        let hiddenSlope = t.layer(hl).gPrime[hj], hiddenInput = t.activations(ofLayer: hl - 1)[hk]
        // Node 1's term alone: node 0's is within one unit of the whole sum (0.0178 for 0.0177), which is rounding first.
        let oneSummand = t.layer(hl + 1).dCda[1] * t.layer(hl + 1).gPrime[1] * network.layer(hl + 1).weights[1][hj] * hiddenSlope * hiddenInput
        // The old deltas of the layer above, sent back through its weights after their step.
        let throughNew = (0..<network.size(ofLayer: hl + 1)).map { i in
            let δ = t.delta(layer: hl + 1, j: i)
            return δ * (network.layer(hl + 1).weights[i][hj] - 0.5 * δ * t.activations(ofLayer: hl)[hj])
        }.reduce(0, +) * hiddenSlope * hiddenInput
        let two = Rounding(digits: 2).rounded
        let slips: [(String, Double, Slip)] = [
            ("1", -key[0], .sign),
            ("4", t.layer(l).a[j] - t.target[j], .factorOfTwo),
            ("7", dCda * slope * t.activations(ofLayer: l - 1)[otherK], .wrongIndex),
            ("8", oneSummand, .partialSum),
            ("7", dCda * t.activations(ofLayer: l - 1)[k], .missingTerm),
            ("8", throughNew, .newWeights),
            ("7", two(dCda) * two(slope) * two(t.activations(ofLayer: l - 1)[k]), .rounding),
        ]
        for (id, value, slip) in slips {
            let result = try Self.grade(e, [(id, Self.written(value, digits: 3))]).results[Int(id)! - 1]
            #expect(!result.correct && result.slip == slip, "question \(id): \(slip.rawValue), got \(result.slip?.rawValue ?? "none") for \(value)")
            #expect(!result.hint.isEmpty)
        }
        #expect(Set(slips.map(\.2)) == Set(Slip.allCases))
    }

    /// A byte order mark, as Notepad writes at the start of a UTF-8 file, is skipped in both forms.
    @Test func anAnswersFileWithAByteOrderMarkIsRead() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let lines = try Answers.parse(bom + Array("1: 0.5\n2: -0.25\n".utf8))
        #expect(lines.values.map(\.id) == ["1", "2"] && lines.values.map(\.value) == [0.5, -0.25])
        let json = try Answers.parse(bom + Array("{\"1\": 0.5}".utf8))
        #expect(json.values.map(\.id) == ["1"] && json.values.map(\.value) == [0.5])
    }

    @Test func answersFilesInBothFormsAndTheirErrors() throws {
        let lines = try Answers.parse(Array("# mine\n1: 0.5\n\n 2 :-1e-3\r\n".utf8))
        let json = try Answers.parse(Array(#"{"1": 0.5, "2": -0.001}"#.utf8))
        #expect(lines == json && lines.values.map(\.id) == ["1", "2"])
        #expect(try Answers.parse(Array("1: 2\n3 4 5\nhello\n".utf8)).unread
                == [.lineNotANumber(line: 2, text: "4 5", id: "3"), .unreadable(line: 3, text: "hello")])
        #expect(Answers.FormatError.unreadable(line: 3, text: "hello").message
            == "line 3, 'hello', is not an answer; write the question's number, a colon and the number, e.g. '1: 0.42'")
        #expect(throws: Answers.FormatError.answeredTwice("1")) { try Answers.parse(Array("1: 2\n1: 3".utf8)) }
        #expect(Grading.Mismatch.noSuchQuestion("12", first: "1", last: "9").message
            == "there is no question '12' on this sheet; its questions are 1 to 9")
        #expect(throws: Grading.Mismatch.noSuchQuestion("12", first: "1", last: "9")) {
            try Self.grade(Self.exercise, [("12", 1)])
        }
    }

    /// A typo in a question's number among other answers is named by its line and the rest graded
    /// (issue 19 item 8); only a file with no answer to any of the sheet's questions is refused.
    @Test func anAnswerToAQuestionTheSheetLacksIsNamedAndTheRestGraded() throws {
        let e = Self.exercise, key = e.answers
        // Question 1's key, written to its digits, is right; "10" and "Q12" are not on a sheet of 9.
        let one = e.questions[0].rounding.rounded(key[0])
        let answers = try Answers.parse(Array("1: \(one)\nhello\n10: 4\nQ12: 1\n".utf8))
        let grading = try Grading(e, answers: answers)
        #expect(grading.results[0].verdict == .right)
        #expect(grading.answered == 1)
        #expect(grading.unread == [
            .unreadable(line: 2, text: "hello"),
            .notOnSheet(line: 3, id: "10", first: "1", last: "9"),
            .notOnSheet(line: 4, id: "12", first: "1", last: "9"),
        ])
        #expect(Answers.FormatError.notOnSheet(line: 3, id: "10", first: "1", last: "9").message
            == "line 3 answers question '10', which this sheet does not have; its questions are 1 to 9")
        // In JSON there is no line to name.
        let json = try Grading(e, answers: try Answers.parse(Array("{\"1\": \(one), \"10\": 4}".utf8)))
        #expect(json.unread == [.notOnSheet(line: nil, id: "10", first: "1", last: "9")])
        #expect(Answers.FormatError.notOnSheet(line: nil, id: "10", first: "1", last: "9").message
            == "question '10' is answered, but this sheet does not have it; its questions are 1 to 9")
    }
}
