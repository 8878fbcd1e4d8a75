import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `exercise --roster … --grade-all` end to end: the files it writes, what it prints, and bad input
/// refused in one sentence with nothing written.
struct GradeAllCLITests {
    static let secret = "grade-all test key"
    static let students = [("s1", "Lovelace, Ada"), ("s2", "Bob"), ("s3", "Cy")]

    /// A fresh folder with `roster.csv` and `answers.csv`: s1 takes question 7's sign wrong and
    /// computes question 9 from it, s2 is right throughout, s3 has no row, x9 is not on the roster.
    static func classFolder(answers: String? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-gradeall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let roster = "id,name\n" + students.map { "\($0.0),\"\($0.1)\"" }.joined(separator: "\n") + "\n"
        try roster.write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let key = try CourseKey(secret)
        func row(_ id: String, slip: Bool) throws -> String {
            let a = try Exercise(courseKey: key, student: .init(id: id, name: "")).answers
            var cells = a.map { String(format: "%.4g", $0) }
            if slip { cells[6] = String(format: "%.4g", -a[6]); cells[8] = String(format: "%.4g", a[8] + a[6]) }
            return ([id] + cells).joined(separator: ",")
        }
        let text = try answers ?? (["id,q1,q2,q3,q4,q5,q6,q7,q8,q9", try row("s1", slip: true), try row("s2", slip: false), "x9,1,,,,,,,,"]
            .joined(separator: "\n") + "\n")
        try text.write(to: folder.appendingPathComponent("answers.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    static func grade(_ folder: URL, _ more: [String]) -> CLIResult {
        runCLI(["exercise", "--roster", folder.appendingPathComponent("roster.csv").path, "--course-key", secret,
                "--grade-all", folder.appendingPathComponent("answers.csv").path] + more)
    }

    @Test func writesTheGradebookReportAndFeedbackAndSaysWhat() throws {
        let folder = try Self.classFolder(), path = { (name: String) in folder.appendingPathComponent(name).path }
        let result = Self.grade(folder, ["--gradebook", path("grades.csv"), "--report", path("report.md"), "--feedback-dir", path("feedback")])
        #expect(result.status == 0 && result.stderr == "")
        #expect(result.stdout == "Graded the answers of 2 of 3 students (1 without answers, 1 id not on the roster; see the report); "
                + "wrote '\(path("grades.csv"))', '\(path("report.md"))' and 2 feedback files in '\(path("feedback"))'.\n")
        #expect(try String(contentsOfFile: path("grades.csv"), encoding: .utf8) == "id,name,q1,q2,q3,q4,q5,q6,q7,q8,q9,total\r\n"
                + "s1,\"Lovelace, Ada\",1,1,1,1,1,1,0,1,1,8\r\ns2,Bob,1,1,1,1,1,1,1,1,1,9\r\ns3,Cy,,,,,,,,,,\r\n")
        let report = try String(contentsOfFile: path("report.md"), encoding: .utf8)
        #expect(report.contains("1 of 2 took the sign of") && report.contains("'x9' on line 4") && report.hasPrefix("## Class report"))
        #expect(ScratchFolder.contents(folder.appendingPathComponent("feedback")) == ["feedback-s1.txt", "feedback-s2.txt"])
        let feedback = try String(contentsOfFile: path("feedback/feedback-s1.txt"), encoding: .utf8)
        #expect(feedback.contains("Student id: s1.") && feedback.contains("right (follow-through)"))
    }

    @Test func withoutFilesTheReportIsPrintedAndFollowThroughCanBeTurnedOff() throws {
        let folder = try Self.classFolder()
        let on = Self.grade(folder, []), off = Self.grade(folder, ["--no-follow-through"])
        #expect(on.status == 0 && on.stdout.hasPrefix("Class report\n") && on.stdout.contains("Follow-through marking is on"))
        #expect(off.status == 0 && off.stdout.contains("Follow-through marking is off"))
        let html = Self.grade(folder, ["--report", folder.appendingPathComponent("r.html").path])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: folder.appendingPathComponent("r.html").path, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<math>") && page.contains("<h1 class=\"doc-title\">Class report</h1>"))
    }

    @Test func aSingleGradeTakesNoFollowThroughToo() throws {
        let a = try Exercise(seed: 3).answers
        let file = try ScratchFolder.file("7: \(String(format: "%.4g", -a[6]))\n9: \(String(format: "%.4g", a[8] + a[6]))\n", kind: "answers", ext: "txt")
        let on = runCLI(["exercise", "--seed", "3", "--grade", file]), off = runCLI(["exercise", "--seed", "3", "--grade", file, "--no-follow-through"])
        #expect(on.stdout.contains("right (follow-through)") && on.stdout.contains("Score: 1 of 2"))
        #expect(!off.stdout.contains("right (follow-through)") && off.stdout.contains("Score: 0 of 2"))
        #expect(off.stdout.contains("Hint: you worked this one out correctly from your own wrong answer to question 7, "
            + "but follow-through marking is off for this grading, so it earns no mark"), "\(off.stdout)")
    }

    @Test func badInputIsOneSentenceAndWritesNothing() throws {
        let folder = try Self.classFolder(), path = { (name: String) in folder.appendingPathComponent(name).path }
        let outputs = ["--gradebook", path("g.csv"), "--report", path("r.txt"), "--feedback-dir", path("fb")]
        try "not a folder".write(toFile: path("file"), atomically: true, encoding: .utf8)
        let cases: [([String], Int32, String)] = [
            (["--gradebook", path("answers.csv")], 64, "--gradebook names the answers file '\(path("answers.csv"))' itself, which would be replaced; give another file name"),
            (["--gradebook", path("g.csv"), "--report", "\(folder.path)/./g.csv"], 64, "--gradebook and --report name the same file '\(folder.path)/./g.csv'; give each its own"),
            (["--report", path("r.html"), "--format", "markdown"], 64, "--report '\(path("r.html"))' names a html file but --format says markdown; drop one of them"),
            (["--format", "latex"] + outputs, 64, "--format latex does not go with --grade-all, whose report is text or markdown (or HTML, by --report FILE.html)"),
            (["--output-dir", path("sheets")] + outputs, 64, "--output-dir and --grade-all each make their own files; run one, then the other"),
            (["--gradebook", path("g.csv"), "--feedback-dir", path("file")], 1,
             "cannot write into '\(path("file"))': it is a file, not a folder; give a folder's name"),
        ]
        for (more, status, sentence) in cases {
            let result = Self.grade(folder, more)
            #expect(result.status == status && result.stdout == "", "\(more)")
            #expect(result.stderr.hasPrefix("Error: " + sentence), "\(result.stderr)")
            #expect(!result.stderr.dropLast().contains("\n") || result.stderr.contains("Usage"), "one sentence")
        }
        #expect(ScratchFolder.contents(folder) == ["answers.csv", "file", "roster.csv"], "nothing written")

        for (answers, sentence) in [("name,q1\nAda,1\n", "its header has no column 'id'"), ("id,q1,q12\ns1,1,2\n", "its header's column 'q12' names a question")] {
            let bad = try Self.classFolder(answers: answers)
            let result = Self.grade(bad, ["--gradebook", bad.appendingPathComponent("g.csv").path])
            #expect(result.status == 65 && result.stderr.hasPrefix("Error: answers file '\(bad.appendingPathComponent("answers.csv").path)': \(sentence)"))
            #expect(ScratchFolder.contents(bad) == ["answers.csv", "roster.csv"])
        }
        let missing = runCLI(["exercise", "--roster", path("roster.csv"), "--course-key", Self.secret, "--grade-all", path("none.csv"), "--gradebook", path("g.csv")])
        #expect(missing.status == 66 && missing.stderr.hasPrefix("Error: cannot read answers file '\(path("none.csv"))'"))
        for arguments in [["exercise", "--grade-all", path("answers.csv")], ["exercise", "--gradebook", path("g.csv")], ["exercise", "--no-follow-through"],
                          ["exercise", "--roster", path("roster.csv"), "--course-key", Self.secret, "--report", path("r.txt")]] {
            #expect(runCLI(arguments).status == 64, "\(arguments)")
        }
        #expect(ScratchFolder.contents(folder) == ["answers.csv", "file", "roster.csv"])
    }

    @Test func idsThatMakeOneFeedbackFileNameAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try Self.classFolder()
        try "id,name\na/b,Ada\na_b,Bob\n".write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        try "id,q1\na/b,1\na_b,1\n".write(to: folder.appendingPathComponent("answers.csv"), atomically: true, encoding: .utf8)
        let result = Self.grade(folder, ["--feedback-dir", folder.appendingPathComponent("fb").path, "--gradebook", folder.appendingPathComponent("g.csv").path])
        #expect(result.status == 65 && result.stderr.contains("the ids 'a/b' and 'a_b' both make the file name 'feedback-a_b.txt'"))
        #expect(ScratchFolder.contents(folder) == ["answers.csv", "roster.csv"])
    }
}

/// The red team's cases: outputs written all or nothing, and the quiz never written over the roster.
struct GradeAllAllOrNothingTests {
    @Test func aFailingOutputLeavesEveryOtherAsItWas() throws {
        let folder = try GradeAllCLITests.classFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        try "old gradebook".write(toFile: path("grades.csv"), atomically: true, encoding: .utf8)
        // The feedback folder cannot be made (its parent is a file): neither the gradebook nor the report is written.
        let run = GradeAllCLITests.grade(folder, ["--gradebook", path("grades.csv"), "--report", path("report.txt"),
                                                  "--feedback-dir", path("grades.csv") + "/feedback"])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: path("grades.csv"), encoding: .utf8) == "old gradebook")
        #expect(!FileManager.default.fileExists(atPath: path("report.txt")))
        #expect(ScratchFolder.contents(folder) == ["answers.csv", "grades.csv", "roster.csv"], "no temporary file is left")
        // A report in a folder that is not there is refused before anything is written.
        let missing = GradeAllCLITests.grade(folder, ["--gradebook", path("grades.csv"), "--report", path("nodir/report.txt")])
        #expect(missing.stderr == "Error: cannot write '\(path("nodir/report.txt"))': the folder '\(path("nodir"))' does not exist; make it first or give another path\n")
        #expect(try String(contentsOfFile: path("grades.csv"), encoding: .utf8) == "old gradebook")
        let same = GradeAllCLITests.grade(folder, ["--gradebook", path("g.csv"), "--feedback-dir", path("g.csv")])
        #expect(same.status == 64)
        #expect(same.stderr.hasPrefix("Error: --feedback-dir and --gradebook name the same path '\(path("g.csv"))'; give each its own\n"))
        #expect(!FileManager.default.fileExists(atPath: path("g.csv")))
    }

    @Test func aQuizFormatWithGradeAllIsNamedAsSuch() throws {
        let folder = try GradeAllCLITests.classFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = GradeAllCLITests.grade(folder, ["--format", "moodle"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --format moodle does not go with --grade-all, whose report is text or markdown "
            + "(or HTML, by --report FILE.html); grade and export in separate runs\n"))
    }

    @Test func theQuizIsNeverWrittenOverTheRoster() throws {
        let folder = try GradeAllCLITests.classFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path, before = try String(contentsOfFile: roster, encoding: .utf8)
        let run = runCLI(["exercise", "--roster", roster, "--course-key", GradeAllCLITests.secret, "--format", "moodle", "--output", roster])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: --output names the roster '\(roster)' itself, which would be replaced; give another file name\n"))
        #expect(try String(contentsOfFile: roster, encoding: .utf8) == before)
    }
}
