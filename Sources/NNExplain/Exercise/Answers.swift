/// A student's answers as a file holds them: a JSON object `{"1": 0.42, …}`, or lines as students
/// write them (``Answers+Lines``): `1: 0.42`, `2) 0,435`, `Q3: 1.2e-3`; blank lines and lines
/// starting with `#` are skipped, and a line that cannot be read is kept in ``unread`` while the
/// others are graded.
public struct Answers: Sendable, Equatable {
    /// The answers in the file's order, by question id.
    public let values: [(id: String, value: Double)]
    /// The lines that could not be read, in file order, each saying why (a ``FormatError`` of a line:
    /// ``FormatError/unreadable(line:text:)``, ``FormatError/noQuestion(line:)`` or
    /// ``FormatError/lineNotANumber(line:text:id:)``). Always empty for a JSON file.
    public let unread: [FormatError]
    /// The line each question's answer is on (1-based), for a file of lines; empty for JSON.
    let lines: [String: Int]

    init(values: [(id: String, value: Double)], unread: [FormatError] = [], lines: [String: Int] = [:]) {
        self.values = values
        self.unread = unread
        self.lines = lines
    }

    public static func == (lhs: Answers, rhs: Answers) -> Bool {
        lhs.values.map { $0.id } == rhs.values.map { $0.id } && lhs.values.map { $0.value } == rhs.values.map { $0.value } && lhs.unread == rhs.unread
    }

    /// Why a file (or one of its lines) is not a list of answers, as a value a caller can switch on
    /// (its sentence says where and what to write instead, ``message``).
    public enum FormatError: Error, Equatable, Sendable {
        /// The bytes are not UTF-8.
        case notUTF8
        /// Question `id` is answered twice.
        case answeredTwice(String)
        /// The file starts as JSON but is not valid JSON.
        case json(JSONParseError)
        /// The JSON is not an object.
        case notAnObject(JSONValue.Kind)
        /// The JSON answer to question `id` is not a finite number.
        case notANumber(id: String, found: JSONValue.Kind)
        /// Line `line` (1-based), `text`, is not a question followed by an answer.
        case unreadable(line: Int, text: String)
        /// Line `line` names no question before its `:`.
        case noQuestion(line: Int)
        /// Line `line` answers question `id` with `text`, not a finite number.
        case lineNotANumber(line: Int, text: String, id: String)
        /// The answer to question `id` (on line `line` of a file of lines, `nil` in JSON) is for a
        /// question the sheet, of questions `first` to `last`, does not have; found by ``Grading``.
        case notOnSheet(line: Int?, id: String, first: String, last: String)
    }

    /// The answers in `bytes`; JSON when the first character that is not a space is `{`.
    ///
    /// - Parameter file: a file of answer lines, or a JSON object of numbers by question id,
    ///   with or without a leading UTF-8 byte order mark.
    /// - Returns: the answers in file order, with the lines that could not be read in ``unread``.
    /// - Throws: the first ``FormatError`` of the whole file: not UTF-8, not JSON or not an object
    ///   of numbers, a question answered twice.
    public static func parse(_ file: [UInt8]) throws(FormatError) -> Answers {
        // A leading UTF-8 byte order mark (as some Windows editors write) is skipped, as network files' is.
        let bytes = Array(file.dropFirst(ByteOrderMark.length(in: file)))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .notUTF8
        }
        let answers = text.first(where: { !$0.isWhitespace }) == "{" ? Answers(values: try json(bytes)) : lines(text)
        var seen: Set<String> = []
        for (id, _) in answers.values where !seen.insert(id).inserted {
            throw .answeredTwice(id)
        }
        return answers
    }

    private static func json(_ bytes: [UInt8]) throws(FormatError) -> [(id: String, value: Double)] {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw .json(error) }
        guard let members = value.objectMembers else {
            throw .notAnObject(value.kind)
        }
        var out: [(id: String, value: Double)] = []
        for (id, answer) in members {
            guard let number = answer.doubleValue, number.isFinite else {
                throw .notANumber(id: id, found: answer.kind)
            }
            out.append((id, number))
        }
        return out
    }
}

extension StringProtocol {
    /// Without spaces and tabs (and a carriage return) at either end.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }

    /// At most 40 characters of the text, for an error message that quotes what was typed.
    var visiblePrefix: String { count <= 40 ? String(self) : String(prefix(40)) + "…" }
}

extension Answers.FormatError {
    /// The file's line this problem is on (1-based), `nil` for a problem of the whole file or of JSON.
    var line: Int? {
        switch self {
        case .unreadable(let n, _), .noQuestion(let n), .lineNotANumber(let n, _, _): return n
        case .notOnSheet(let n, _, _, _): return n
        case .notUTF8, .answeredTwice, .json, .notAnObject, .notANumber: return nil
        }
    }
}
