import NNExplain

/// `nnexplain exercise --roster FILE --course-key KEY --grade-all ANSWERS.csv`: every student's row
/// of a class's answers graded against their own sheet, into a gradebook, a class report and, on
/// request, one feedback file per student.
extension ExerciseCommand {
    static let gradeAll = ValueOption<Void, String?>(
        name: "--grade-all", placeholder: "ANSWERS.csv",
        help: .summary("With --roster: grade every row of ANSWERS.csv (id, then one column per question, blank for unanswered) against that student's sheet"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let gradebook = ValueOption<Void, String?>(
        name: "--gradebook", placeholder: "FILE",
        help: .summary("With --grade-all: write the gradebook CSV (id,name,q1,…,total) to FILE"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let report = ValueOption<Void, String?>(
        name: "--report", placeholder: "FILE",
        help: .summary("With --grade-all: write the class report to FILE, HTML for .html, Markdown for .md, else text (or as --format says)"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let feedbackDir = ValueOption<Void, String?>(
        name: "--feedback-dir", placeholder: "DIR",
        help: .summary("With --grade-all: write each graded student's feedback to DIR/feedback-<id>.txt (DIR made if missing)"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let noFollowThrough = Flag(
        name: "--no-follow-through",
        help: "With --grade or --grade-all: no mark for an answer worked out correctly from the student's own wrong earlier answer.")

    /// Refuses `--gradebook`, `--report` and `--feedback-dir` where there is no `--grade-all`.
    static func refuseGradeAllOutputs(_ arguments: Arguments) throws(CLIError) {
        for option in [gradebook, report, feedbackDir] where arguments.isGiven(option) {
            throw arguments.usage("\(option.name) goes with --grade-all ANSWERS.csv (and --roster FILE --course-key KEY), whose grading it writes")
        }
    }

    /// The formats of the class report.
    enum ReportFormat: String { case text, markdown, html }

    /// Grades the answers file at `path` against `sheets` (a roster's, in its order) and writes what
    /// the options ask; with neither `--gradebook` nor `--report`, the report goes to standard output.
    /// Every text is made before any file is written, so bad input writes nothing.
    static func runGradeAll(_ path: String, sheets: [Exercise], roster rosterPath: String, _ arguments: Arguments,
                            _ environment: Environment) throws(CLIError) -> CommandResult {
        let bookPath = try arguments.read(gradebook), reportPath = try arguments.read(report), folder = try arguments.read(feedbackDir)
        let outputs = [(gradebook.name, bookPath), (report.name, reportPath)].compactMap { name, path in path.map { (name, $0) } }
        for (n, (name, output)) in outputs.enumerated() {
            try refuseReplacing([(path, "answers file"), (rosterPath, "roster")], by: output, named: name, arguments)
            if n > 0, AtomicFile.sameFile(output, outputs[0].1) {
                throw arguments.usage("\(outputs[0].0) and \(name) name the same file '\(output)'; give each its own")
            }
        }
        for (name, output) in outputs + [(feedbackDir.name, folder)].compactMap({ name, path in path.map { (name, $0) } }) where output.isEmpty {
            throw arguments.usage("\(name) needs a name; give a file or folder name, or drop \(name)")
        }
        if let folder, let clash = outputs.first(where: { AtomicFile.sameFile($0.1, folder) }) {
            throw arguments.usage("\(feedbackDir.name) and \(clash.0) name the same path '\(folder)'; give each its own")
        }
        // Every file's place is checked before any is written, so a report that cannot be written
        // leaves no gradebook or feedback behind.
        for (_, output) in outputs { try OutputFolder.checkFileCanBeWritten(output) }
        let (format, presentation) = try reportFormat(reportPath, arguments, environment)
        let precision = presentation.precision
        let answers = try readClassAnswers(path, questions: sheets.first?.questions.map(\.id) ?? [], environment: environment)
        let grading = ClassGrading(sheets: sheets, answers: answers, followThrough: !arguments.flag(noFollowThrough))
        let naming = LayerNaming(depth: sheets.first?.network.depth ?? 2, relative: false)
        let reportText: String
        switch format {
        case .text:
            reportText = TextRenderer(naming: naming, precision: precision, ascii: presentation.ascii,
                                      width: reportPath == nil ? presentation.width : nil).render(grading.report)
        case .markdown: reportText = MarkdownRenderer(naming: naming, precision: precision).render(grading.report)
        case .html: reportText = grading.report.htmlPage(title: "Class report", naming: naming, precision: precision)
        }
        var feedback: [RosterFiles.File] = []
        if folder != nil {
            do throws(RosterFiles.Problem) { feedback = try grading.feedbackFiles(precision: precision) } catch {
                throw .badRoster(path: rosterPath, error.message)
            }
        }
        // All or nothing: the gradebook and the report are written whole first, then the feedback
        // folder (itself all or nothing), and only then are the two put in place.
        let staged = try AtomicFile.stage(all: [bookPath.map { (grading.gradebook, $0) }, reportPath.map { (reportText, $0) }].compactMap { $0 },
                                          pause: environment.pauseWhileWriting)
        do throws(CLIError) {
            if let folder { _ = try OutputFolder.write(feedback.map { ($0.name, $0.text) }, into: folder, pause: environment.pauseWhileWriting) }
        } catch {
            for file in staged { file.discard() }
            throw error
        }
        try AtomicFile.commit(staged)
        guard bookPath != nil || reportPath != nil else { return CommandResult(output: reportText) }
        return CommandResult(output: summary(grading, wrote: [bookPath, reportPath].compactMap { $0 }, feedback: folder.map { (feedback.count, $0) }))
    }

    /// The report's format: by `--report`'s extension (`.html`/`.htm`, `.md`/`.markdown`, `.txt`), else `--format` (text or markdown).
    private static func reportFormat(_ path: String?, _ arguments: Arguments, _ environment: Environment) throws(CLIError) -> (ReportFormat, Presentation) {
        if let format = arguments.value(Presentation.format(Presentation.Format.allCases).name), !["text", "markdown"].contains(format) {
            throw arguments.usage("--format \(format) does not go with --grade-all, whose report is text or markdown "
                + "(or HTML, by --report FILE.html)" + (["moodle", "gift", "qti"].contains(format) ? "; grade and export in separate runs" : ""))
        }
        let presentation = try Presentation(arguments, environment: environment, formats: [.text, .markdown]), chosen = presentation.format
        let given = arguments.isGiven(Presentation.format(Presentation.Format.allCases))
        let byName: ReportFormat?
        switch path.flatMap({ $0.split(separator: ".").count > 1 ? $0.split(separator: ".").last?.lowercased() : nil }) {
        case "html", "htm": byName = .html
        case "md", "markdown": byName = .markdown
        case "txt", "text": byName = .text
        default: byName = nil
        }
        let byFormat: ReportFormat = chosen == .markdown ? .markdown : .text
        if let byName, given, byName != byFormat {
            throw arguments.usage("--report '\(path!)' names a \(byName.rawValue) file but --format says \(chosen.rawValue); drop one of them")
        }
        if presentation.ascii && byName != nil && byName != .text { throw arguments.usage("--ascii applies to a text report only; drop it") }
        return (byName ?? byFormat, presentation)
    }

    /// The class's answers in the file at `path`, read as other input files are: unreadable is exit 66, not answers exit 65.
    private static func readClassAnswers(_ path: String, questions: [String], environment: Environment) throws(CLIError) -> ClassAnswers {
        let data = try NetworkFileBytes.contents(of: path, environment: environment, expected: "a CSV file of the class's answers",
                                                 kind: "answers file", unreadable: CLIError.unreadableAnswers)
        do throws(ClassAnswers.Problem) { return try ClassAnswers.parse(data, questions: questions) } catch {
            throw .badAnswersFile(path: path, error.message)
        }
    }

    /// What was graded and written, in a sentence or two.
    private static func summary(_ grading: ClassGrading, wrote files: [String], feedback: (count: Int, folder: String)?) -> String {
        var notes: [String] = []
        if !grading.withoutAnswers.isEmpty { notes.append("\(grading.withoutAnswers.count) without answers") }
        if !grading.unread.isEmpty { notes.append("\(grading.unread.count.counting("row")) not read") }
        if !grading.unknownIds.isEmpty { notes.append("\(grading.unknownIds.count.counting("id")) not on the roster") }
        var written = files.map { "'\($0)'" }
        if let feedback { written.append("\(feedback.count.counting("feedback file")) in '\(feedback.folder)'") }
        return "Graded the answers of \(grading.gradings.count) of \(grading.entries.count.counting("student"))"
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + "; see the report)") + "; wrote " + (written.count < 2 ? written.joined() : written.dropLast().joined(separator: ", ") + " and " + written.last!) + ".\n"
    }
}
