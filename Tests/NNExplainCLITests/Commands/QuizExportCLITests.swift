import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `exercise --roster --course-key --format moodle|gift|qti`: the library's quiz reaches standard
/// output or the file, each misuse is one sentence with exit 64 and writes nothing, and a class of
/// 120 exports quickly.
struct QuizExportCLITests {
    static let key = "a secret phrase"

    static func roster(_ count: Int) throws -> String {
        try ScratchFolder.file("id,name\n" + (1...count).map { "s\($0),Student \($0)\n" }.joined(), kind: "roster", ext: "csv")
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-quiz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The quiz the library makes of the same roster, key and level.
    static func quiz(_ count: Int, level: Int = 1) throws -> Quiz {
        let roster = try Roster(students: (1...count).map { Roster.Student(id: "s\($0)", name: "Student \($0)") })
        let sheets = try Exercise.sheets(for: roster, courseKey: try CourseKey(key), settings: Exercise.Settings(level: level)!)
        return Quiz(sheets: sheets, title: "Backpropagation by hand, " + Exercise.Settings.levels[level]!.map(String.init).joined(separator: "-"))
    }

    @Test func eachFormatWritesTheLibrarysQuizToStandardOutputOrTheFile() throws {
        let roster = try Self.roster(3), folder = try Self.folder(), quiz = try Self.quiz(3, level: 2)
        let common = ["exercise", "--roster", roster, "--course-key", Self.key, "--level", "2"]
        let moodle = runCLI(common + ["--format", "moodle"])
        #expect(moodle.status == 0 && moodle.stderr == "" && moodle.stdout == quiz.moodleXML())
        #expect(moodle.stdout.components(separatedBy: "<question type=\"numerical\">").count - 1 == 27)
        let giftPath = folder.appendingPathComponent("quiz.gift").path
        let gift = runCLI(common + ["--format", "gift", "--output", giftPath])
        #expect(gift.status == 0 && gift.stdout == "Wrote 27 questions (9 for each of 3 students) as GIFT to \(giftPath).\n")
        #expect(try String(contentsOfFile: giftPath, encoding: .utf8) == quiz.gift())
        let zipPath = folder.appendingPathComponent("quiz.zip").path
        let qti = runCLI(common + ["--format", "qti", "--output", zipPath])
        #expect(qti.status == 0 && qti.stdout == "Wrote 27 questions (9 for each of 3 students) as a QTI package to \(zipPath).\n")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: zipPath))) == quiz.qtiZip())
    }

    @Test(arguments: [
        (["--format", "moodle"], "--format moodle writes a class's quiz; add --roster FILE and --course-key KEY"),
        (["--output", "quiz.xml"], "--output goes with --roster and --format moodle, gift or qti, which write a quiz"),
        (["ROSTER", "--format", "qti"], "--format qti writes a zip file; add --output FILE.zip"),
        (["ROSTER", "--format", "qti", "--output", "quiz.xml"], "--output 'quiz.xml' should end in .zip, the package Canvas's QTI import takes; e.g. --output quiz.zip"),
        (["ROSTER", "--format", "gift", "--output-dir", "sheets"], "--output-dir writes LaTeX sheets and --format gift a quiz; make each in a run of its own"),
        (["ROSTER", "--output-dir", "sheets", "--output", "quiz.xml"], "--output goes with --roster and --format moodle, gift or qti, which write a quiz"),
    ])
    func misuseIsOneSentenceAndWritesNothing(arguments: [String], message: String) throws {
        let folder = try Self.folder(), roster = try Self.roster(2)
        let rest = arguments.first == "ROSTER" ? ["--roster", roster, "--course-key", Self.key] + arguments.dropFirst() : arguments
        let result = runCLI(["exercise"] + rest.map { ["quiz.xml", "sheets"].contains($0) ? folder.appendingPathComponent($0).path : $0 })
        let shown = message.replacingOccurrences(of: "'quiz.xml'", with: "'\(folder.appendingPathComponent("quiz.xml").path)'")
        #expect(result.status == 64 && result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: \(shown)\n"))
        #expect(ScratchFolder.contents(folder).isEmpty, "nothing written")
    }

    /// A whole class in every format (how long it takes is the benchmark's: nnexplain-bench --class).
    @Test func aClassOf120ExportsInEveryFormat() throws {
        let roster = try Self.roster(120), folder = try Self.folder()
        for (format, file) in [("moodle", "quiz.xml"), ("gift", "quiz.gift"), ("qti", "quiz.zip")] {
            let result = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--level", "3", "--format", format,
                                 "--output", folder.appendingPathComponent(file).path])
            #expect(result.status == 0 && result.stdout.hasPrefix("Wrote 1080 questions (9 for each of 120 students)"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
        }
    }
}
