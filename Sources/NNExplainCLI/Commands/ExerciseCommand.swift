#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NNExplain

/// `nnexplain exercise`: a sheet of hand calculations drawn from a seed, its key, or a student's
/// answers graded against it.
enum ExerciseCommand {
    static let command = Command(
        name: "exercise",
        abstract: "Print an exercise sheet of hand calculations drawn from a seed, its answer key, or grade a student's answers.",
        discussion: """
            A small network with numbers of at most two decimals, and questions in the order of a
            hand calculation: a weighted sum z, an activation a, the loss, the three terms and the
            gradient of an output-layer weight, a hidden-layer weight's gradient, and the weight
            after one step. Every student gets a seed; the same seed gives the same sheet, and
            --key adds the answers with the full working:
              nnexplain exercise --seed 7
              nnexplain exercise --seed 7 --key
            --grade FILE checks a student's answers, a JSON object {"1": 0.42, …} or one answer a
            line as students write them ('1: 0.42', '2) 0,435', 'Q3: 1.2e-3'; a line that cannot
            be read is named and the others are graded). Only what is answered is graded. An
            answer is right when it agrees with the key to the digits its question asks for, or
            when it follows correctly from the student's own wrong earlier answer
            (follow-through); a wrong answer one unit off in the last digit is a rounding slip,
            and any other is matched against the values the common slips give (sign,
            factor-of-two, wrong-index, partial-sum, missing-term, new-weights). The key's
            answers are shown only with --show-key. Every sheet is drawn so that no answer is 0
            (with relu, every weighted sum is positive). The exit code is 0 whatever the score.

            For a class, --roster FILE (CSV with columns id and name) and --course-key KEY draw
            one sheet per student from a keyed hash (HMAC-SHA-256) of the student's id, so no
            student can rebuild a sheet or its key without the course key; a roster's sheet shows
            the student's name, id and a six-character sheet code, never a seed:
              nnexplain exercise --roster class.csv --course-key 'a secret phrase' --output-dir sheets
            writes sheet-<id>.tex per student, booklet.tex (every sheet on a page of its own),
            booklet-keys.tex and manifest.json (every answer at full precision, for the teacher).
            Without --output-dir the sheets are printed one after another (--format latex
            --standalone prints the booklet).
            --level 1|2|3 names a shape (2-2-2, 2-3-2, 3-3-2-1) in place of --sizes.

            --grade-all ANSWERS.csv grades a whole class against the roster's sheets: a header
            with the column id and one column per question (1, q1 or Q1; a blank cell is not
            answered; a decimal comma in quotes, or unquoted in Excel's ';'-separated CSV), one
            row per student. A row that cannot be read is named with its line; the others are
            graded. --gradebook FILE writes id,name,q1,…,total (1 a mark earned, 0 wrong,
            blank not answered); --report FILE the class report (HTML for .html, Markdown for .md,
            else text), printed when neither is given; --feedback-dir DIR one feedback file per
            student:
              nnexplain exercise --roster class.csv --course-key 'a secret phrase' \\
                --grade-all answers.csv --gradebook grades.csv --report report.html
            --no-follow-through (with --grade or --grade-all) gives no mark for an answer worked
            out from the student's own wrong earlier answer.

            With --roster and --course-key, --format moodle (Moodle XML), gift (Moodle's GIFT)
            or qti (a QTI 1.2 zip for Canvas Classic Quizzes, with --output FILE.zip) writes a
            quiz: one numerical question per student and question, the student's network in its
            text, the key as the right answer within half a unit of the third digit, and the
            values of the common slips with feedback that names them:
              nnexplain exercise --roster class.csv --course-key 'a secret phrase' --format moodle --output quiz.xml
            """,
        synopsis: [.optional(seed), .optional(sizes), .optional(level), .optional(activation), .optional(loss), .optional(key), .optional(grade), .optional(showKey),
                   .optional(roster), .optional(courseKey), .optional(outputDir), .optional(gradeAll), .optional(gradebook), .optional(report),
                   .optional(feedbackDir), .optional(noFollowThrough), .optional(format), .optional(quizOutput), .optional(Presentation.precision)],
        options: [seed, sizes, level, activation, loss, key, grade, showKey, roster, courseKey, outputDir, gradeAll, gradebook, report, feedbackDir,
                  noFollowThrough, format, quizOutput]
            + Presentation.options(formats: Presentation.Format.allCases).filter { $0.option.name != format.name },
        action: .parsed(run))

    static let seed = ValueOption<Void, Int>(
        name: "--seed", placeholder: "S", help: .summary("The sheet's seed; the same seed gives the same sheet everywhere", showsBounds: true),
        parser: .wholeNumber(in: 0...999_999_999), absent: .value(1))

    static let sizes = ValueOption<Void, [Int]>(
        name: "--sizes", placeholder: "SIZES",
        help: .summary("The layer sizes, inputs first: \(Exercise.Settings.layerCounts.lowerBound) or \(Exercise.Settings.layerCounts.upperBound) numbers, each \(Exercise.Settings.nodesPerLayer.lowerBound)…\(Exercise.Settings.nodesPerLayer.upperBound)"),
        parser: ValueParser(describe: { $0.map(String.init).joined(separator: ",") }) { text, name, _ throws(ValidationError) in
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmed) }
            guard Exercise.Settings.layerCounts.contains(parts.count),
                  parts.allSatisfy({ $0.map(Exercise.Settings.nodesPerLayer.contains) ?? false }) else {
                throw ValidationError("\(name) \(text) is not a sheet's layer sizes; give 3 or 4 whole numbers "
                    + "\(Exercise.Settings.nodesPerLayer.lowerBound)…\(Exercise.Settings.nodesPerLayer.upperBound) separated by commas, e.g. \(name) 2,2,2")
            }
            return parts.map { $0! }
        },
        absent: .value(Exercise.Settings.defaultSizes))

    static let activation = ValueOption<Void, Activation>(
        name: "--activation", placeholder: "NAME", help: .summary("Every layer's activation"),
        parser: Options.activation.parser, absent: .value(.sigmoid))

    static let loss = ValueOption<Void, Loss>(
        name: "--loss", placeholder: "NAME", help: .choices(),
        parser: .choice(of: Loss.allCases, listed: .commas) { text, _, names in
            "unknown loss '\(text)'; use one of " + names.joined(separator: ", ")
        },
        absent: .value(.squared))

    static let key = Flag(name: "--key", help: "Add the answers, with the full working (the forward pass, both gradients and the step).")

    static let grade = ValueOption<Void, String?>(
        name: "--grade", placeholder: "FILE", help: .summary("Grade the answers in FILE (JSON or '1: 0.42' lines) against this sheet's key"),
        parser: ValueParser.path.optional, absent: .silent(nil))

    static let showKey = Flag(name: "--show-key", help: "With --grade: show the key's answer beside each of the student's (for the teacher).")

    static func run(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
        let settings = try settings(arguments)
        if let path = try arguments.read(roster) { return try runRoster(path, settings: settings, arguments, environment) }
        _ = try quizFormat(arguments, roster: false)
        for option in [courseKey, outputDir, gradeAll] as [any DeclaredOption] where arguments.isGiven(option) {
            throw arguments.usage("\(option.option.name) goes with --roster FILE, a class list to draw one sheet per student from")
        }
        let sheetSeed = UInt64(try arguments.read(Self.seed))
        let exercise: Exercise
        do throws(Exercise.Problem) { exercise = try Exercise(seed: sheetSeed, settings: settings) } catch {
            throw sheetProblem(error, settings)
        }
        let naming = LayerNaming(depth: exercise.network.depth, relative: false)
        try refuseGradeAllOutputs(arguments)
        if let path = try arguments.read(grade) {
            if arguments.flag(key) { throw arguments.usage("--key and --grade cannot be used together; to show the key's answers beside the student's, add --show-key") }
            let presentation = try Presentation(arguments, environment: environment, formats: [.text, .json])
            let answers = try readAnswers(path, environment: environment)
            let grading: Grading
            do throws(Grading.Mismatch) {
                grading = try Grading(exercise, answers: answers, showKey: arguments.flag(showKey), followThrough: !arguments.flag(noFollowThrough))
            } catch {
                throw .badAnswersFile(path: path, error.message + " (" + exercise.command() + ")")
            }
            return CommandResult(output: presentation.render(grading.document, naming: naming, json: grading))
        }
        if arguments.flag(showKey) { throw arguments.usage("--show-key goes with --grade FILE; to print the answer key itself, use --key") }
        if arguments.flag(noFollowThrough) { throw arguments.usage("--no-follow-through goes with --grade FILE or --grade-all ANSWERS.csv") }
        let presentation = try Presentation(arguments, environment: environment, formats: Presentation.Format.allCases)
        let withKey = arguments.flag(key)
        if presentation.format == .latex && presentation.standalone {
            return CommandResult(output: exercise.latexPage(key: withKey, naming: naming, precision: presentation.precision))
        }
        return CommandResult(output: presentation.render(exercise.document(key: withKey), naming: naming, json: exercise.sheet(key: withKey)))
    }

    /// The answers in the file at `path`, read as network files are (links followed, `-` for
    /// standard input, the same size bound): unreadable is exit 66, not answers exit 65.
    private static func readAnswers(_ path: String, environment: Environment) throws(CLIError) -> Answers {
        let data = try NetworkFileBytes.contents(of: path, environment: environment, expected: "the file of answers", kind: "file of answers",
                                                 unreadable: CLIError.unreadableAnswers)
        do throws(Answers.FormatError) {
            return try Answers.parse(data)
        } catch {
            throw .badAnswersFile(path: path, error.message)
        }
    }
}
