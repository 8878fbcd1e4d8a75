import NNExplain

/// `nnexplain exercise --roster FILE --course-key KEY --format moodle|gift|qti [--output FILE]`: a
/// roster's sheets as a quiz to import into a learning platform (``Quiz``).
extension ExerciseCommand {
    /// What `--format` takes for the exercise command: a sheet's formats, and the quiz formats of a roster.
    enum SheetFormat: String, CaseIterable, Sendable {
        case text, json, markdown, latex, beamer, moodle, gift, qti

        /// The quiz formats, which need `--roster`.
        var isQuiz: Bool { self == .moodle || self == .gift || self == .qti }
    }

    static let format = ValueOption<Void, SheetFormat>(
        name: "--format", placeholder: "FORMAT", help: .choices(remark: "json has full precision"),
        parser: .choice(of: SheetFormat.allCases, listed: .commas, notes: { format in
            switch format {
            case .moodle: return .remark("with --roster: a Moodle XML quiz")
            case .gift: return .remark("with --roster: the quiz in Moodle's GIFT")
            case .qti: return .remark("with --roster and --output FILE.zip: a QTI 1.2 package for Canvas")
            default: return nil
            }
        }) { text, name, names in
            "unknown format '\(text)' for \(name); use " + ListStyle.natural.join(names)
        },
        absent: .value(.text))

    /// `--output FILE`, for a quiz only.
    static let quizOutput = ValueOption<Void, String?>(
        name: "--output", placeholder: "FILE",
        help: .summary("With --format moodle, gift or qti: write the quiz to FILE (safely) instead of standard output; qti needs a FILE.zip"),
        parser: ValueParser.outputFile.optional, absent: .silent(nil))

    /// The quiz format asked for, if `--format` names one; a quiz format without `--roster`, or
    /// `--output` without a quiz format, is a usage error.
    static func quizFormat(_ arguments: Arguments, roster: Bool) throws(CLIError) -> SheetFormat? {
        let chosen = try arguments.read(format)
        if !roster && chosen.isQuiz {
            throw arguments.usage("--format \(chosen.rawValue) writes a class's quiz; add --roster FILE and --course-key KEY")
        }
        if !chosen.isQuiz && arguments.isGiven(quizOutput) {
            throw arguments.usage("--output goes with --roster and --format moodle, gift or qti, which write a quiz")
        }
        return chosen.isQuiz ? chosen : nil
    }

    /// The quiz of `sheets` in `format`: to standard output, or to `--output` (safely; required,
    /// and a `.zip` name, for qti). Every problem is found before anything is written.
    static func runQuiz(_ sheets: [Exercise], format: SheetFormat, settings: Exercise.Settings, roster: String,
                        _ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        if arguments.isGiven(outputDir) {
            throw arguments.usage("--output-dir writes LaTeX sheets and --format \(format.rawValue) a quiz; make each in a run of its own")
        }
        let file = try arguments.read(quizOutput)
        if let file { try refuseReplacing([(roster, "roster")], by: file, named: quizOutput.name, arguments) }
        if format == .qti {
            guard let file else { throw arguments.usage("--format qti writes a zip file; add --output FILE.zip") }
            guard file.lowercased().hasSuffix(".zip") else {
                throw arguments.usage("--output '\(file)' should end in .zip, the package Canvas's QTI import takes; e.g. --output quiz.zip")
            }
        }
        let quiz = Quiz(sheets: sheets, title: "Backpropagation by hand, " + settings.sizes.map(String.init).joined(separator: "-"))
        let name = ["moodle": "Moodle XML", "gift": "GIFT", "qti": "a QTI package"][format.rawValue] ?? format.rawValue
        let count = "\(quiz.questions.count.counting("question")) (\(sheets.first?.questions.count ?? 0) for each of \(sheets.count.counting("student")))"
        switch format {
        case .qti:
            try AtomicFile.write(bytes: quiz.qtiZip(), to: file!, pause: environment.pauseWhileWriting)
        default:
            let text = format == .moodle ? quiz.moodleXML() : quiz.gift()
            guard let file else { return CommandResult(output: text) }
            try AtomicFile.write(text, to: file, pause: environment.pauseWhileWriting)
        }
        return CommandResult(output: "Wrote \(count) as \(name) to \(file!).\n")
    }
}
