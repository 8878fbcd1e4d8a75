/// A class list: one student a row of a CSV file with a header naming the columns `id` and `name`
/// (other columns, such as an e-mail address, are ignored). Ids are kept as written, less spaces at
/// either end; names are UTF-8 text and may be blank.
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
        return try Roster(checking: table.rows.map { row in
            (Student(id: row.fields[id].trimmed, name: row.fields[name].trimmed), row.line)
        })
    }

    private init(checking rows: [(student: Student, line: Int)]) throws(Problem) {
        guard !rows.isEmpty else { throw .noStudents }
        guard rows.count <= Roster.maximumStudents else { throw .tooMany(rows.count) }
        var seen: [String: Int] = [:]
        for (student, line) in rows {
            if student.id.isEmpty { throw .emptyId(line: line) }
            if let first = seen[student.id] { throw .repeatedId(student.id, line: line, first: first) }
            seen[student.id] = line
        }
        students = rows.map { $0.student }
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
    }
}
