import Foundation
@testable import NNExplain
import NNExplainTestSupport
import Testing

/// Reading a class's answers file: its columns, its cells, its separators, and the rows it cannot read.
struct ClassAnswersTests {
    static let questions = (1...9).map(String.init)
    static func parse(_ text: String) throws(ClassAnswers.Problem) -> ClassAnswers {
        try ClassAnswers.parse(Array(text.utf8), questions: questions)
    }
    static func values(_ row: ClassAnswers.Row) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: row.answers.values.map { ($0.id, $0.value) })
    }

    @Test func questionColumnsAreNamedAsStudentsNameQuestionsAndOtherColumnsAreIgnored() throws {
        let answers = try Self.parse("\u{FEFF}Name,ID,1,q2,Q3,Question 4,email\r\nAda, s1 ,0.5,,-1.25e-2,\"0,42\",a@b\r\n")
        #expect(answers.rows.count == 1 && answers.unread.isEmpty)
        #expect(answers.rows[0].id == "s1" && answers.rows[0].line == 2)
        #expect(Self.values(answers.rows[0]) == ["1": 0.5, "3": -0.0125, "4": 0.42], "a blank cell is no answer; a quoted decimal comma is read")
    }

    @Test func excelsSemicolonsCarryDecimalCommasUnquoted() throws {
        let answers = try Self.parse("id;q1;q2;q3\ns1;0,42;−0,5;1,2 × 10^-3\ns2;;;\n")
        #expect(answers.rows.map(\.id) == ["s1", "s2"])
        #expect(Self.values(answers.rows[0]) == ["1": 0.42, "2": -0.5, "3": 0.0012])
        #expect(answers.rows[1].answers.values.isEmpty)
    }

    /// A row whose quoting is broken is named and the others still read (each row is one line);
    /// rows of empty fields, as spreadsheets leave below the data, are skipped.
    @Test func aRowWithBrokenQuotesIsNamedAndTheOthersRead() throws {
        let answers = try Self.parse("id,q1,q2\ns001,\"-0,293\"x,0.1\ns002,0.74,\n,,\ns003,\"0,5\n")
        #expect(answers.rows.map(\.id) == ["s002"])
        #expect(answers.unread == [.quoting(line: 2), .quoting(line: 5)])
        #expect(answers.unread[0].message == "line 2 has a double quote out of place (one left open, text after a closing one, or one "
            + "inside an unquoted field); quote a whole field, as \"0,42\", or write 0.42")
        #expect(try Self.parse("id,q1\ns1,\"0.5\n").unread == [.quoting(line: 2)], "a file of one broken row is read, the row named")
    }

    /// A row with too many fields still names its student, who is then "not read", not "without answers".
    @Test func aRowWithTheWrongFieldCountKeepsItsStudent() throws {
        let roster = try Roster(students: [.init(id: "s1", name: "Ada"), .init(id: "s2", name: "Bob")])
        let sheets = try Exercise.sheets(for: roster, courseKey: CourseKey("a course key"))
        let grading = ClassGrading(sheets: sheets, answers: try Self.parse("id,q1\ns1,0.1,\ns2,0.2\n"))
        #expect(grading.unread.map(\.line) == [2])
        #expect(grading.withoutAnswers.isEmpty, "s1's row was there, only unreadable")
    }

    @Test func aRowThatCannotBeReadIsNamedByItsLineAndTheOthersAreRead() throws {
        let text = "id,q1,q2\ns1,0.1,0.2\ns2,0,5,0.3\n,0.1,0.2\ns1,0.3,0.4\ns3,abc,0.1\ns4,0.1\n\ns5,0.7,\n"
        let answers = try Self.parse(text)
        #expect(answers.rows.map(\.id) == ["s1", "s5"])
        #expect(answers.rows.map(\.line) == [2, 9], "a blank line is skipped and lines still counted")
        #expect(answers.unread == [.fieldCount(line: 3, id: "s2", count: 4, columns: 3), .emptyId(line: 4), .repeatedId("s1", line: 5, first: 2),
                                   .notANumber(line: 6, id: "s3", question: "1", text: "abc"), .fieldCount(line: 7, id: "s4", count: 2, columns: 3)])
        #expect(answers.unread.map(\.message) == [
            "line 3 has 4 fields where the header has 3; a decimal comma splits a field in two, so quote such a number (\"0,42\") or write 0.42",
            "line 4 has no id; give the student's id as the roster has it",
            "line 5 repeats the id 's1' of line 2; keep one row per student",
            "line 6 ('s3'): the answer to question 1, 'abc', is not a finite number; write it as a decimal, e.g. 0.42, or leave the cell blank",
            "line 7 has 2 fields where the header has 3; give every column a field, blank for no answer",
        ])
    }

    @Test(arguments: [
        ("", ClassAnswers.Problem.csv(.empty)), ("id,q1\n", .noRows), ("name,q1\nAda,1\n", .noIdColumn(columns: ["name", "q1"])),
        ("id,name\ns1,Ada\n", .noQuestionColumn(columns: ["id", "name"], first: "1", last: "9")),
        ("id,q1,q10\ns1,1,2\n", .notOnSheet(column: "q10", first: "1", last: "9")),
        ("id,q1,1\ns1,1,2\n", .repeatedQuestion(first: "q1", second: "1")), ("id,\"q1\ns1,0.5\n", .csv(.openQuote(line: 1))),
    ])
    func aFileThatIsNoClassAnswersIsNamed(text: String, problem: ClassAnswers.Problem) {
        #expect(throws: problem) { try Self.parse(text) }
        #expect(!problem.message.isEmpty && !problem.message.contains("\n"))
    }

    @Test func headerSentencesSayWhatToWrite() {
        #expect(ClassAnswers.Problem.noIdColumn(columns: ["name", "q1"]).message
            == "its header has no column 'id' (it has 'name', 'q1'); a class's answers file starts with a header such as 'id,q1,q2,…', then one row per student")
        #expect(ClassAnswers.Problem.notOnSheet(column: "q10", first: "1", last: "9").message
            == "its header's column 'q10' names a question the sheets do not have; their questions are 1 to 9")
    }

    @Test func gradebookFieldsAreQuotedWhereCSVNeedsIt() {
        #expect(ClassGrading.csvField("Ada") == "Ada")
        #expect(ClassGrading.csvField("Lovelace, Ada") == "\"Lovelace, Ada\"")
        #expect(ClassGrading.csvField("Tom \"TJ\"") == "\"Tom \"\"TJ\"\"\"")
        #expect(ClassGrading.csvField(" lead") == "\" lead\"" && ClassGrading.csvField("a\nb") == "\"a\nb\"")
        // And read back by the package's own CSV reader, every field as written.
        let row = ["s1", "Lovelace, Ada", "Tom \"TJ\"", " lead", "a\nb"]
        let table = try? CSVTable.parse(Array(("a,b,c,d,e\n" + row.map(ClassGrading.csvField).joined(separator: ",") + "\n").utf8))
        #expect(table?.rows.first?.fields == row)
    }

    @Test func aRosterStudentWithAnUnreadRowIsMarkedSoAndTheOthersGraded() throws {
        let roster = try Roster(students: [.init(id: "s1", name: "Ada"), .init(id: "s2", name: "Bob"), .init(id: "s3", name: "Cy")])
        let sheets = try Exercise.sheets(for: roster, courseKey: CourseKey("a course key"))
        let key = sheets[0].answers.map { String(format: "%.4g", $0) }
        let text = "id,q1,q2\ns1,\(key[0]),\ns2,x,1\nz9,1,1\n"
        let grading = ClassGrading(sheets: sheets, answers: try Self.parse(text))
        #expect(grading.gradebook == "id,name,q1,q2,q3,q4,q5,q6,q7,q8,q9,total\r\ns1,Ada,1,,,,,,,,,1\r\n"
                + "s2,Bob,,,,,,,,,,\r\ns3,Cy,,,,,,,,,,\r\n")
        #expect(grading.unread.map(\.line) == [3])
        #expect(grading.withoutAnswers.map(\.id) == ["s3"])
        #expect(grading.unknownIds.map(\.id) == ["z9"])
    }

    @Test func aRosterStudentsFeedbackNamesTheStudentAndCodeButNeverTheSeed() throws {
        let key = try CourseKey("a course key"), student = Roster.Student(id: "s7", name: "Ada")
        let sheet = try Exercise(courseKey: key, student: student)
        let answers = try Answers.parse(Array("1: 0.5\n".utf8))
        for followThrough in [true, false] {
            let text = TextRenderer(naming: LayerNaming(depth: 2, relative: false))
                .render(try Grading(sheet, answers: answers, followThrough: followThrough).document)
            #expect(text.contains("Graded: exercise sheet \(key.code(for: "s7"))") && text.contains("Name: Ada. Student id: s7."))
            #expect(!text.contains(String(sheet.seed)), "the seed would let a student rebuild the sheet")
            #expect(text.contains("(follow-through)") == followThrough)
        }
    }

    @Test func aShareIsNeverAllForFewerThanAllNorNoneForSome() {
        #expect(ClassGrading.share(17, of: 120) == "17 (14%)" && ClassGrading.share(120, of: 120) == "120 (100%)")
        #expect(ClassGrading.share(239, of: 240) == "239 (>99%)" && ClassGrading.share(1, of: 240) == "1 (<1%)")
        #expect(ClassGrading.share(0, of: 120) == "0" && ClassGrading.share(0, of: 0) == "0")
    }
}

/// A name a spreadsheet would run as a formula is written so that it shows it instead.
struct GradebookFormulaTests {
    @Test func aNameLikeAFormulaIsMadeInert() throws {
        let roster = try Roster(students: [.init(id: "s1", name: "=HYPERLINK(\"http://x\",\"y\")"), .init(id: "s2", name: "+1+2"), .init(id: "s3", name: "Ada")])
        let sheets = try Exercise.sheets(for: roster, courseKey: CourseKey("a course key"))
        let grading = ClassGrading(sheets: sheets, answers: try ClassAnswers.parse(Array("id,q1\ns3,\n".utf8), questions: sheets[0].questions.map { $0.id }))
        let lines = grading.gradebook.components(separatedBy: "\r\n")
        #expect(lines[1].hasPrefix("s1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
        #expect(lines[2].hasPrefix("s2,'+1+2,"))
        #expect(lines[3].hasPrefix("s3,Ada,"))
    }
}
