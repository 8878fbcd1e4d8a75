extension JSONValue {
    /// The deepest nesting of arrays and objects ``parse(_:)`` accepts.
    package static let maximumDepth = 512

    /// Parses exactly one JSON value (RFC 8259, strictly) from UTF-8 bytes.
    ///
    /// A leading byte order mark is skipped. Invalid UTF-8, anything but whitespace after the value,
    /// unescaped control characters in strings, unpaired `\u` surrogates, numbers too large for a
    /// `Double` and nesting deeper than ``maximumDepth`` are errors with a line and column. Integer
    /// literals that fit an `Int` become ``integer(_:)``, other numbers the correctly rounded
    /// ``number(_:)``. Never traps, whatever the bytes: nesting uses an explicit stack, not recursion.
    ///
    /// - Parameter data: UTF-8 bytes.
    /// - Returns: the value.
    /// - Throws: ``JSONParseError``, its ``JSONParseError/Problem`` at a line and column.
    public static func parse(_ data: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(data)
        return try parser.parseDocument()
    }
}

/// The parser's state: the bytes and a read position `i`.
private struct JSONParser {
    private let bytes: [UInt8]
    private let start: Int
    private var i: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = ByteOrderMark.length(in: bytes)
        i = start
    }

    /// An array or object still being read (an array's keys are empty); `key` names the next member.
    private struct Frame {
        var isObject: Bool
        var members: [(key: String, value: JSONValue)] = []
        var key = ""
    }

    /// The byte each one-letter escape `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` stands for.
    private static let simpleEscapes: [UInt8: UInt8] = [
        0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09,
    ]

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw error(.empty) }
        if let invalid = JSONParseError.invalidUTF8(in: bytes) { throw invalid }
        skipWhitespace()
        guard i < bytes.count else { throw error(.onlyWhitespace) }
        let value = try parseValue()
        skipWhitespace()
        guard i == bytes.count else {
            throw error(.trailing(found()))
        }
        return value
    }

    /// Reads one value of any depth. Each pass of the outer loop starts a value; a scalar or an
    /// empty container is complete at once and then closes every container it ends.
    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        var stack: [Frame] = []
        while true {
            skipWhitespace()
            var value: JSONValue
            let first = try current()
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                guard stack.count < JSONValue.maximumDepth else { throw error(.tooDeep) }
                let isObject = first == UInt8(ascii: "{")
                i += 1
                skipWhitespace()
                guard try current() == UInt8(ascii: isObject ? "}" : "]") else {
                    stack.append(Frame(isObject: isObject))
                    if isObject { stack[stack.count - 1].key = try parseKey(afterComma: false) }
                    continue
                }
                i += 1
                value = isObject ? .object([]) : .array([])
            } else {
                value = try parseScalar()
            }
            while let top = stack.indices.last {
                let isObject = stack[top].isObject
                stack[top].members.append((stack[top].key, value))
                skipWhitespace()
                let next = try current()
                if next == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    if isObject { stack[top].key = try parseKey(afterComma: true) }
                    break
                }
                guard next == UInt8(ascii: isObject ? "}" : "]") else {
                    throw error(.expectedSeparator(inObject: isObject))
                }
                i += 1
                let members = stack.removeLast().members
                value = isObject ? .object(members) : .array(members.map { $0.value })
            }
            if stack.isEmpty { return value }
        }
    }

    /// Reads `"key"` and the `:` after it.
    private mutating func parseKey(afterComma: Bool) throws(JSONParseError) -> String {
        guard try current() == UInt8(ascii: "\"") else { throw error(.expectedKey(afterComma: afterComma, found: found())) }
        let key = try parseString()
        skipWhitespace()
        guard try current() == UInt8(ascii: ":") else { throw error(.expectedColon) }
        i += 1
        return key
    }

    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        let first = bytes[i]
        if first == UInt8(ascii: "\"") { return .string(try parseString()) }
        if first == UInt8(ascii: "-") || isDigit(first) { return try parseNumber() }
        guard isLetter(first) else {
            throw error(.expectedValue(found()))
        }
        let wordStart = i
        while i < bytes.count, isLetter(bytes[i]) || isDigit(bytes[i]) { i += 1 }
        let word = String(decoding: bytes[wordStart..<i], as: UTF8.self)
        let literals: [String: JSONValue] = ["true": .bool(true), "false": .bool(false), "null": .null]
        if let literal = literals[word] { return literal }
        if i == bytes.count, literals.keys.contains(where: { $0.hasPrefix(word) }) { throw truncated() }
        throw error(.unknownWord(shortened(word)), at: wordStart)
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let numberStart = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        if try current() == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) { throw error(.leadingZero, at: i - 1) }
        } else {
            try readDigits(else: .afterMinus)
        }
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            (i, isInteger) = (i + 1, false)
            try readDigits(else: .afterDecimalPoint)
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            (i, isInteger) = (i + 1, false)
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            try readDigits(else: .inExponent)
        }
        let text = String(decoding: bytes[numberStart..<i], as: UTF8.self)
        // `-0` stays a `Double` so that its sign survives.
        if isInteger, text != "-0", let n = Int(text) { return .integer(n) }
        guard let d = Double(text), d.isFinite else {
            throw error(.numberTooLarge(shortened(text)), at: numberStart)
        }
        return .number(d)
    }

    /// Reads one or more digits; `place` says where a digit was expected when there is none.
    private mutating func readDigits(else place: JSONParseError.DigitPlace) throws(JSONParseError) {
        guard isDigit(try current()) else { throw error(.expectedDigit(place)) }
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
    }

    /// Reads a string from its opening quote through its closing quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        i += 1
        var buffer: [UInt8] = []
        var runStart = i
        while true {
            switch try current() {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: buffer + bytes[runStart..<i - 1], as: UTF8.self)
            case UInt8(ascii: "\\"):
                buffer += bytes[runStart..<i]
                try parseEscape(into: &buffer)
                runStart = i
            case 0x0A, 0x0D: throw error(.lineBreakInString)
            case 0x00..<0x20: throw error(.controlCharacter(found()))
            default: i += 1
            }
        }
    }

    /// Reads one escape sequence from its backslash and appends the UTF-8 bytes it stands for.
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        let escapeStart = i
        i += 1
        if let byte = JSONParser.simpleEscapes[try current()] {
            buffer.append(byte)
            i += 1
            return
        }
        guard bytes[i] == UInt8(ascii: "u") else {
            throw error(.invalidEscape(found()), at: escapeStart)
        }
        i = escapeStart
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar), bytes[i...].starts(with: [0x5C, 0x75]) {
            let low = try parseHex4()
            if (0xDC00...0xDFFF).contains(low) { scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00) }
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            let hex = String(decoding: bytes[escapeStart + 2..<escapeStart + 6], as: UTF8.self)
            throw error(.unpairedSurrogate(hex), at: escapeStart)
        }
        UTF8.encode(unicode) { buffer.append($0) }
    }

    /// Reads `\uXXXX` from its backslash, and returns `XXXX`.
    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        let escapeStart = i
        var value: UInt32 = 0
        i += 1
        for _ in 0..<4 {
            i += 1
            guard let digit = UInt32(String(UnicodeScalar(try current())), radix: 16) else {
                let shown = String(decoding: bytes[escapeStart..<i], as: UTF8.self)
                throw error(.shortUnicodeEscape(shown), at: escapeStart)
            }
            value = value << 4 | digit
        }
        i += 1
        return value
    }

    /// The byte at the read position; at the end of the bytes, the error that the file is truncated.
    private func current() throws(JSONParseError) -> UInt8 {
        guard i < bytes.count else { throw truncated() }
        return bytes[i]
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    private func isLetter(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b | 0x20) }
    private func shortened(_ text: String) -> String { text.count > 30 ? text.prefix(30) + "…" : text }

    /// The character at the read position, for an error.
    private func found() -> JSONParseError.Found { JSONParseError.Found(at: i, in: bytes) }

    private func truncated() -> JSONParseError { error(.truncated, at: bytes.count) }

    /// An error at `offset`, the read position by default.
    private func error(_ problem: JSONParseError.Problem, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(problem, offset: offset ?? i, in: bytes)
    }
}
