import Foundation
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// A synthetic class of 120 graded in one call: the answers come from the test's own forward and
/// backward pass of each student's sheet, with slips injected at known rates, and every gradebook
/// cell and every count of the report is checked against what was injected.
struct SyntheticClassTests {
    /// What the test did to one student's answers.
    enum Injection: Equatable {
        case none, signOfQ7, signOfQ7ThenQ9FromIt, blankQ8, roundingOfQ3, halfOfQ4, nonsenseQ5, decimalCommas, blankQ1AndQ2
    }

    /// The class: 120 students with answers (the injections in blocks), 2 on the roster without a
    /// row, 1 whose row cannot be read; rows for 2 ids not on the roster.
    static let injections: [Injection] = Array(repeating: .signOfQ7, count: 9) + Array(repeating: .signOfQ7ThenQ9FromIt, count: 8)
        + Array(repeating: .blankQ8, count: 12) + Array(repeating: .roundingOfQ3, count: 6) + Array(repeating: .halfOfQ4, count: 7)
        + Array(repeating: .nonsenseQ5, count: 5) + Array(repeating: .decimalCommas, count: 4) + Array(repeating: .blankQ1AndQ2, count: 3)
        + Array(repeating: .none, count: 66)
    static let graded = 120, withoutRow = 2, unreadableRow = 1

    static func id(_ n: Int) -> String { String(format: "s%03d", n + 1) }
    static func name(_ n: Int) -> String {
        switch n % 3 {
        case 0: return "Lovelace, Ada \(n)"
        case 1: return "Tom \"TJ\" Jones \(n)"
        default: return "Émilie du Châtelet \(n)"
        }
    }

    static let roster: Roster = {
        let lines = ["id,name,email"] + (0..<(graded + withoutRow + unreadableRow)).map { n in
            "\(id(n)),\"\(name(n).replacingOccurrences(of: "\"", with: "\"\""))\",\(id(n))@uni.example"
        }
        return try! Roster.parse(Array(lines.joined(separator: "\n").utf8))
    }()
    static let courseKey = try! CourseKey("synthetic class key 2026")

    /// The nine answers of a level-1 sheet (2-2-2, sigmoid, squared loss), by the test's own pass.
    static func reference(_ sheet: Exercise) -> [Double] {
        let net = sheet.network, plain = ExerciseTests.forward(net), L = net.depth, y = net.samples[0].y
        func dCda(_ j: Int) -> Double { 2 * (plain.a[L][j] - y[j]) }
        func slope(_ l: Int, _ j: Int) -> Double { plain.a[l][j] * (1 - plain.a[l][j]) }
        func gradient(_ l: Int, _ j: Int, _ k: Int) -> Double {
            if l == L { return dCda(j) * slope(L, j) * plain.a[L - 1][k] }
            let upstream = (0..<net.size(ofLayer: L)).map { i in dCda(i) * slope(L, i) * net.layer(L).weights[i][j] }.reduce(0, +)
            return upstream * slope(l, j) * plain.a[l - 1][k]
        }
        return sheet.questions.map { question in
            switch question.quantity {
            case .z(let l, let j): return plain.z[l - 1][j]
            case .a(let l, let j): return plain.a[l][j]
            case .loss: return plain.loss
            case .dCda(_, let j): return dCda(j)
            case .gPrime(let l, let j): return slope(l, j)
            case .weightGradient(let l, let j, let k): return gradient(l, j, k)
            case .updatedWeight(let l, let j, let k): return net.layer(l).weights[j][k] - 0.5 * gradient(l, j, k)
            }
        }
    }

    /// `x` to four significant digits, as a student who keeps a digit more writes it.
    static func written(_ x: Double) -> String { String(format: "%.4g", x) }

    /// `x` to three significant digits, one unit of the last digit off.
    static func oneUnitOff(_ x: Double) -> String {
        let e = Int(floor(log10(abs(x)))), u = pow(10, Double(e - 2)), r = (x / u).rounded() * u
        return String(format: "%.3g", r + (abs(r / u) >= 999 ? -u : u))
    }

    /// The student's row's cells q1…q9 after the injection, and the expected gradebook cells with
    /// follow-through on and off.
    static func row(_ sheet: Exercise, _ injection: Injection) throws -> (cells: [String], on: [String], off: [String]) {
        let key = reference(sheet)
        var cells = key.map(written), on = [String](repeating: "1", count: 9), off = on
        func mark(_ q: Int, _ cell: String, _ mark: String, _ offMark: String? = nil) { cells[q - 1] = cell; on[q - 1] = mark; off[q - 1] = offMark ?? mark }
        switch injection {
        case .none: break
        case .signOfQ7: mark(7, written(-key[6]), "0")
        case .signOfQ7ThenQ9FromIt:
            let slipped = Double(written(-key[6]))!, w = key[8] + 0.5 * key[6]
            // The follow-through answer must not agree with the key by chance: it is |∂C/∂w| away.
            try #require(abs(key[6]) > 0.01 * abs(key[8]), "student's gradient too small to tell follow-through from right")
            mark(7, written(slipped), "0")
            mark(9, written(w - 0.5 * slipped), "1", "0")
        case .blankQ8: mark(8, "", "")
        case .roundingOfQ3: mark(3, oneUnitOff(key[2]), "0")
        case .halfOfQ4: mark(4, written(key[3] / 2), "0")
        case .nonsenseQ5: mark(5, "123", "0")
        case .decimalCommas: cells = cells.map { "\"" + $0.replacingOccurrences(of: ".", with: ",") + "\"" }
        case .blankQ1AndQ2: mark(1, "", ""); mark(2, "", "")
        }
        return (cells, on, off)
    }

    /// The answers file: a row per graded student, one unreadable row, two unknown ids; the
    /// expected gradebook (on, off) beside it.
    static func classFile() throws -> (file: String, on: String, off: String, sheets: [Exercise]) {
        let sheets = try Exercise.sheets(for: roster, courseKey: courseKey, settings: Exercise.Settings(level: 1)!)
        var lines = ["id,name,q1,q2,q3,q4,q5,q6,q7,q8,q9"], on = ["id,name,q1,q2,q3,q4,q5,q6,q7,q8,q9,total"], off = on
        func quoted(_ text: String) -> String {
            text.contains(where: { ",\"".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        for (n, sheet) in sheets.enumerated() {
            let head = [id(n), quoted(name(n))]
            if n < graded {
                let (cells, cellsOn, cellsOff) = try row(sheet, injections[n])
                lines.append((head + cells).joined(separator: ","))
                on.append((head + cellsOn + [String(cellsOn.filter { $0 == "1" }.count)]).joined(separator: ","))
                off.append((head + cellsOff + [String(cellsOff.filter { $0 == "1" }.count)]).joined(separator: ","))
            } else if n < graded + withoutRow {
                let blank = head + Array(repeating: "", count: 10)
                on.append(blank.joined(separator: ",")); off.append(blank.joined(separator: ","))
            } else {
                lines.append((head + ["0.1", "0.2", "abc"] + Array(repeating: "", count: 6)).joined(separator: ","))
                let blank = head + Array(repeating: "", count: 10)
                on.append(blank.joined(separator: ",")); off.append(blank.joined(separator: ","))
            }
        }
        let stranger = try Exercise(seed: 1, settings: Exercise.Settings(level: 1)!)
        for unknown in ["x900", "x901"] { lines.append(([unknown, "Stranger"] + reference(stranger).map(written)).joined(separator: ",")) }
        return (lines.joined(separator: "\n") + "\n", on.joined(separator: "\r\n") + "\r\n", off.joined(separator: "\r\n") + "\r\n", sheets)
    }

    @Test func everyGradebookCellAndEveryReportCountIsWhatWasInjected() throws {
        let (file, expectedOn, expectedOff, sheets) = try Self.classFile()
        let answers = try ClassAnswers.parse(Array(file.utf8), questions: sheets[0].questions.map(\.id))
        let grading = ClassGrading(sheets: sheets, answers: answers)

        let gotLines = grading.gradebook.components(separatedBy: "\r\n"), expectedLines = expectedOn.components(separatedBy: "\r\n")
        #expect(gotLines.count == expectedLines.count)
        for (got, expected) in zip(gotLines, expectedLines) { #expect(got == expected) }

        // The report's counts, question by question: (right, follow-through, wrong, not answered) and the slips.
        let tallies = grading.tallies
        let expected: [(Int, Int, Int, Int, [Slip?: Int])] = [
            (117, 0, 0, 3, [:]), (117, 0, 0, 3, [:]), (114, 0, 6, 0, [.rounding: 6]), (113, 0, 7, 0, [.factorOfTwo: 7]),
            (115, 0, 5, 0, [nil: 5]), (120, 0, 0, 0, [:]), (103, 0, 17, 0, [.sign: 17]), (108, 0, 0, 12, [:]), (112, 8, 0, 0, [:]),
        ]
        #expect(tallies.count == 9)
        for (n, (tally, want)) in zip(tallies, expected).enumerated() {
            #expect(tally.right == want.0 && tally.followThrough == want.1 && tally.wrong == want.2 && tally.notAnswered == want.3,
                    "question \(n + 1): \(tally)")
            #expect(tally.slips == want.4, "question \(n + 1)")
        }
        #expect(grading.unknownIds.map(\.id) == ["x900", "x901"] && grading.unknownIds.map(\.line) == [123, 124])
        #expect(grading.withoutAnswers.map(\.id) == ["s121", "s122"])
        #expect(grading.unread == [.notANumber(line: 122, id: "s123", question: "3", text: "abc")])

        let text = TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(grading.report)
        #expect(text.contains("123 students on the roster; the answers of 120 graded, 2 without answers, 1 whose row could not be read."))
        #expect(text.contains("Shares are of the 120 students graded."))
        let sentences = grading.mostCommon.map { TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(Document([.paragraph($0)])) }
        #expect(sentences.count == 4)
        #expect(sentences.first?.hasPrefix("17 of 120 took the sign of ∂C_0/∂w") == true, "\(sentences)")
        #expect(sentences.first?.hasSuffix(" wrong in question 7.\n") == true)
        #expect(sentences.dropFirst().first?.hasPrefix("7 of 120 gave ∂C_0/∂a") == true)
        #expect(sentences.dropFirst(2).first?.hasPrefix("6 of 120 rounded too early in C_0 in question 3") == true)
        #expect(sentences.dropFirst(3).first?.hasPrefix("5 of 120 gave a wrong g") == true)
        for line in ["'x900' on line 123", "'x901' on line 124", "s121, \(Self.name(120))", "s122, \(Self.name(121))",
                     "Not graded: line 122 ('s123'): the answer to question 3, 'abc', is not a finite number"] {
            #expect(text.contains(line), "\(line)")
        }
        // Every count of the tables, as the text shows it (spaces between cells collapsed).
        let collapsed = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        func share(_ count: Int) -> String { count == 0 ? "0" : "\(count) (\(Int((Double(count) * 100 / 120).rounded()))%)" }
        let asks = ["z_j^1", "a_j^1", "C_0", "∂C_0/∂a_j^2", "g_2'(z_j^2)", "a_j^1", "∂C_0/∂w_jk^2", "∂C_0/∂w_jk^1", "new w_jk^2"]
        for (n, want) in expected.enumerated() {
            let line = "\(n + 1) \(asks[n]) \(share(want.0)) \(share(want.1)) \(share(want.2)) \(share(want.3))"
            #expect(collapsed.contains(line), "\(line)")
            let slips = [Slip.sign, .factorOfTwo, .rounding, nil].map { share(want.4[$0, default: 0]) }.joined(separator: " ")
            #expect(collapsed.contains("\(n + 1) \(slips)"), "question \(n + 1)'s slips")
        }
        #expect(collapsed.contains("question sign factor-of-two rounding other"), "only the slips found have a column")
        print(text)

        let strict = ClassGrading(sheets: sheets, answers: answers, followThrough: false)
        #expect(strict.gradebook == expectedOff)
        #expect(strict.tallies[8].followThrough == 0 && strict.tallies[8].wrong == 8 && strict.tallies[8].right == 112)
        #expect(strict.gradebook != grading.gradebook, "turning follow-through off changes the follow-through cells")
    }
}
