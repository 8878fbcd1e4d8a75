/// Why a text is not valid JSON, and where: `line` and `column` are 1-based, columns count
/// characters (Unicode scalars), and a leading byte order mark is not counted. The sentence of each
/// ``Problem`` lives in the NNExplain library (`reason`, `description`).
public struct JSONParseError: Error, Equatable, Sendable {
    public let line: Int
    public let column: Int
    public let problem: Problem

    package init(line: Int, column: Int, problem: Problem) {
        (self.line, self.column, self.problem) = (line, column, problem)
    }

    /// What is wrong at the position.
    public enum Problem: Sendable, Equatable {
        /// The file has no bytes.
        case empty
        /// The file has only whitespace.
        case onlyWhitespace
        /// Something follows the one value.
        case trailing(Found)
        /// Containers nest deeper than ``JSONValue/maximumDepth``.
        case tooDeep
        /// Neither a comma nor the end of the object (`inObject`) or array.
        case expectedSeparator(inObject: Bool)
        /// No key where one belongs: at the start of an object, or after a comma.
        case expectedKey(afterComma: Bool, found: Found)
        /// No colon after a key.
        case expectedColon
        /// No value where one belongs.
        case expectedValue(Found)
        /// A word that is not `true`, `false` or `null` (shortened when long).
        case unknownWord(String)
        /// A number with a leading zero.
        case leadingZero
        /// No digit where a number needs one.
        case expectedDigit(DigitPlace)
        /// A number beyond the largest `Double` (its text, shortened when long).
        case numberTooLarge(String)
        /// A line break inside a string.
        case lineBreakInString
        /// A control character not written as an escape.
        case controlCharacter(Found)
        /// A backslash followed by no valid escape letter.
        case invalidEscape(Found)
        /// `\uXXXX` of half a surrogate pair (its four hex digits).
        case unpairedSurrogate(String)
        /// `\u` without four hex digits (the escape as written).
        case shortUnicodeEscape(String)
        /// The file ends inside a value.
        case truncated
        /// The bytes are not UTF-8.
        case invalidUTF8
    }

    /// Where in a number a digit was expected.
    public enum DigitPlace: Sendable, Equatable {
        case afterMinus, afterDecimalPoint, inExponent
    }

    /// The character found at the position: the end of the file, or a Unicode scalar.
    public enum Found: Sendable, Equatable {
        case endOfFile
        case scalar(UInt32)

        /// The character at `offset` of valid UTF-8 `bytes`.
        init(at offset: Int, in bytes: [UInt8]) {
            guard offset < bytes.count else { self = .endOfFile; return }
            let scalar = String(decoding: bytes[offset...].prefix(4), as: UTF8.self).unicodeScalars.first
            self = .scalar(scalar?.value ?? 0)
        }
    }

    /// The error at byte `offset` of `bytes`, where a leading byte order mark is not counted, a line
    /// ends at LF, CR LF or a lone CR, and a column counts Unicode scalars.
    init(_ problem: Problem, offset: Int, in bytes: [UInt8]) {
        var line = 1, column = 1
        let start = ByteOrderMark.length(in: bytes)
        for k in start..<max(start, min(offset, bytes.count)) {
            if bytes[k] == 0x0A || (bytes[k] == 0x0D && bytes[(k + 1)...].first != 0x0A) {
                (line, column) = (line + 1, 1)
            } else if bytes[k] & 0xC0 != 0x80, bytes[k] != 0x0D {
                column += 1
            }
        }
        self.init(line: line, column: column, problem: problem)
    }

    /// The error "the file is not valid UTF-8" at the first byte of `bytes` (after a byte order
    /// mark) that does not start a valid UTF-8 sequence; `nil` when all of `bytes` is valid.
    static func invalidUTF8(in bytes: [UInt8]) -> JSONParseError? {
        var offset = ByteOrderMark.length(in: bytes)
        // Network files are nearly always plain ASCII, which one vectorised pass settles.
        let highBits = bytes.withUnsafeBufferPointer { $0[offset...].reduce(0, |) }
        if highBits < 0x80 { return nil }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset == bytes.count ? nil : JSONParseError(.invalidUTF8, offset: offset, in: bytes)
    }
}
