import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// `exercise --roster FILE --course-key KEY --output-dir DIR`: the files, what they hold, and every
/// refusal with nothing written.
struct RosterCLITests {
    static let key = "ML2026-backprop"

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theOutputFolderHoldsASheetPerStudentTheBookletsAndTheManifest() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path
        try "id,name,email\ns001,Ada Lovelace,a@x\ns002,\"Châtelet, Émilie\",e@x\n12/7,Bob,b@x\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("sheets").path
        let run = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote 3 sheets (sheet-<id>.tex), booklet.tex, booklet-keys.tex and manifest.json to \(out).\n")
        #expect(ScratchFolder.contents(URL(fileURLWithPath: out))
            == ["booklet-keys.tex", "booklet.tex", "manifest.json", "sheet-12_7.tex", "sheet-s001.tex", "sheet-s002.tex"])
        let sheet = try String(contentsOfFile: out + "/sheet-s001.tex", encoding: .utf8)
        #expect(sheet.contains("Name: Ada Lovelace. Student id: s001. Sheet code: Z9WMHM."))
        #expect(!sheet.contains(Self.key))
        // The manifest: every student in roster order, with the sheet's unrounded answers, which
        // are the answers of the sheet drawn from the keyed seed.
        let manifest = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))))
        let students = try #require(manifest["students"]?.arrayValue)
        #expect(students.map { $0["id"]?.stringValue } == ["s001", "s002", "12/7"])
        #expect(students.map { $0["name"]?.stringValue } == ["Ada Lovelace", "Châtelet, Émilie", "Bob"])
        let courseKey = try CourseKey(Self.key)
        for student in students {
            let id = try #require(student["id"]?.stringValue)
            #expect(student["code"]?.stringValue == courseKey.code(for: id))
            let answers = try #require(student["answers"]?.objectMembers)
            let expected = try Exercise(seed: courseKey.seed(for: id)).answers
            #expect(answers.map { $0.key } == (1...9).map(String.init))
            for (n, value) in expected.enumerated() { #expect(answers[n].value.doubleValue == value, "\(id) question \(n + 1)") }
        }
        let booklet = try String(contentsOfFile: out + "/booklet.tex", encoding: .utf8)
        #expect(booklet.components(separatedBy: "\\clearpage").count == 3)
        #expect(booklet.components(separatedBy: "\\documentclass").count == 2)
    }

    @Test func levelsGiveTheirShapes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path
        try "id,name\nx1,A\n".write(toFile: roster, atomically: true, encoding: .utf8)
        for (level, sizes) in [("1", "2, 2, 2"), ("2", "2, 3, 2"), ("3", "3, 3, 2, 1")] {
            let out = folder.appendingPathComponent("level\(level)").path
            #expect(runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", out, "--level", level]).status == 0)
            #expect(try String(contentsOfFile: out + "/sheet-x1.tex", encoding: .utf8).contains("with \(sizes) nodes"))
        }
        #expect(runCLI(["exercise", "--level", "2"]).stdout.contains("with 2, 3, 2 nodes"))
    }

    @Test(arguments: [
        (["--course-key", key, "--output-dir", "OUT"], "id,name\ns1,A\ns1,B\n", Int32(65),
         "roster 'ROSTER': line 3 repeats the id 's1' of line 2; give every student an id of their own"),
        (["--course-key", key, "--output-dir", "OUT"], "name\nA\n", 65,
         "roster 'ROSTER': its header has no column 'id' (it has 'name'); a roster's header names the columns id and name, e.g. 'id,name'"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\n\"a\"b,A\n", 65,
         "roster 'ROSTER': line 2 has text after a closing double quote; a quoted field ends at a comma or line break"),
        (["--output-dir", "OUT"], "id,name\ns1,A\n", 64,
         "a roster's sheets are drawn from a course key; add --course-key KEY, a secret of at least 8 characters"),
        (["--course-key", "short", "--output-dir", "OUT"], "id,name\ns1,A\n", 64,
         "--course-key: the course key has 5 characters, fewer than 8; choose a longer secret, such as a phrase only you know"),
        (["--course-key", key, "--output-dir", "OUT", "--seed", "3"], "id,name\ns1,A\n", 64,
         "--seed does not go with --roster: each student's sheet is drawn from the course key and the id"),
        (["--course-key", key, "--output-dir", "OUT", "--key"], "id,name\ns1,A\n", 64,
         "--key does not go with --roster: the keys are written to booklet-keys.tex and manifest.json by --output-dir"),
        (["--course-key", key, "--output-dir", "OUT", "--grade", "answers.txt"], "id,name\ns1,A\n", 64,
         "--grade does not go with --roster: grade a class's answers with --grade-all ANSWERS.csv, one row per student"),
        (["--course-key", key, "--output-dir", "OUT", "--level", "2", "--sizes", "2,2,2"], "id,name\ns1,A\n", 64,
         "--level and --sizes both give the sheet's shape; keep one"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\na/b,A\na_b,B\n", 65,
         "roster 'ROSTER': the ids 'a/b' and 'a_b' both make the file name 'sheet-a_b.tex' (characters other than letters, digits, '-', '_' and '.' become '_', and case is not told apart); give one of them another id in the roster"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\nabc,A\nABC,B\n", 65,
         "roster 'ROSTER': the ids 'abc' and 'ABC' both make the file name 'sheet-ABC.tex' (characters other than letters, digits, '-', '_' and '.' become '_', and case is not told apart); give one of them another id in the roster"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\ns1,\"A\tB\"\n", 65,
         "roster 'ROSTER': the name on line 2 holds a control character (a tab, a line break or another invisible one); remove it"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\n\"s\n1\",A\n", 65,
         "roster 'ROSTER': the id on line 2 holds a control character (a tab, a line break or another invisible one); remove it"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\ns1,A\n" + String(repeating: "y", count: 101) + ",B\n", 65,
         "roster 'ROSTER': the id on line 3 is longer than 100 characters; give a shorter id"),
        (["--course-key", key, "--output-dir", "OUT"], "id,name\ns1,A\n\u{00A0}s1\u{00A0},B\n", 65,
         "roster 'ROSTER': line 3 repeats the id 's1' of line 2; give every student an id of their own"),
    ])
    func badInputIsOneSentenceAndNothingIsWritten(_ options: [String], roster text: String, status: Int32, message: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path, out = folder.appendingPathComponent("out").path
        try text.write(toFile: roster, atomically: true, encoding: .utf8)
        let run = runCLI(["exercise", "--roster", roster] + options.map { $0 == "OUT" ? out : $0 })
        #expect(run.status == status)
        #expect(run.stderr.hasPrefix("Error: " + message.replacingOccurrences(of: "ROSTER", with: roster) + "\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
    }

    @Test func withoutAnOutputFolderEverySheetIsPrinted() throws {
        let roster = try ScratchFolder.file("id,name\ns001,Ada Lovelace\ns002,Bob\n", kind: "roster", ext: "csv")
        defer { try? FileManager.default.removeItem(atPath: roster) }
        let key = try CourseKey(Self.key)
        let text = runCLI(["exercise", "--roster", roster, "--course-key", Self.key])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Exercise sheet Z9WMHM: backpropagation by hand\nName: Ada Lovelace. Student id: s001. Sheet code: Z9WMHM.\n"))
        #expect(text.stdout.contains("\nExercise sheet \(key.code(for: "s002")): backpropagation by hand\nName: Bob. Student id: s002."))
        let json = try JSONValue.parse(Array(runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--format", "json"]).stdout.utf8))
        #expect(json["sheets"]?.arrayValue?.map { $0["student"]?["code"]?.stringValue } == ["Z9WMHM", key.code(for: "s002")])
        #expect(json["sheets"]?.arrayValue?.allSatisfy { $0["seed"] == nil } == true)
        let booklet = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--format", "latex", "--standalone"]).stdout
        #expect(booklet.components(separatedBy: "\\clearpage").count == 2)
        let both = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--format", "json", "--output-dir", "never-made"])
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: --format does not go with --output-dir, which writes LaTeX sheets and a JSON manifest; drop one of them\n"))
        #expect(!FileManager.default.fileExists(atPath: "never-made"))
    }

    @Test func optionsOfARosterWithoutOneAreRefused() {
        for option in ["--course-key", "--output-dir"] {
            let run = runCLI(["exercise", option, "something-long"])
            #expect(run.status == 64)
            #expect(run.stderr.hasPrefix("Error: \(option) goes with --roster FILE, a class list to draw one sheet per student from\n"))
        }
        let missing = runCLI(["exercise", "--roster", "/nonexistent/class.csv", "--course-key", Self.key, "--output-dir", "x"])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("Error: cannot read roster '/nonexistent/class.csv': no such file"))
    }

    /// All or nothing: a folder in the way of one file leaves every other file unwritten; a link
    /// in the folder is replaced, never written through; missing parents are made; sheets of an
    /// earlier roster are named in a warning.
    @Test func theFolderIsWrittenAllOrNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path, out = folder.appendingPathComponent("out").path
        try "id,name\ns001,A\ns002,B\n".write(toFile: roster, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: out + "/manifest.json", withIntermediateDirectories: true)
        let blocked = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", out])
        #expect(blocked.status == 1)
        #expect(blocked.stderr == "Error: cannot write '\(out)/manifest.json': a folder of that name is in the way; move it or choose another folder\n")
        #expect(ScratchFolder.contents(URL(fileURLWithPath: out)) == ["manifest.json"], "nothing else was written")
        try FileManager.default.removeItem(atPath: out + "/manifest.json")
        let victim = folder.appendingPathComponent("victim.txt").path
        try "precious".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: out + "/sheet-s001.tex", withDestinationPath: victim)
        try "old".write(toFile: out + "/sheet-gone.tex", atomically: true, encoding: .utf8)
        let run = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious", "the link's target is untouched")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/sheet-s001.tex")) == nil, "the link was replaced by the sheet")
        #expect(run.stderr == "Warning: \(out) also holds 1 sheet this roster does not make (sheet-gone.tex), left from an earlier run; remove it if the roster changed\n")
        #expect(ScratchFolder.contents(URL(fileURLWithPath: out)).filter { $0.hasPrefix(".") }.isEmpty, "no staging folder is left")
        let nested = folder.appendingPathComponent("a/b/c").path
        #expect(runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", nested]).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested + "/booklet.tex"))
    }

    @Test func namesPdflatexCannotPrintAreWarnedOfAndKeyWhiteSpaceToo() throws {
        let roster = try ScratchFolder.file("id,name\ns1,张伟\ns2,Zoë Łukasz\n", kind: "roster", ext: "csv")
        defer { try? FileManager.default.removeItem(atPath: roster) }
        let run = runCLI(["exercise", "--roster", roster, "--course-key", Self.key + " ", "--format", "latex", "--standalone"])
        #expect(run.status == 0)
        #expect(run.stderr == "Warning: the course key begins or ends with white space, which is part of the key: typed without it, it draws other sheets\n"
            + "Warning: 1 student ('s1') has characters in the name or id that pdflatex cannot print with its standard fonts; "
            + "the LaTeX shows each as a bold ?, while the id and sheet code still tell the sheets apart\n")
        #expect(run.stdout.contains("Name: \\textbf{?}\\textbf{?}. Student id: s1."))
        #expect(run.stdout.contains("Name: Zoë Łukasz. Student id: s2."))
        #expect(runCLI(["exercise", "--roster", roster, "--course-key", Self.key]).stderr.isEmpty, "text prints every name")
    }

    @Test func anOutputDirThatIsAFileIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("class.csv").path, file = folder.appendingPathComponent("taken").path
        try "id,name\ns1,A\n".write(toFile: roster, atomically: true, encoding: .utf8)
        try "keep me".write(toFile: file, atomically: true, encoding: .utf8)
        let run = runCLI(["exercise", "--roster", roster, "--course-key", Self.key, "--output-dir", file])
        #expect(run.status == 1)
        #expect(run.stderr == "Error: cannot write into '\(file)': it is a file, not a folder; give a folder's name\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }
}
