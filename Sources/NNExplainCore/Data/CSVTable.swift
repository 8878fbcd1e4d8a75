/// A CSV text as a header and rows of fields (RFC 4180): fields separated by commas, records by
/// line feeds or CR LF, a field in double quotes may hold commas, line breaks and `""` for a quote.
/// A UTF-8 byte order mark before the header is skipped and a last line break (or blank last line)
/// ends the text without a record of its own. Every record keeps the 1-based line of the file it
/// starts on, which errors name.
public struct CSVTable: Sendable, Equatable {
    /// The column names, from the first record.
    public var header: [String]
    /// The records after the header, each with the line it starts on.
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        /// The 1-based line of the file the record starts on.
        public var line: Int
        public var fields: [String]

        /// The record of `fields` starting on `line`.
        public init(line: Int, fields: [String]) { (self.line, self.fields) = (line, fields) }
    }

    /// The table the UTF-8 `bytes` hold.
    ///
    /// - Throws: ``DataError`` for text that is not UTF-8, a quote left open, a character after a
    ///   closing quote or a quote inside an unquoted field, an empty text, an empty or repeated
    ///   column name, a blank line before the last, and a record whose field count differs from
    ///   the header's.
    public static func parse(_ bytes: [UInt8]) throws(DataError) -> CSVTable {
        guard let text = String(validating: bytes.dropFirst(ByteOrderMark.length(in: bytes)), as: UTF8.self) else { throw .notUTF8 }
        var records = try records(of: text)
        while records.last?.fields == [""] { records.removeLast() }
        guard !records.isEmpty else { throw .empty }
        let header = records.removeFirst().fields
        for (k, name) in header.enumerated() {
            if name.isEmpty { throw .emptyColumnName(column: k + 1) }
            if header[..<k].contains(name) { throw .repeatedColumn(name) }
        }
        for row in records where row.fields.count != header.count {
            if row.fields == [""] { throw .blankLine(line: row.line) }
            throw .fieldCount(line: row.line, count: row.fields.count, columns: header.count)
        }
        return CSVTable(header: header, rows: records)
    }

    /// Every record of the UTF-8 `bytes` (a byte order mark skipped), the header first, whatever
    /// its field count, fields separated by `separator` (`,`, or `;` as Excel writes CSV where the
    /// decimal mark is a comma); a blank line is a record of one empty field, and blank last lines
    /// are dropped. For a reader that names a bad record and goes on with the others.
    ///
    /// - Throws: ``DataError`` for text that is not UTF-8 and for quoting that breaks the records
    ///   apart (a quote left open, a character after a closing quote, a quote inside a field).
    package static func records(_ bytes: [UInt8], separator: Unicode.Scalar) throws(DataError) -> [Row] {
        guard let text = String(validating: bytes.dropFirst(ByteOrderMark.length(in: bytes)), as: UTF8.self) else { throw .notUTF8 }
        var records = try records(of: text, separator: separator)
        while records.last?.fields == [""] { records.removeLast() }
        return records
    }

    /// Every record of `text`, a blank line a record of one empty field.
    private static func records(of text: String, separator: Unicode.Scalar = ",") throws(DataError) -> [Row] {
        var rows: [Row] = [], fields: [String] = [], field = ""
        var line = 1, start = 1
        var quoted = false, closed = false, fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endRecord() {
            fields.append(field)
            rows.append(Row(line: start, fields: fields))
            fields = []; field = ""; fieldStarted = false; closed = false
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; closed = true; pending = after }
                    } else { quoted = false; closed = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case separator:
                fields.append(field); field = ""; fieldStarted = true; closed = false
            case "\n", "\r":
                if c == "\r" {
                    if let after = next(), after != "\n" { pending = after }
                }
                endRecord()
                line += 1; start = line
            case "\"":
                if closed || !field.isEmpty { throw .strayQuote(line: line) }
                quoted = true; fieldStarted = true
            default:
                if closed { throw .afterClosingQuote(line: line) }
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if quoted { throw .openQuote(line: start) }
        if fieldStarted || !field.isEmpty || !fields.isEmpty || closed { endRecord() }
        return rows
    }
}
