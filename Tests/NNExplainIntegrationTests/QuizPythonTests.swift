import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// The exported quizzes read by Python's standard library, an implementation of ZIP and XML that
/// is not this project's: `zipfile` checks every entry's CRC-32 and sizes, `xml.etree` that every
/// XML file is well-formed, and the QTI's scored ranges and Moodle's answers come back as numbers.
@Suite(.enabled(if: Tools.python3 != nil, Tools.missing("python3", install: "apt-get install python3",
                                                           unchecked: "the quiz files were not read by Python's zipfile and xml.etree")))
struct QuizPythonTests {
    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try Tools.runPython(try #require(Tools.python3), script, arguments)
    }

    @Test func pythonReadsTheZipTheQTIAndTheMoodleXML() throws {
        let roster = try Roster(students: (1...7).map { Roster.Student(id: "id-\($0)", name: "Ñame <\($0)> & \"q\"") })
        let sheets = try Exercise.sheets(for: roster, courseKey: try CourseKey("a secret phrase"), settings: Exercise.Settings(level: 3)!)
        let quiz = Quiz(sheets: sheets, title: "HW & <3>")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-quizpy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let zip = folder.appendingPathComponent("quiz.zip").path, xml = folder.appendingPathComponent("quiz.xml").path
        try Data(quiz.qtiZip()).write(to: URL(fileURLWithPath: zip))
        try quiz.moodleXML().write(toFile: xml, atomically: true, encoding: .utf8)
        let result = try Self.python("""
            import sys, zipfile, xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            names = z.namelist()
            print(names[0], len(names))
            q = {'q': 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2'}
            ET.fromstring(z.read(names[0]))
            root = ET.fromstring(z.read(names[1]))
            for item in root.iter('{%s}item' % q['q']):
                low = float(item.find('.//q:vargte', q).text); high = float(item.find('.//q:varlte', q).text)
                print('qti', item.get('title'), repr((low + high) / 2), repr((high - low) / 2))
            for question in ET.parse(sys.argv[2]).getroot().iter('question'):
                if question.get('type') != 'numerical': continue
                first = question.find('answer')
                print('moodle', question.find('name/text').text, first.get('fraction'), first.find('text').text, first.find('tolerance').text)
            """, [zip, xml])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "imsmanifest.xml 2")
        let qti = lines.filter { $0.hasPrefix("qti ") }, moodle = lines.filter { $0.hasPrefix("moodle ") }
        #expect(qti.count == 63 && moodle.count == 63)
        for (n, (sheet, question)) in sheets.flatMap({ sheet in sheet.questions.map { (sheet, $0) } }).enumerated() where n < qti.count && n < moodle.count {
            let key = sheet.answers[Int(question.id)! - 1], name = "\(sheet.owner!.student.id) \(sheet.owner!.code) Q\(question.id)"
            let q = qti[n].split(separator: " ").map(String.init), m = moodle[n].split(separator: " ").map(String.init)
            #expect(q[1...3].joined(separator: " ") == name && m[1...3].joined(separator: " ") == name)
            #expect(isClose(Double(q[4])!, key, relative: 1e-11), "\(name): QTI range's centre")
            #expect(isClose(Double(q[5])!, Double(m[6])!, relative: 1e-9), "\(name): QTI's half width is Moodle's tolerance")
            #expect(m[4] == "100" && isClose(Double(m[5])!, key, relative: 1e-11))
        }
    }
}
