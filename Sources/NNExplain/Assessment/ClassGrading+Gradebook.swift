/// The gradebook: one CSV row per student of the roster, in its order.
extension ClassGrading {
    /// The gradebook as CSV text (RFC 4180, CR LF between records, as spreadsheets write it):
    /// the header `id,name,q1,…,qN,total`, then per student
    ///
    /// - a question's cell `1` when the answer earns its mark (right, or right by follow-through
    ///   while ``followThrough`` is on), `0` when it is wrong, blank when not answered;
    /// - `total` the marks earned;
    /// - for a student the answers file has no row for, or whose row could not be read, every cell
    ///   after the name blank, the total too, so that no missing work reads as a 0 (the class report
    ///   says which students these are and why).
    ///
    /// A name starting with `=`, `+`, `-` or `@` gets a `'` in front (``inert(_:)``). A field holding a comma, a semicolon, a quote, a line break or a space at either end is quoted, its
    /// quotes doubled.
    public var gradebook: String {
        let header = ["id", "name"] + questions.map { "q" + $0.id } + ["total"]
        var lines = [header]
        for entry in entries {
            let blank = [String](repeating: "", count: questions.count + 1)
            switch entry.outcome {
            case .graded(let grading, _):
                let cells = grading.results.map { result -> String in
                    guard result.given != nil else { return "" }
                    return result.correct ? "1" : "0"
                }
                lines.append([entry.student.id, ClassGrading.inert(entry.student.name)] + cells + [String(grading.score)])
            case .unread, .noAnswers:
                lines.append([entry.student.id, ClassGrading.inert(entry.student.name)] + blank)
            }
        }
        return lines.map { $0.map(ClassGrading.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A name as a spreadsheet shows it, never runs it: one starting with `=`, `+`, `-` or `@`
    /// (which a spreadsheet would take as a formula) gets a `'` in front, as OWASP advises.
    static func inert(_ name: String) -> String {
        guard let first = name.first, "=+-@".contains(first) else { return name }
        return "'" + name
    }

    /// `text` as a CSV field: in double quotes, its quotes doubled, when it holds a comma, a semicolon, a quote,
    /// a line break or a space at either end; as it is otherwise.
    static func csvField(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        return needsQuotes ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }
}
