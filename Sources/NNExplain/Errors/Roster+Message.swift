extension Roster.Problem: ExplainedError {
    /// The one sentence: where the roster is wrong and what to write instead.
    public var message: String {
        switch self {
        case .csv(.empty): return "it is empty; a roster needs a header line naming its columns, e.g. 'id,name', then one line per student"
        case .csv(let error): return error.message
        case .missingColumn(let name, let columns):
            return "its header has no column '\(name)' (it has \(columns.map { "'\($0.visiblePrefix)'" }.joined(separator: ", "))); "
                + "a roster's header names the columns id and name, e.g. 'id,name'"
        case .noStudents: return "it has a header but no students; add one line per student after the header, e.g. 's001,Ada Lovelace'"
        case .emptyId(let line): return "the student on line \(line) has no id; give every student an id"
        case .repeatedId(let id, let line, let first):
            return "line \(line) repeats the id '\(id.visiblePrefix)' of line \(first); give every student an id of their own"
        case .repeatedHeader(let line):
            return "line \(line) repeats the header line; remove it (two class lists joined need one header)"
        case .idTooLong(let line):
            return "the id on line \(line) is longer than \(Roster.longestId) characters; give a shorter id"
        case .controlCharacter(let line, let column):
            return "the \(column) on line \(line) holds a control character (a tab, a line break or another invisible one); remove it"
        case .tooMany(let count):
            return "it lists \(count) students, more than the \(Roster.maximumStudents) one roster may hold; split the class into several rosters"
        }
    }
}

extension CourseKey.Problem: ExplainedError {
    /// The one sentence: how long a key must be.
    public var message: String {
        switch self {
        case .tooShort(let count):
            return "the course key has \(count.counting("character")), fewer than \(CourseKey.minimumLength); "
                + "choose a longer secret, such as a phrase only you know"
        }
    }
}

extension RosterFiles.Problem: ExplainedError {
    /// The one sentence: the two ids and how to part them.
    public var message: String {
        switch self {
        case .sameFileName(let first, let second, let name):
            return "the ids '\(first.visiblePrefix)' and '\(second.visiblePrefix)' both make the file name '\(name)' "
                + "(characters other than letters, digits, '-', '_' and '.' become '_', and case is not told apart); give one of them another id in the roster"
        }
    }
}
