extension ClassAnswers.Problem: ExplainedError {
    /// The one sentence: what the answers file's header or records lack, and what to write.
    public var message: String {
        let form = "a class's answers file starts with a header such as 'id,q1,q2,…', then one row per student"
        switch self {
        case .csv(.empty): return "it is empty; " + form
        case .csv(let error): return error.message
        case .noIdColumn(let columns):
            return "its header has no column 'id' (it has \(columns.map { "'\($0.visiblePrefix)'" }.joined(separator: ", "))); " + form
        case .noQuestionColumn(let columns, let first, let last):
            return "its header names no question (it has \(columns.map { "'\($0.visiblePrefix)'" }.joined(separator: ", "))); "
                + "name the questions' columns \(first) to \(last), or q\(first) to q\(last)"
        case .notOnSheet(let column, let first, let last):
            return "its header's column '\(column.visiblePrefix)' names a question the sheets do not have; their questions are \(first) to \(last)"
        case .repeatedQuestion(let first, let second):
            return "its header's columns '\(first.visiblePrefix)' and '\(second.visiblePrefix)' name the same question; keep one"
        case .noRows: return "it has a header but no rows; add one row per student after the header"
        }
    }
}

extension ClassAnswers.RowProblem: ExplainedError {
    /// The one sentence, naming the row's line: why the row is not graded and what to write instead.
    public var message: String {
        switch self {
        case .quoting(let line):
            return "line \(line) has a double quote out of place (one left open, text after a closing one, or one inside an unquoted field); "
                + "quote a whole field, as \"0,42\", or write 0.42"
        case .fieldCount(let line, _, let count, let columns):
            return "line \(line) has \(count.counting("field")) where the header has \(columns); "
                + (count > columns ? "a decimal comma splits a field in two, so quote such a number (\"0,42\") or write 0.42" : "give every column a field, blank for no answer")
        case .emptyId(let line): return "line \(line) has no id; give the student's id as the roster has it"
        case .repeatedId(let id, let line, let first):
            return "line \(line) repeats the id '\(id.visiblePrefix)' of line \(first); keep one row per student"
        case .notANumber(let line, let id, let question, let text):
            return "line \(line) ('\(id.visiblePrefix)'): the answer to question \(question), '\(text.visiblePrefix)', is not a finite number; "
                + "write it as a decimal, e.g. 0.42, or leave the cell blank"
        }
    }
}
