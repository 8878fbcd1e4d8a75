/// A class's answers in one CSV file: a header naming the column `id` and one column per question
/// (`1`, `q1`, `Q1` or `Question 1`; other columns, such as a name, are ignored), then one row per
/// student. A blank cell is a question not answered; an answer is written as a student writes one
/// (``Answers/number(_:)``: a decimal comma, `1.2e-3`, `1.2 × 10^-3`). Fields are separated by
/// commas, or by semicolons when the header has more semicolons than commas, as Excel writes CSV
/// where the decimal mark is a comma (there `0,42` needs no quotes; with commas it does, `"0,42"`).
///
/// A row that cannot be read (``RowProblem``) is kept with its line and the reason; every other
/// row is read.
public struct ClassAnswers: Sendable, Equatable {
    /// One student's row.
    public struct Row: Sendable, Equatable {
        /// The 1-based line of the file the row starts on.
        public let line: Int
        /// The student's id, less spaces at either end.
        public let id: String
        /// The answers of the row's filled cells, in column order.
        public let answers: Answers
    }

    /// The rows read, in file order.
    public let rows: [Row]
    /// The rows that could not be read, in file order.
    public let unread: [RowProblem]

    /// Why the file as a whole is not a class's answers (the sentence: ``message``).
    public enum Problem: Error, Equatable, Sendable {
        /// The records cannot be told apart (not UTF-8, broken quoting), or the file is empty.
        case csv(DataError)
        /// The header has no column `id`; it has `columns`.
        case noIdColumn(columns: [String])
        /// The header names no question of the sheets, whose questions are `first` to `last`.
        case noQuestionColumn(columns: [String], first: String, last: String)
        /// The header's column `column` names a question the sheets, of questions `first` to `last`, do not have.
        case notOnSheet(column: String, first: String, last: String)
        /// Two columns, `first` and `second`, name the same question.
        case repeatedQuestion(first: String, second: String)
        /// The header is followed by no row.
        case noRows
    }

    /// Why one row cannot be read (the sentence, naming its line: ``message``).
    public enum RowProblem: Error, Equatable, Sendable {
        /// The row has `count` fields where the header has `columns`; `id` is the id its field in
        /// the id column gives, if it has one.
        case fieldCount(line: Int, id: String?, count: Int, columns: Int)
        /// The row's quoting is broken (a quote left open, text after a closing quote, a quote inside
        /// an unquoted field), so its fields cannot be told apart.
        case quoting(line: Int)
        /// The row's id is empty.
        case emptyId(line: Int)
        /// The row repeats the id of the row on line `first`.
        case repeatedId(String, line: Int, first: Int)
        /// The cell of question `question` holds `text`, not a number.
        case notANumber(line: Int, id: String, question: String, text: String)

        /// The line of the row.
        public var line: Int {
            switch self {
            case .fieldCount(let line, _, _, _), .emptyId(let line), .repeatedId(_, let line, _), .notANumber(let line, _, _, _), .quoting(let line):
                return line
            }
        }

        /// The id the row gives, if any (a row whose fields cannot be counted may still name one).
        public var id: String? {
            switch self {
            case .notANumber(_, let id, _, _), .repeatedId(let id, _, _): return id
            case .fieldCount(_, let id, _, _): return id
            case .emptyId, .quoting: return nil
            }
        }
    }

    /// The answers in the UTF-8 CSV `bytes`, for sheets whose questions are `questions` (their ids, in order).
    ///
    /// - Throws: ``Problem`` when the file is not CSV, its header names no `id` or no question, a
    ///   question the sheets do not have or a question twice, or when no row follows the header.
    public static func parse(_ bytes: [UInt8], questions: [String]) throws(Problem) -> ClassAnswers {
        var records: [CSVTable.Row], broken: [RowProblem] = []
        do { records = try CSVTable.records(bytes, separator: separator(bytes)) } catch {
            (records, broken) = try lineByLine(bytes, separator: separator(bytes))
        }
        guard !records.isEmpty else { throw .csv(.empty) }
        let header = records.removeFirst().fields
        let (idColumn, columns) = try readHeader(header, questions: questions)
        guard !records.isEmpty || !broken.isEmpty else { throw .noRows }
        var rows: [Row] = [], unread: [RowProblem] = broken, seen: [String: Int] = [:]
        // A blank line, or a row of empty fields (`,,,`) as spreadsheets write below the data, is skipped.
        for record in records where !record.fields.allSatisfy({ $0.trimmed.isEmpty }) {
            do throws(RowProblem) {
                let row = try read(record, idColumn: idColumn, columns: columns, width: header.count, seen: seen)
                rows.append(row)
                seen[row.id] = row.line
            } catch {
                unread.append(error)
                if case .notANumber(let line, let id, _, _) = error, seen[id] == nil { seen[id] = line }
            }
        }
        return ClassAnswers(rows: rows, unread: unread.sorted { $0.line < $1.line })
    }

    /// The records of a file whose quoting is broken somewhere, read line by line (a row of answers
    /// is one line): each line whose quoting is broken is a ``RowProblem/quoting(line:)``, the
    /// others are read. A broken header is the file's problem.
    private static func lineByLine(_ bytes: [UInt8], separator: Unicode.Scalar) throws(Problem) -> ([CSVTable.Row], [RowProblem]) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .csv(.notUTF8) }
        var records: [CSVTable.Row] = [], broken: [RowProblem] = []
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        for (n, line) in lines.enumerated() {
            do throws(DataError) {
                let fields = try CSVTable.records(Array(line), separator: separator).first?.fields ?? [""]
                records.append(CSVTable.Row(line: n + 1, fields: fields))
            } catch {
                if n == 0 { throw .csv(error) }
                broken.append(.quoting(line: n + 1))
            }
        }
        return (records, broken)
    }

    /// `;` when the first line has more semicolons than commas (Excel's CSV with decimal commas), else `,`.
    static func separator(_ bytes: [UInt8]) -> Unicode.Scalar {
        let first = bytes.prefix { $0 != UInt8(ascii: "\n") }
        return first.count(where: { $0 == UInt8(ascii: ";") }) > first.count(where: { $0 == UInt8(ascii: ",") }) ? ";" : ","
    }

    /// The `id` column and each question's column, in the header's order.
    private static func readHeader(_ header: [String], questions: [String]) throws(Problem) -> (Int, [(column: Int, question: String)]) {
        let first = questions.first ?? "", last = questions.last ?? ""
        guard let idColumn = header.firstIndex(where: { $0.trimmed.lowercased() == "id" }) else { throw .noIdColumn(columns: header) }
        var columns: [(column: Int, question: String)] = []
        for (k, name) in header.enumerated() where k != idColumn {
            let question = Answers.question(name.trimmed)
            guard question.allSatisfy({ $0.isASCIIDigit }), !question.isEmpty else { continue }
            guard questions.contains(question) else { throw .notOnSheet(column: name, first: first, last: last) }
            if let earlier = columns.first(where: { $0.question == question }) {
                throw .repeatedQuestion(first: header[earlier.column], second: name)
            }
            columns.append((k, question))
        }
        guard !columns.isEmpty else { throw .noQuestionColumn(columns: header, first: first, last: last) }
        return (idColumn, columns)
    }

    /// The row of `record`, or why it cannot be read.
    private static func read(_ record: CSVTable.Row, idColumn: Int, columns: [(column: Int, question: String)], width: Int,
                             seen: [String: Int]) throws(RowProblem) -> Row {
        let line = record.line
        guard record.fields.count == width else {
            let id = idColumn < record.fields.count ? record.fields[idColumn].trimmed : ""
            throw .fieldCount(line: line, id: id.isEmpty ? nil : id, count: record.fields.count, columns: width)
        }
        let id = record.fields[idColumn].trimmed
        guard !id.isEmpty else { throw .emptyId(line: line) }
        if let first = seen[id] { throw .repeatedId(id, line: line, first: first) }
        var values: [(id: String, value: Double)] = []
        for (column, question) in columns {
            let text = record.fields[column].trimmed
            if text.isEmpty { continue }
            guard let value = Answers.number(text) else { throw .notANumber(line: line, id: id, question: question, text: text) }
            values.append((question, value))
        }
        return Row(line: line, id: id, answers: Answers(values: values))
    }
}
