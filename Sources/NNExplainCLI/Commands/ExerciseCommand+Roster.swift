#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplain

/// `nnexplain exercise --roster FILE --course-key KEY`: a sheet for every student of a class,
/// drawn from the course key and the student's id, and what is made of them.
extension ExerciseCommand {
    static let roster = ValueOption<Void, String?>(
        name: "--roster", placeholder: "FILE",
        help: .summary("A class list, CSV with columns id and name: one sheet per student, drawn from --course-key and the id"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let courseKey = ValueOption<Void, CourseKey?>(
        name: "--course-key", placeholder: "KEY",
        help: .summary("With --roster: the teacher's secret (at least \(CourseKey.minimumLength) characters) the sheets are drawn from; without it nobody can rebuild a sheet"),
        parser: ValueParser<Void, CourseKey>(describe: { _ in "" }) { text, name, _ throws(ValidationError) in
            do throws(CourseKey.Problem) { return try CourseKey(text) } catch { throw ValidationError("\(name): \(error.message)") }
        }.optional,
        absent: .silent(nil))

    static let level = ValueOption<Void, Int?>(
        name: "--level", placeholder: "N",
        help: .summary("A named shape instead of --sizes: 1 is 2-2-2, 2 is 2-3-2, 3 is 3-3-2-1", showsBounds: true),
        parser: ValueParser.wholeNumber(in: 1...3).optional, absent: .silent(nil))

    static let outputDir = ValueOption<Void, String?>(
        name: "--output-dir", placeholder: "DIR",
        help: .summary("With --roster: write sheet-<id>.tex per student, booklet.tex, booklet-keys.tex and manifest.json into DIR (made if missing)"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    /// The settings the options give: `--level` or `--sizes` (not both), `--activation`, `--loss`.
    static func settings(_ arguments: Arguments) throws(CLIError) -> Exercise.Settings {
        let activation = try arguments.read(Self.activation), loss = try arguments.read(Self.loss)
        guard let level = try arguments.read(Self.level) else {
            return Exercise.Settings(sizes: try arguments.read(sizes), activation: activation, loss: loss)
        }
        if arguments.isGiven(sizes) { throw arguments.usage("--level and --sizes both give the sheet's shape; keep one") }
        return Exercise.Settings(level: level, activation: activation, loss: loss)!
    }

    /// The roster's sheets: with `--output-dir`, the files of ``RosterFiles``; without, every
    /// sheet on standard output.
    static func runRoster(_ path: String, settings: Exercise.Settings, _ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        guard let secret = try arguments.read(courseKey) else {
            throw arguments.usage("a roster's sheets are drawn from a course key; add --course-key KEY, a secret of at least \(CourseKey.minimumLength) characters")
        }
        for option in [seed, key, grade, showKey] as [any DeclaredOption] where arguments.isGiven(option) {
            let name = option.option.name
            let why = switch name {
            case seed.name: "each student's sheet is drawn from the course key and the id"
            case grade.name: "grade a class's answers with --grade-all ANSWERS.csv, one row per student"
            default: "the keys are written to booklet-keys.tex and manifest.json by --output-dir"
            }
            throw arguments.usage("\(name) does not go with --roster: " + why)
        }
        let roster = try readRoster(path, environment: environment)
        let keyWarning = secret.hasWhiteSpaceAtAnEnd
            ? ["the course key begins or ends with white space, which is part of the key: typed without it, it draws other sheets"] : []
        let sheets: [Exercise]
        do throws(Exercise.Problem) { sheets = try Exercise.sheets(for: roster, courseKey: secret, settings: settings) } catch {
            throw sheetProblem(error, settings)
        }
        if let answers = try arguments.read(gradeAll) {
            if arguments.isGiven(outputDir) { throw arguments.usage("--output-dir and --grade-all each make their own files; run one, then the other") }
            return try runGradeAll(answers, sheets: sheets, roster: path, arguments, environment)
        }
        try refuseGradeAllOutputs(arguments)
        if arguments.flag(noFollowThrough) { throw arguments.usage("--no-follow-through goes with --grade-all ANSWERS.csv, the class's answers to grade") }
        if let quiz = try quizFormat(arguments, roster: true) {
            var result = try runQuiz(sheets, format: quiz, settings: settings, roster: path, arguments, environment)
            result.warnings = keyWarning
            return result
        }
        guard let directory = try arguments.read(outputDir) else {
            var result = try printSheets(sheets, roster: roster, arguments, environment)
            result.warnings = keyWarning + result.warnings
            return result
        }
        if arguments.isGiven(Presentation.format(Presentation.Format.allCases)) {
            throw arguments.usage("--format does not go with --output-dir, which writes LaTeX sheets and a JSON manifest; drop one of them")
        }
        let precision = try arguments.read(Presentation.precision)
        let files: RosterFiles
        do throws(RosterFiles.Problem) { files = try RosterFiles(sheets: sheets, precision: precision) } catch {
            throw .badRoster(path: path, error.message)
        }
        let stale = try OutputFolder.write(files.files.map { ($0.name, $0.text) }, into: directory, pause: environment.pauseWhileWriting)
        var warnings = keyWarning + unprintableWarning(roster)
        if !stale.isEmpty {
            warnings.append("\(directory) also holds \(stale.count.counting("sheet")) this roster does not make (\(stale.prefix(3).joined(separator: ", "))"
                + "\(stale.count > 3 ? ", …" : "")), left from an earlier run; remove \(stale.count == 1 ? "it" : "them") if the roster changed")
        }
        return CommandResult(output: "Wrote \(sheets.count.counting("sheet")) (sheet-<id>.tex), booklet.tex, booklet-keys.tex and manifest.json to \(directory).\n",
                             warnings: warnings)
    }

    /// A warning naming the students whose name or id has characters pdflatex cannot print.
    private static func unprintableWarning(_ roster: Roster) -> [String] {
        let lost = roster.students.filter { !$0.printsInLaTeX }
        guard !lost.isEmpty else { return [] }
        let ids = lost.prefix(5).map { "'\($0.id)'" }.joined(separator: ", ") + (lost.count > 5 ? ", …" : "")
        return ["\(lost.count.counting("student")) (\(ids)) \(lost.count == 1 ? "has" : "have") characters in the name or id that pdflatex "
            + "cannot print with its standard fonts; the LaTeX shows each as a bold ?, while the id and sheet code still tell the sheets apart"]
    }

    /// Every student's sheet on standard output, one after another in the chosen format; with
    /// `--format latex --standalone`, the booklet. LaTeX warns of names pdflatex cannot print.
    private static func printSheets(_ sheets: [Exercise], roster: Roster, _ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let presentation = try Presentation(arguments, environment: environment, formats: [.text, .json, .markdown, .latex])
        let naming = LayerNaming(depth: sheets[0].network.depth, relative: false)
        switch presentation.format {
        case .latex where presentation.standalone:
            return CommandResult(output: Exercise.latexBooklet(sheets, key: false, precision: presentation.precision), warnings: unprintableWarning(roster))
        case .latex:
            return CommandResult(output: sheets.map { presentation.render($0.document(key: false), naming: naming) }.joined(separator: "\n"),
                                 warnings: unprintableWarning(roster))
        case .json:
            return CommandResult(output: presentation.render(Document([]), naming: naming, json: Exercise.Sheets(sheets, key: false)))
        default:
            return CommandResult(output: sheets.map { presentation.render($0.document(key: false), naming: naming) }.joined(separator: "\n"))
        }
    }

    /// The sentence for settings that make no sheet.
    static func sheetProblem(_ error: Exercise.Problem, _ settings: Exercise.Settings) -> CLIError {
        guard case .pairing(let problem) = error else { return .usage(error.message, command: command.name) }
        return .usage("\(activation.name) \(settings.activation.rawValue) with \(loss.name) \(settings.loss.rawValue) "
            + "does not make a sheet, since every layer of a sheet has that activation: \(problem.rule)", command: command.name)
    }

    /// Refuses an output (`name`, at `output`) that is one of the `inputs` (each with what it is),
    /// links followed: writing it would replace what the command reads.
    static func refuseReplacing(_ inputs: [(path: String, what: String)], by output: String, named name: String,
                                _ arguments: Arguments) throws(CLIError) {
        for (input, what) in inputs where !NetworkFileBytes.isStandardInput(input) && AtomicFile.sameFile(output, input) {
            throw arguments.usage("\(name) names the \(what) '\(input)' itself, which would be replaced; give another file name")
        }
    }

    /// The roster in the file at `path`, read as network files are (links followed, `-` for standard
    /// input, the same size bound): unreadable is exit 66, not a roster exit 65.
    static func readRoster(_ path: String, environment: Environment) throws(CLIError) -> Roster {
        let data = try NetworkFileBytes.contents(of: path, environment: environment, expected: "a .csv file", kind: "roster",
                                                 unreadable: CLIError.unreadableRoster)
        do throws(Roster.Problem) { return try Roster.parse(data) } catch { throw .badRoster(path: path, error.message) }
    }
}
