import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// `--format beamer` and the LaTeX fragment as a person sees them: compiled with pdflatex, every
/// slide within its frame at both aspect ratios, the fragment at home in an article and in a
/// beamer frame, and the PDF's text showing bars and option names as they were written.
struct BeamerTests {
    static let explaining = CommandLines.explaining + [["exercise", "--seed", "7"], ["exercise", "--seed", "7", "--key"]]

    static let aspects = ["4:3", "16:9"]

    /// Compiles without an error and without an overfull box: every frame may break onto a
    /// continuation frame, so a slide too full is an overfull `\vbox`, a line too wide an `\hbox`.
    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"), arguments: explaining, aspects)
    func beamerFitsItsFrames(_ arguments: [String], aspect: String) throws {
        let result = runCLI(arguments + ["--format", "beamer", "--aspect", aspect])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\\documentclass[aspectratio=\(aspect == "4:3" ? "43" : "169")]{beamer}\n"))
        #expect(result.stdout.hasSuffix("\\end{document}\n"))
        let pdf = try PDFLatex.compile(result.stdout)
        #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
        #expect(pdf.overfull.isEmpty, "\(pdf.overfull)")
    }

    /// Every explaining command on the built-in network and on a wider random one (4,6,6,3, with
    /// matrices of six columns and sums of six terms), as slides at both aspect ratios and as the
    /// fragment in an article: no line and no page runs over by more than a point. Slides scale a
    /// display down to 80% at most, so what would need more shows here as an overfull `\hbox`.
    static let wide = ["--random", "4,6,6,3", "--seed", "7"]
    static let layouts: [[String]] = [[], wide].flatMap { network in [
        ["step", "--layer", "L-1", "--j", "2", "--k", "2"], ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"],
        ["forward"], ["gradients"], ["update", "--layer", "L-1", "--j", "2", "--k", "2"], ["check"],
        ["matrix"], ["matrix", "--average"],
    ].map { $0 + network } }

    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"), arguments: layouts)
    func nothingRunsOverAPageOrAFrame(_ arguments: [String]) throws {
        let article = "\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n"
            + runCLI(arguments + ["--format", "latex"]).stdout + "\\end{document}\n"
        for source in [article] + Self.aspects.map({ runCLI(arguments + ["--format", "beamer", "--aspect", $0]).stdout }) {
            let pdf = try PDFLatex.compile(source)
            #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
            let over = pdf.overfull.filter { line in
                (line.firstMatch(of: /\(([0-9.]+)pt too/).flatMap { Double($0.output.1) } ?? .infinity) > 1
            }
            #expect(over.isEmpty, "\(arguments) in \(source.prefix(40)): \(over)")
        }
    }

    /// A continuation frame starts between blocks, never inside a sentence: no continued slide's
    /// first line opens with a word in lower case (as "form's gradient, one for every weight" once did).
    @Test(.enabled(if: PDFLatex.pdflatex != nil && PDFLatex.pdftotext != nil, "\(PDFLatex.missing)"),
          arguments: [["matrix"], ["matrix", "--average"], ["matrix"] + wide, ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"] + wide])
    func framesBreakBetweenBlocks(_ arguments: [String]) throws {
        for aspect in Self.aspects {
            let text = try #require(try PDFLatex.compile(runCLI(arguments + ["--format", "beamer", "--aspect", aspect]).stdout).text)
            let pages = text.split(separator: "\u{0C}").map { $0.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) } }
            #expect(pages.count > 3)
            let openings = pages.compactMap { lines in
                lines.firstIndex { $0.contains("(continued)") }.flatMap { $0 + 1 < lines.count ? lines[$0 + 1] : nil }
            }
            #expect(!openings.isEmpty)
            // A word in lower case, not a letter of a formula (`s = 6:`) nor the block `numpy: …`.
            func opensMidSentence(_ line: Substring) -> Bool {
                !line.hasPrefix("numpy:") && line.prefix(2).count == 2 && line.prefix(2).allSatisfy { $0.isASCII && $0.isLowercase }
            }
            #expect(!openings.contains(where: opensMidSentence), "\(arguments) \(aspect): \(openings)")
        }
    }

    /// The fragment compiles in an `article` and inside a beamer frame, so "needs only amsmath" holds.
    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"), arguments: CommandLines.explaining)
    func fragmentCompilesInABeamerFrameAndAnArticle(_ arguments: [String]) throws {
        let fragment = runCLI(arguments + ["--format", "latex"]).stdout
        let wrappers = [
            ("\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\n", "\\end{document}\n"),
            ("\\documentclass{beamer}\n\\usepackage{amsmath}\n\\begin{document}\n\\begin{frame}[allowframebreaks]{Slide}\n",
             "\\end{frame}\n\\end{document}\n"),
        ]
        for (opening, closing) in wrappers {
            let pdf = try PDFLatex.compile(opening + fragment + closing)
            #expect(pdf.status == 0, "pdflatex failed in \(opening.prefix(30)): \(pdf.errors)")
        }
    }

    /// `|backprop − numeric|` keeps its bars (a bare `|` is an em dash in TeX's default font) and
    /// `--average` its two hyphens (TeX joins `--` into an en dash), in both LaTeX outputs.
    @Test(.enabled(if: PDFLatex.pdflatex != nil && PDFLatex.pdftotext != nil, "\(PDFLatex.missing)"),
          arguments: [["--format", "latex", "--standalone"], ["--format", "beamer"]])
    func barsAndOptionNamesSurviveTypesetting(_ format: [String]) throws {
        let check = try PDFLatex.compile(runCLI(["check", "--network", CommandLines.mazur] + format).stdout)
        let checkText = try #require(check.text)
        #expect(checkText.contains("|backprop"))
        #expect(!checkText.contains("\u{2014}"), "an em dash where a bar belongs")
        let update = try PDFLatex.compile(runCLI(["update", "--layer", "L-1", "--j", "2", "--k", "2"] + format).stdout)
        let updateText = try #require(update.text)
        #expect(updateText.contains("--average"))
        #expect(!updateText.contains("\u{2013}"), "an en dash where an option name belongs")
    }

    /// A page never opens in the middle of an equation (`= 0.244112587` alone at the top of page 2):
    /// the article may break between equations, not inside one.
    @Test(.enabled(if: PDFLatex.pdflatex != nil && PDFLatex.pdftotext != nil, "\(PDFLatex.missing)"))
    func noPageOpensInsideAnEquation() throws {
        let arguments = ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average", "--format", "latex", "--standalone"]
        let text = try #require(try PDFLatex.compile(runCLI(arguments).stdout).text)
        let pages = text.split(separator: "\u{0C}").dropFirst()
        let openings = pages.compactMap { $0.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } }
        #expect(!openings.isEmpty)
        #expect(openings.allSatisfy { !$0.hasPrefix("=") }, "\(openings)")
    }
}

/// Every standalone LaTeX document and exercise sheet compiles with pdflatex (``PDFLatex``); where it
/// is missing these tests are reported as skipped, and `FormatTests`' balance test still runs.
struct LaTeXCompileTests {
    /// Every explaining command's standalone document.
    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"), arguments: CommandLines.explaining)
    func latexCompiles(_ arguments: [String]) throws {
        let source = runCLI(arguments + ["--format", "latex", "--standalone"]).stdout
        #expect(!source.contains("\\textbf{?}"), "the tool's own prose has a character pdflatex cannot print")
        let pdf = try PDFLatex.compile(source)
        #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
        #expect(pdf.text != nil || PDFLatex.pdftotext == nil, "no PDF")
    }

    /// Compiles the student's sheet (its name fields, picture and room to work under each
    /// question: at most three pages) and the key with pdflatex. Skipped where pdflatex is missing
    /// (.ci/run installs it).
    @Test(.enabled(if: PDFLatex.pdflatex != nil, "\(PDFLatex.missing)"),
          arguments: [["--sizes", "2,2,2"], ["--activation", "tanh"], ["--sizes", "3,3,2"], ["--sizes", "4,4,4,4", "--activation", "relu"], ["--key"]])
    func latexSheetsCompile(_ extra: [String]) throws {
        let pdf = try PDFLatex.compile(runCLI(["exercise", "--seed", "9", "--format", "latex", "--standalone"] + extra).stdout)
        #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
        if !extra.contains("--key") {
            #expect(pdf.pages.map { (1...3).contains($0) } ?? true, "the sheet is \(pdf.pages ?? 0) pages")
            #expect(pdf.text.map { $0.contains("Student number") } ?? true)
        }
    }
}
