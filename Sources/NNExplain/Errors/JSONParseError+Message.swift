extension JSONParseError: ExplainedError {
    /// "line 3, column 14: expected ',' or '}' after an object member".
    public var message: String { "line \(line), column \(column): \(reason)" }

    /// The problem as a short phrase, "expected ',' or '}' after an object member".
    package var reason: String {
        switch problem {
        case .empty: return "the file is empty"
        case .onlyWhitespace: return "the file holds only whitespace; expected a JSON value"
        case .trailing(let found): return "unexpected \(found.described()) after the JSON value; a file holds exactly one value"
        case .tooDeep: return "nesting deeper than \(JSONValue.maximumDepth) levels"
        case .expectedSeparator(let inObject):
            return inObject ? "expected ',' or '}' after an object member" : "expected ',' or ']' after an array element"
        case .expectedKey(let afterComma, let found):
            return "expected \(afterComma ? "a key in double quotes after ','" : "a key in double quotes or '}'"), found \(found.described())"
        case .expectedColon: return "expected ':' after an object key"
        case .expectedValue(let found):
            return "expected a value (an object, array, string, number, true, false or null), found \(found.described())"
        case .unknownWord(let word): return "'\(word)' is not a JSON value; the only words are true, false and null"
        case .leadingZero: return "a number may not have a leading zero"
        case .expectedDigit(.afterMinus): return "expected a digit after '-'"
        case .expectedDigit(.afterDecimalPoint): return "expected a digit after the decimal point"
        case .expectedDigit(.inExponent): return "expected a digit in the exponent"
        case .numberTooLarge(let text): return "number \(text) is too large to represent"
        case .lineBreakInString: return "line break inside a string (is a closing quote missing?)"
        case .controlCharacter(let found): return "control character \(found.described()) in a string must be written as an escape"
        case .invalidEscape(let found): return "invalid escape '\\\(found.described(quoted: false))' in a string"
        case .unpairedSurrogate(let hex): return "unpaired surrogate '\\u\(hex)' in a string"
        case .shortUnicodeEscape(let shown): return "invalid escape '\(shown)' in a string: '\\u' needs four hex digits"
        case .truncated: return "unexpected end of file (the file looks truncated)"
        case .invalidUTF8: return "the file is not valid UTF-8"
        }
    }
}

extension JSONParseError.Found {
    /// `'x'` (or `x` when not `quoted`, and for `'` itself) for visible ASCII, `U+0009` for any
    /// other character, `end of file` past the end.
    package func described(quoted: Bool = true) -> String {
        guard case .scalar(let value) = self else { return "end of file" }
        if (0x21...0x7E).contains(value), let scalar = Unicode.Scalar(value) {
            let text = String(Character(scalar))
            return quoted && text != "'" ? "'\(text)'" : text
        }
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
