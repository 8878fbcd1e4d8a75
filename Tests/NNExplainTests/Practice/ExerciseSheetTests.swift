import Foundation
import NNExplain
import NNExplainTestSupport
import Testing

/// Issue 19, item 11: the printed sheet has fields for the student's name and number, room to work
/// under each question, and a picture of the network with its numbers (never an activation).
struct ExerciseSheetTests {
    static func page(_ seed: UInt64, _ settings: Exercise.Settings = .init(), key: Bool = false) throws -> String {
        try Exercise(seed: seed, settings: settings).latexPage(key: key, naming: LayerNaming(depth: settings.sizes.count - 1, relative: false), precision: 9)
    }

    static func count(_ text: String, _ part: String) -> Int { text.components(separatedBy: part).count - 1 }

    /// Sheet 7 (the golden sheet's numbers): w_00^1 = −0.2, w_11^2 = −0.15, b_0^2 = −0.4,
    /// x_0 = 0.95, y_0 = 0.9, y_1 = 0.55; its a_1^1 = σ(0.645) = 0.656 is asked, so not shown.
    @Test func theStudentsSheetHasFieldsRoomAndAPictureWithTheGivenNumbers() throws {
        let sheet = try Self.page(7)
        #expect(sheet.contains("Name: \\underline{") && sheet.contains("Student number: \\underline{"))
        #expect(Self.count(sheet, "\\vspace{\(2.6)cm}") == 9, "room under each of the nine questions")
        #expect(Self.count(sheet, "\\begin{tikzpicture}") == 1 && sheet.contains("\\usepackage{tikz}"))
        for label in ["{$w_{00}^{1} = -0.2$}", "{$w_{11}^{2} = -0.15$}", "$b = -0.4$", "$0.95$", "{$y_{0} = 0.9$}", "{$y_{1} = 0.55$}"] {
            #expect(sheet.contains(label), "\(label)")
        }
        #expect(Self.count(sheet, "rounded corners") == 8, "every one of the 2 · 2 + 2 · 2 weights is labelled")
        #expect(!sheet.contains("0.656") && !sheet.contains("0.6558"))
    }

    @Test func theKeyHasThePictureButNoFieldsOrRoomAndTheWorkingOnANewPage() throws {
        let key = try Self.page(7, key: true)
        #expect(!key.contains("Name:") && !key.contains("\\vspace{2.6cm}") && key.contains("\\begin{tikzpicture}"))
        #expect(key.contains("\\newpage") && key.contains("The working"))
    }

    /// 4 × 4 weights between two layers are too many labels to place: the tables give them.
    @Test func aWideSheetsPictureLeavesTheWeightsToTheTables() throws {
        let sheet = try Self.page(5, .init(sizes: [4, 4, 4, 4], activation: .relu))
        #expect(sheet.contains("\\begin{tikzpicture}") && !sheet.contains("rounded corners") && sheet.contains("The weights are in the tables above."))
    }
}
