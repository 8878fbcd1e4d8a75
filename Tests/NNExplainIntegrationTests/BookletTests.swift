import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// A roster's booklet compiles with pdflatex to one page per student at every level, each page
/// naming its student and sheet code; the keys' booklet compiles too. Skipped where pdflatex is
/// missing (.ci/run installs it).
struct BookletTests {
    /// A roster of `count` students whose names are not ASCII (one with TeX's special characters and
    /// letters pdflatex cannot print), written to a fresh folder.
    static func roster(_ count: Int) throws -> (folder: URL, roster: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnexplain-booklet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = "id,name\n" + (1...count).map { "b\($0),\($0 == 2 ? "\"张伟 & {O'Brien}, Jr.\"" : "Zoë Núñez \($0)")\n" }.joined()
        let path = folder.appendingPathComponent("class.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"),
          arguments: [["--level", "1"], ["--level", "2"], ["--level", "3"], ["--level", "3", "--activation", "relu"], ["--activation", "tanh"],
                      ["--sizes", "4,4,4,4"], ["--sizes", "3,4,4,2"], ["--sizes", "4,1,4", "--activation", "relu", "--loss", "half-squared"]])
    func theBookletHasOnePagePerStudent(_ shape: [String]) throws {
        let count = 24
        let (folder, roster) = try Self.roster(count)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let run = runCLI(["exercise", "--roster", roster, "--course-key", "booklet-test-key", "--output-dir", out] + shape)
        #expect(run.status == 0, "\(run.stderr)")
        let booklet = try String(contentsOfFile: out + "/booklet.tex", encoding: .utf8)
        let pdf = try PDFLatex.compile(booklet)
        #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
        #expect(pdf.pages == count, "\(count) students, \(pdf.pages ?? 0) pages")
        #expect(pdf.overfull.isEmpty, "\(pdf.overfull.prefix(3))")
        let key = try CourseKey("booklet-test-key")
        if let text = pdf.text {
            let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            for n in 1...count where n <= pages.count {
                #expect(pages[n - 1].contains("Student id: b\(n)."), "page \(n)")
                #expect(pages[n - 1].contains(key.code(for: "b\(n)")), "page \(n)'s code")
            }
        }
        let keys = try PDFLatex.compile(try String(contentsOfFile: out + "/booklet-keys.tex", encoding: .utf8))
        #expect(keys.status == 0, "pdflatex failed on the keys: \(keys.errors)")
    }
}
