import Foundation
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// Reading a class list, and the sheets drawn from it: whose they are, and never their seed.
struct RosterTests {
    static func roster(_ text: String) throws(Roster.Problem) -> Roster { try Roster.parse(Array(text.utf8)) }

    @Test func idAndNameAreReadInAnyOrderWithOtherColumnsIgnored() throws {
        let roster = try Self.roster("\u{FEFF}email,Name,ID\r\nada@uni.example,\"Lovelace, Ada\", s001 \r\nx@uni.example,Émilie du Châtelet,s002\r\n")
        #expect(roster.students == [.init(id: "s001", name: "Lovelace, Ada"), .init(id: "s002", name: "Émilie du Châtelet")])
    }

    @Test(arguments: [
        ("", Roster.Problem.csv(.empty)), ("id,name\n", .noStudents), ("name\nAda\n", .missingColumn("id", columns: ["name"])),
        ("id,name\ns1,Ada\n ,Bob\n", .emptyId(line: 3)), ("id,name\ns1,Ada\ns2,Bob\ns1,Cy\n", .repeatedId("s1", line: 4, first: 2)),
        ("id,name\ns1,Ada,x\n", .csv(.fieldCount(line: 2, count: 3, columns: 2))),
        ("id,name\ns1,Ada\nID,Name\ns2,Bob\n", .repeatedHeader(line: 3)),
    ])
    func badRostersAreNamed(text: String, problem: Roster.Problem) {
        #expect(throws: problem) { try Self.roster(text) }
    }

    @Test func theSentencesSayWhereAndWhatToDo() {
        #expect(Roster.Problem.repeatedId("s1", line: 4, first: 2).message
            == "line 4 repeats the id 's1' of line 2; give every student an id of their own")
        #expect(Roster.Problem.missingColumn("id", columns: ["name"]).message
            == "its header has no column 'id' (it has 'name'); a roster's header names the columns id and name, e.g. 'id,name'")
        #expect(Roster.Problem.csv(.empty).message.hasPrefix("it is empty; a roster needs a header line"))
    }

    @Test func aRosterSheetNamesTheStudentAndCodeButNeverItsSeed() throws {
        let key = try CourseKey("ML2026-backprop")
        let student = Roster.Student(id: "s001", name: "Ada Lovelace")
        let sheet = try Exercise(courseKey: key, student: student)
        #expect(sheet.seed == key.seed(for: "s001"))
        #expect(sheet.network == (try Exercise(seed: key.seed(for: "s001"))).network, "the roster's sheet is the sheet of the keyed seed")
        let naming = LayerNaming(depth: sheet.network.depth, relative: false)
        for withKey in [false, true] {
            let text = TextRenderer(naming: naming).render(sheet.document(key: withKey))
            let latex = sheet.latexPage(key: withKey, naming: naming, precision: 9)
            let json = JSONRenderer(naming: naming).render(sheet.sheet(key: withKey))
            for output in [text, latex, json] {
                #expect(output.contains("Z9WMHM"))
                #expect(output.contains("s001"))
                #expect(output.contains("Ada Lovelace"))
                #expect(!output.contains(String(sheet.seed)), "the seed is not printed")
                #expect(!output.contains("--seed"))
                #expect(!output.contains("ML2026-backprop"), "the key is not printed")
            }
            #expect(text.contains("Name: Ada Lovelace. Student id: s001. Sheet code: Z9WMHM."))
        }
    }

    @Test func aNameEndingInAFullStopGetsNoSecond() throws {
        let sheet = try Exercise(courseKey: try CourseKey("ML2026-backprop"), student: .init(id: "s9", name: "Bob, Jr."))
        let text = TextRenderer(naming: LayerNaming(depth: 2, relative: false)).render(sheet.document(key: false))
        #expect(text.contains("Name: Bob, Jr. Student id: s9."))
    }

    @Test func theLevelsAreNamedShapes() throws {
        #expect(Exercise.Settings(level: 1)?.sizes == [2, 2, 2])
        #expect(Exercise.Settings(level: 2)?.sizes == [2, 3, 2])
        #expect(Exercise.Settings(level: 3)?.sizes == [3, 3, 2, 1])
        #expect(Exercise.Settings(level: 4) == nil)
    }
}

/// Every sheet of a class of 120 is worth doing at every level and with ReLU: each answer, as the
/// test's own forward pass and finite differences compute it, is at least 1e-6 in size and does not
/// round to 0, the step changes the weight's three digits, and on a ReLU sheet no unit is dead (every weighted sum above 0), so no path asked
/// about runs through a unit with slope 0.
struct RosterSheetsWorthDoingTests {
    @Test(arguments: [Exercise.Settings(level: 1)!, Exercise.Settings(level: 2)!, Exercise.Settings(level: 3)!,
                      Exercise.Settings(sizes: [2, 3, 2], activation: .relu, loss: .halfSquared)])
    func everySheetOfAClassIsWorthDoing(_ settings: Exercise.Settings) throws {
        let roster = try Roster(students: (1...120).map { Roster.Student(id: "w\($0)", name: "") })
        for sheet in try Exercise.sheets(for: roster, courseKey: try CourseKey("worth-doing-key"), settings: settings) {
            let plain = ExerciseTests.forward(sheet.network), id = sheet.owner!.student.id
            if settings.activation == .relu { #expect(plain.z.allSatisfy { $0.allSatisfy { $0 > 0 } }, "\(id): a dead unit") }
            for question in sheet.questions {
                let value: Double
                switch question.quantity {
                case .z(let l, let j): value = plain.z[l - 1][j]
                case .a(let l, let j): value = plain.a[l][j]
                case .loss: value = plain.loss
                case .weightGradient(let l, let j, let k): value = ExerciseTests.difference(sheet.network, l, j, k)
                case .updatedWeight(let l, let j, let k):
                    let w = sheet.network.layer(l).weights[j][k]
                    value = w - Exercise.learningRate * ExerciseTests.difference(sheet.network, l, j, k)
                    #expect(String(format: "%.2e", value) != String(format: "%.2e", w), "\(id): the step does not move the weight's 3 digits")
                case .dCda, .gPrime: continue
                }
                #expect(abs(value) >= 1e-6, "\(id) question \(question.id) is \(value)")
            }
        }
    }
}

/// MathML trims the white space at the ends of an `mtext`: a word's end space is kept as a no-break
/// space, so "new w" does not print as "neww" on a page.
struct MathMLWordSpaceTests {
    @Test func theSpaceAfterNewIsKept() {
        let document = Document([.paragraph([.math([.word("new "), .symbol(.w(layer: 2, .number(0), .number(1)))])])])
        let html = MathMLRenderer(naming: LayerNaming(depth: 2, relative: false)).render(document)
        #expect(html.contains("<mtext>new\u{00A0}</mtext>"), "\(html)")
        #expect(!html.contains("<mtext>new </mtext>"))
    }
}

/// Markdown shows a roster's names as typed: nothing in them starts HTML, code, emphasis or maths.
struct MarkdownNameTests {
    @Test func aNameReachesMarkdownLiterally() {
        let document = Document([.paragraph(["<script>alert(1)</script> & $y$ a\\b `c` *d*"])])
        let markdown = MarkdownRenderer(naming: LayerNaming(depth: 2, relative: false)).render(document)
        #expect(markdown.contains("&lt;script>alert(1)&lt;/script> &amp; \\$y\\$ a\\\\b \\`c\\` \\*d\\*"), "\(markdown)")
    }
}
