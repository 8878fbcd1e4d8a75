/// What a roster's sheets become for the teacher: one LaTeX sheet per student, a booklet of all of
/// them and one of their keys, and a manifest with every answer at full precision.
public struct RosterFiles: Sendable {
    /// One file's name (no folder) and its text.
    public struct File: Sendable, Equatable {
        public let name: String
        public let text: String
    }

    /// The files, in the order to write them: `sheet-<id>.tex` per student in roster order, then
    /// `booklet.tex`, `booklet-keys.tex` and `manifest.json`.
    public let files: [File]

    /// The files of `sheets`.
    ///
    /// - Parameters:
    ///   - sheets: a roster's sheets (``Exercise/sheets(for:courseKey:settings:)``), each with an owner.
    ///   - precision: significant digits of every number the LaTeX prints.
    /// - Throws: ``Problem/sameFileName(_:_:name:)`` when two ids make the same file name, or names
    ///   that differ only in case.
    public init(sheets: [Exercise], precision: Int) throws(Problem) {
        var named: [String: String] = [:], files: [File] = []
        for sheet in sheets {
            let id = sheet.owner?.student.id ?? String(sheet.seed), name = RosterFiles.sheetName(id: id)
            // Compared without case: the file systems of macOS and Windows take `A` and `a` as one name.
            if let other = named[name.lowercased()] { throw .sameFileName(other, id, name: name) }
            named[name.lowercased()] = id
            files.append(File(name: name, text: sheet.latexPage(key: false, naming: LayerNaming(depth: sheet.network.depth, relative: false),
                                                                  precision: precision)))
        }
        files.append(File(name: "booklet.tex", text: Exercise.latexBooklet(sheets, key: false, precision: precision)))
        files.append(File(name: "booklet-keys.tex", text: Exercise.latexBooklet(sheets, key: true, precision: precision)))
        files.append(File(name: "manifest.json", text: RosterFiles.manifest(sheets).fileText))
        self.files = files
    }

    /// `sheet-<id>.tex`, the id as ``fileSafe(_:)`` writes it.
    static func sheetName(id: String) -> String { "sheet-" + fileSafe(id) + ".tex" }

    /// `id` with each character outside ASCII letters, digits, `-`, `_` and `.` written as `_`,
    /// so any id makes a name every file system takes.
    static func fileSafe(_ id: String) -> String {
        id.unicodeScalars.map { scalar -> String in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? String(scalar) : "_"
        }.joined()
    }

    /// `{"students": [{"id", "name", "code", "answers": {"1": …, …}}]}`: every answer unrounded,
    /// as the sheet's key computes it, for the teacher.
    public static func manifest(_ sheets: [Exercise]) -> JSONValue {
        .object([("students", .array(sheets.map { sheet in
            let answers = sheet.answers
            return .object([
                ("id", .string(sheet.owner?.student.id ?? "")), ("name", .string(sheet.owner?.student.name ?? "")),
                ("code", .string(sheet.owner?.code ?? "")),
                ("answers", .object(sheet.questions.enumerated().map { n, question in (question.id, JSONValue.number(answers[n])) })),
            ])
        }))])
    }

    /// Why a roster's files cannot be written.
    public enum Problem: Error, Equatable, Sendable {
        /// Ids `first` and `second` both make the file name `name`.
        case sameFileName(String, String, name: String)
    }
}

extension Roster.Student {
    /// Whether the student's name and id reach a LaTeX sheet whole: pdflatex's standard fonts
    /// print Latin letters with their accents but not, say, Chinese, Hebrew or Greek letters,
    /// which the LaTeX shows as a bold `?`.
    public var printsInLaTeX: Bool { LatexProse.isPrintable(name) && LatexProse.isPrintable(id) }
}
