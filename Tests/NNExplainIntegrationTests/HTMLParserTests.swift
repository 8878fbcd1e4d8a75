import Foundation
import NNExplainTestSupport
import Testing

/// The `html` page read by a second, independent parser, python3's `html.parser` (the first is
/// `HTMLPageTests`' own tag check).
struct HTMLParserTests {
    @Test(.enabled(if: Tools.python3 != nil,
                   Tools.missing("python3", install: "Debian: python3", unchecked: "the page was not read by html.parser")))
    func pythonsParserReadsThePage() throws {
        let page = runCLI(["html"]).stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        // python3's html.parser as a second, independent reader: it reports any tag it cannot read.
        let python = try #require(Tools.python3)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import sys, html.parser
            class P(html.parser.HTMLParser):
                def __init__(self):
                    super().__init__(); self.bad = []
                def unknown_decl(self, data): self.bad.append(data)
            p = P(); p.feed(sys.stdin.read()); p.close()
            print("ok" if not p.bad and not p.rawdata else "bad")
            """]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(page.utf8))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(answer == "ok\n")
    }
}
