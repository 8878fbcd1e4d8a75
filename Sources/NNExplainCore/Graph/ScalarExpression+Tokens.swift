extension ScalarExpression {
    /// One token of an expression's text, with the column (1-based, in characters) it starts at.
    struct Token: Equatable {
        enum Kind: Equatable {
            case number(Double)
            case name(String)
            /// `+ - * / ^`, with `−` read as `-`, `×` and `·` as `*`, `÷` as `/`, `**` as `^`.
            case symbol(Character)
            case open, close, comma, end
            /// `=` of a definition `NAME = EXPR;` and the `;` that ends it.
            case equals, semicolon
        }

        let kind: Kind
        let column: Int
        /// The text as typed, for errors; nil at the end.
        let text: String?
    }

    /// The tokens of `text`, ending in `.end`; checks the bounds first: the length, then the depth
    /// of parentheses as they are met.
    /// - Throws: ``ExpressionError`` `.tooLong`, `.empty`, `.tooDeep`, `.unexpectedCharacter`,
    ///   `.numberTooLarge`.
    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        let characters = Array(text)
        guard characters.count <= maximumLength else { throw .tooLong(characters: characters.count) }
        var tokens: [Token] = [], i = 0, depth = 0
        while i < characters.count {
            let c = characters[i], column = i + 1
            if c.isWhitespace { i += 1; continue }
            if isDigit(c) || (c == "." && i + 1 < characters.count && isDigit(characters[i + 1])) {
                let start = i
                while i < characters.count, isDigit(characters[i]) { i += 1 }
                if i < characters.count, characters[i] == "." {
                    i += 1
                    while i < characters.count, isDigit(characters[i]) { i += 1 }
                }
                if i < characters.count, characters[i] == "e" || characters[i] == "E" {
                    var j = i + 1
                    if j < characters.count, characters[j] == "+" || characters[j] == "-" { j += 1 }
                    if j < characters.count, isDigit(characters[j]) {
                        i = j
                        while i < characters.count, isDigit(characters[i]) { i += 1 }
                    }
                }
                let written = String(characters[start..<i])
                let value = Double(written) ?? .infinity  // digits, a point and an exponent: always a Double
                guard value.isFinite else { throw .numberTooLarge(column: column, text: written) }
                tokens.append(Token(kind: .number(value), column: column, text: written))
                continue
            }
            if startsName(c) {
                let start = i
                while i < characters.count, continuesName(characters[i]) { i += 1 }
                let name = String(characters[start..<i])
                tokens.append(Token(kind: .name(name), column: column, text: name))
                continue
            }
            i += 1
            switch c {
            case "(":
                depth += 1
                guard depth <= maximumDepth else { throw .tooDeep(column: column) }
                tokens.append(Token(kind: .open, column: column, text: "("))
            case ")":
                depth -= 1
                tokens.append(Token(kind: .close, column: column, text: ")"))
            case ",": tokens.append(Token(kind: .comma, column: column, text: ","))
            case "=": tokens.append(Token(kind: .equals, column: column, text: "="))
            case ";": tokens.append(Token(kind: .semicolon, column: column, text: ";"))
            case "*" where i < characters.count && characters[i] == "*":
                i += 1
                tokens.append(Token(kind: .symbol("^"), column: column, text: "**"))
            case "+", "-", "*", "/", "^", "−", "×", "·", "÷":
                let canonical: Character = ["−": "-", "×": "*", "·": "*", "÷": "/"][c] ?? c
                tokens.append(Token(kind: .symbol(canonical), column: column, text: String(c)))
            default:
                throw .unexpectedCharacter(column: column, character: c)
            }
        }
        guard !tokens.isEmpty else { throw .empty }
        tokens.append(Token(kind: .end, column: characters.count + 1, text: nil))
        return tokens
    }
}
