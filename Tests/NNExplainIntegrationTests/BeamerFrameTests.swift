import Foundation
import NNExplainCLI
import NNExplainTestSupport
import Testing

/// What a lecturer sees projected, frame by frame (pdftotext's pages, split at its form feeds):
/// an equation is never cut across two frames, a table of summands shares its frame with their
/// sum, a gradient check's backprop, numeric and relative-error columns share one, and slides
/// default to four significant digits.
struct BeamerFrameTests {
    static let tools = PDFLatex.pdflatex != nil && PDFLatex.pdftotext != nil

    /// The text of each frame of `arguments`' slides.
    static func frames(_ arguments: [String]) throws -> [String] {
        let pdf = try PDFLatex.compile(runCLI(arguments + ["--format", "beamer"]).stdout)
        #expect(pdf.status == 0, "pdflatex failed: \(pdf.errors)")
        return try #require(pdf.text).split(separator: "\u{0C}").map(String.init)
    }

    /// A frame that shows `⊙` applied to numbers (`⊙ 0.2486`, g′'s column) also shows the `δ … =`
    /// the product belongs to: once frame 10 ended `δ^{L−2} = ∂C₀/∂a ⊙ g′ = [∂C/∂a's numbers]`
    /// and frame 11 opened with `⊙ [g′'s numbers] = [δ]`, so frame 10 alone showed ∂C/∂a as δ.
    @Test(.enabled(if: tools, "\(PDFLatex.missing)"),
          arguments: [["matrix"], ["matrix", "--precision", "9"], ["matrix"] + BeamerTests.wide], BeamerTests.aspects)
    func noFrameShowsPartOfAnEquation(_ arguments: [String], aspect: String) throws {
        let frames = try Self.frames(arguments + ["--aspect", aspect])
        let products = frames.map { String($0.unicodeScalars.filter { !(0xE000...0xF8FF).contains($0.value) }) }.filter { $0.contains(/⊙\s*−?\d/) }
        #expect(!products.isEmpty)
        for frame in products {
            #expect(frame.contains(/δ\s*L−\d*\s*=/) || frame.contains(/δ\s*L\s*=/), "\(arguments) \(aspect): \(frame)")
        }
    }

    /// Every frame that shows a table of summands (tables of five and six rows, each one piece)
    /// also shows the sum of the terms, `∂C/∂a = t₀ + t₁ + …`.
    @Test(.enabled(if: tools, "\(PDFLatex.missing)"), arguments: ["9", "4"])
    func summandsShareTheirSumsFrame(_ precision: String) throws {
        let frames = try Self.frames(["step", "--random", "3,4,6,5", "--layer", "L-2", "--j", "1", "--k", "1", "--precision", precision])
        let tables = frames.filter { $0.contains("summand") }
        #expect(tables.count == 7, "one table of six terms and six of five")
        for frame in tables {
            #expect(frame.split(separator: "\n").contains { $0.hasPrefix("= ") && $0.contains(" + ") }, "\(frame)")
        }
    }

    /// In 4:3, at slides' default precision and at nine digits, each row of `check` reads across
    /// one frame: every frame with the backprop column has the numeric and relative-error ones too.
    @Test(.enabled(if: tools, "\(PDFLatex.missing)"), arguments: [[], ["--precision", "9"], BeamerTests.wide])
    func checkColumnsShareAFrame(_ extra: [String]) throws {
        let frames = try Self.frames(["check", "--aspect", "4:3"] + extra).filter { $0.contains("backprop") && $0.contains("parameter") }
        #expect(!frames.isEmpty)
        for frame in frames {
            #expect(frame.contains("numeric") && frame.contains("relative error"), "\(extra): \(frame)")
        }
    }

    /// Slides default to four significant digits, `--precision` still overrides, and the other
    /// formats keep nine: g′(z₀) of layer L-2, 0.239781241 at nine digits, is 0.2398 on a slide.
    @Test func slidesDefaultToFourDigits() {
        let slides = runCLI(["matrix", "--format", "beamer"]).stdout
        #expect(slides.contains("0.2398 ") && !slides.contains("0.23978"))
        #expect(slides == runCLI(["matrix", "--format", "beamer", "--precision", "4"]).stdout)
        #expect(runCLI(["matrix", "--format", "beamer", "--precision", "9"]).stdout.contains("0.239781241"))
        #expect(runCLI(["matrix", "--format", "latex"]).stdout.contains("0.239781241"))
        #expect(runCLI(["matrix", "--help"]).stdout.contains("4 with --format beamer"))
    }
}
