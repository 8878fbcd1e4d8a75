/// A class list: one student a row of a CSV file with a header naming the columns `id` and `name`
/// (other columns, such as an e-mail address, are ignored). Ids and names are kept as written, less
/// white space at either end; an id has 1 to ``longestId`` characters, a name may be blank, and
/// neither holds a control character (a tab, a line break).
public struct Roster: Sendable, Equatable {
    /// One student of the roster.
    public struct Student: Sendable, Equatable, Hashable {
        /// The id the gradebook and the answers file name the student by; never empty.
        public let id: String
        /// The name printed on the sheet.
        public let name: String

        public init(id: String, name: String) { (self.id, self.name) = (id, name) }
    }

    /// The students in the file's order.
    public let students: [Student]

    /// The most students one roster holds: a university's largest lecture, many times over.
    public static let maximumStudents = 10_000

    /// The roster of `students`, checked as a file's would be.
    ///
    /// - Throws: ``Problem/noStudents``, ``Problem/emptyId(line:)`` (line 0 here),
    ///   ``Problem/repeatedId(_:line:first:)`` or ``Problem/tooMany(_:)``.
    public init(students: [Student]) throws(Problem) {
        try self.init(checking: students.enumerated().map { (student: $1, line: $0 + 2) })
    }

    /// The roster in the UTF-8 CSV `bytes`.
    ///
    /// - Throws: ``Problem/csv(_:)`` for text that is not a CSV table (``CSVTable/parse(_:)``'s
    ///   reasons), ``Problem/missingColumn(_:columns:)`` when `id` or `name` is not in the header
    ///   (named in any case), and the problems of ``init(students:)`` with the line of the file.
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> Roster {
        let table: CSVTable
        do { table = try CSVTable.parse(bytes) } catch { throw .csv(error) }
        func column(_ name: String) throws(Problem) -> Int {
            guard let k = table.header.firstIndex(where: { $0.trimmed.lowercased() == name }) else {
                throw .missingColumn(name, columns: table.header)
            }
            return k
        }
        let id = try column("id"), name = try column("name")
        // A header pasted again below (two class lists joined) would make a student called "id".
        if let again = table.rows.first(where: { $0.fields.map { $0.trimmed.lowercased() } == table.header.map { $0.trimmed.lowercased() } }) {
            throw .repeatedHeader(line: again.line)
        }
        return try Roster(checking: table.rows.map { row in
            (Student(id: Roster.trimmed(row.fields[id]), name: Roster.trimmed(row.fields[name])), row.line)
        })
    }

    private init(checking rows: [(student: Student, line: Int)]) throws(Problem) {
        guard !rows.isEmpty else { throw .noStudents }
        guard rows.count <= Roster.maximumStudents else { throw .tooMany(rows.count) }
        var seen: [String: Int] = [:]
        for (student, line) in rows {
            if student.id.isEmpty { throw .emptyId(line: line) }
            if student.id.count > Roster.longestId { throw .idTooLong(line: line) }
            for (column, text) in [("id", student.id), ("name", student.name)] where text.unicodeScalars.contains(where: Roster.isControl) {
                throw .controlCharacter(line: line, column: column)
            }
            if let first = seen[student.id] { throw .repeatedId(student.id, line: line, first: first) }
            seen[student.id] = line
        }
        students = rows.map { $0.student }
    }

    /// The most characters of an id: a sheet's file name holds it.
    public static let longestId = 100

    /// `text` without white space (any, a non-breaking space included) at either end.
    static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }

    /// A control character (a tab, a line break, an escape…), which no id or name holds: it would
    /// move the text of a sheet or a terminal.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The student whose id is `id`, if on the roster.
    public func student(id: String) -> Student? { students.first { $0.id == id } }

    /// Why a file is not a roster, as a value a caller can switch on (the sentence: ``message``).
    public enum Problem: Error, Equatable, Sendable {
        /// The file is not a CSV table.
        case csv(DataError)
        /// The header has no column `name` (`id` or `name`); it has `columns`.
        case missingColumn(String, columns: [String])
        /// The header is followed by no student.
        case noStudents
        /// The student on line `line` has an empty id.
        case emptyId(line: Int)
        /// Id `id` is on line `line` and already on line `first`.
        case repeatedId(String, line: Int, first: Int)
        /// More than ``Roster/maximumStudents`` students.
        case tooMany(Int)
        /// Line `line` repeats the header.
        case repeatedHeader(line: Int)
        /// The id on line `line` is longer than ``Roster/longestId``.
        case idTooLong(line: Int)
        /// The id or name (`column`) on line `line` holds a control character.
        case controlCharacter(line: Int, column: String)
    }
}
