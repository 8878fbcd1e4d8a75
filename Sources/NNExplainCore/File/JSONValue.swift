/// A JSON value, as the network file reads and writes it.
///
/// The tree is a faithful picture of the text, not a convenience dictionary:
///
/// - integer literals (no fraction, no exponent) that fit an `Int` are ``integer(_:)``; every
///   other number, including `-0`, is ``number(_:)`` and is always finite;
/// - ``object(_:)`` keeps its members in file order and keeps duplicate keys, so that a reader can
///   report them and a writer reproduces the order it was given.
///
/// Equality is structural: `.integer(1)` and `.number(1.0)` are different values, and two objects
/// are equal only when they hold the same members in the same order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// The members in the order they appear; keys are not required to be unique.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

// MARK: - Reading values

extension JSONValue {
    /// What kind of value this is (a message in the NNExplain library says it with an article).
    public enum Kind: Sendable, Equatable {
        case null, bool, number, string, array, object
    }

    /// The kind of this value; ``integer(_:)`` and ``number(_:)`` are both numbers.
    public var kind: Kind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .integer, .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// Whether this is a number, string, boolean or `null` (anything but an array or an object).
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// The value of a number (``integer(_:)`` or ``number(_:)``) as a `Double`; `nil` otherwise.
    public var doubleValue: Double? {
        switch self {
        case .integer(let n): return Double(n)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The value of a number that is a whole number and fits an `Int`, such as `2` or `2.0`;
    /// `nil` for `2.5`, for numbers beyond `Int` and for anything that is not a number.
    public var integerValue: Int? {
        switch self {
        case .integer(let n): return n
        case .number(let d):
            // 2^63 is exactly representable; every integral double below it in magnitude fits.
            guard d.rounded() == d, abs(d) < 9_223_372_036_854_775_808.0 else { return nil }
            return Int(d)
        default: return nil
        }
    }

    /// The text of a ``string(_:)``; `nil` otherwise.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value of a ``bool(_:)``; `nil` otherwise.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements of an ``array(_:)``; `nil` otherwise.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an ``object(_:)`` in file order; `nil` otherwise.
    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of the first member named `key` of an object; `nil` when there is none or this
    /// is not an object.
    public subscript(key: String) -> JSONValue? {
        objectMembers?.first { $0.key == key }?.value
    }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// An object with the members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
}

extension JSONValue: CustomStringConvertible {
    /// The value as ``formatted(indent:)`` writes it.
    public var description: String { formatted() }
}

// MARK: - Errors

/// Why a text is not valid JSON, and where: `line` and `column` are 1-based, columns count
/// characters (Unicode scalars), and a leading byte order mark is not counted. The sentence of each
/// ``Problem`` lives in the NNExplain library (`reason`, `description`).
public struct JSONParseError: Error, Equatable, Sendable {
    public let line: Int
    public let column: Int
    public let problem: Problem

    public init(line: Int, column: Int, problem: Problem) {
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
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Network files are nearly always plain ASCII, which one vectorised pass settles.
        let highBits = bytes.withUnsafeBufferPointer { $0[offset...].reduce(0, |) }
        if highBits < 0x80 { return nil }
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        return offset == bytes.count ? nil : JSONParseError(.invalidUTF8, offset: offset, in: bytes)
    }
}
