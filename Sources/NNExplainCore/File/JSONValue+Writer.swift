extension JSONValue {
    /// The value as deterministic, human-friendly JSON text that ``parse(_:)`` reads back.
    ///
    /// - Objects put one `"key": value` member per line, in their order, indented by two spaces.
    /// - An array whose elements are all scalars (numbers, strings, booleans, `null`) stays on one
    ///   line, `[0.1, 0.4, -0.2]`; any other array puts one element per line.
    /// - Empty arrays and objects are `[]` and `{}`.
    /// - Integers are written as they are; doubles as Swift's `description`, the shortest text
    ///   that reads back to the same double (`0.1`, `1.0`, `1e-05`, `-0.0`). JSON cannot hold
    ///   infinities or NaN: they are written as `null`, so callers must check finiteness first.
    /// - Strings escape `"`, `\` and the control characters (`\n`, `\t`, … or `\u001f`); all other
    ///   characters, including non-ASCII ones, are written as they are.
    ///
    /// `indent` is the nesting level the value starts at: lines after the first are indented by
    /// `2 × (indent + depth)` spaces, so a value can be placed inside text that is already indented.
    /// The text has no trailing newline.
    ///
    /// - Parameter indent: the nesting level the value starts at.
    /// - Returns: the JSON text.
    public func formatted(indent: Int = 0) -> String {
        var text = ""
        write(to: &text, level: max(0, indent))
        return text
    }

    /// The value as a file or a command's output holds it: ``formatted(indent:)`` and one final
    /// newline. Every JSON text nnexplain writes, network files included, is this.
    public var fileText: String { formatted() + "\n" }

    /// `values` as an array of numbers, each ``number(_:)`` and so written by the one rule for
    /// doubles (shortest round-trip text; `null` for a value that is not finite).
    package static func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }

    /// `rows` as an array of ``numbers(_:)``: a matrix, row by row.
    package static func numbers(_ rows: [[Double]]) -> JSONValue { .array(rows.map(numbers)) }

    /// Appends the value, whose first line is already indented to `level`.
    private func write(to text: inout String, level: Int) {
        switch self {
        case .null, .bool, .integer, .number, .string:
            writeScalar(to: &text)
        case .array(let elements):
            if elements.isEmpty {
                text += "[]"
            } else if elements.allSatisfy({ $0.isScalar }) {
                text += "["
                for (n, element) in elements.enumerated() {
                    if n > 0 { text += ", " }
                    element.writeScalar(to: &text)
                }
                text += "]"
            } else {
                text += "[\n"
                for (n, element) in elements.enumerated() {
                    text += JSONValue.indentation(level + 1)
                    element.write(to: &text, level: level + 1)
                    text += n == elements.count - 1 ? "\n" : ",\n"
                }
                text += JSONValue.indentation(level) + "]"
            }
        case .object(let members):
            if members.isEmpty {
                text += "{}"
                return
            }
            text += "{\n"
            for (n, member) in members.enumerated() {
                text += JSONValue.indentation(level + 1)
                JSONValue.writeString(member.key, to: &text)
                text += ": "
                member.value.write(to: &text, level: level + 1)
                text += n == members.count - 1 ? "\n" : ",\n"
            }
            text += JSONValue.indentation(level) + "}"
        }
    }

    /// Appends a scalar; containers are not scalars and write nothing here.
    private func writeScalar(to text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let b): text += b ? "true" : "false"
        case .integer(let n): text += String(n)
        case .number(let d): text += d.isFinite ? d.description : "null"
        case .string(let s): JSONValue.writeString(s, to: &text)
        case .array, .object: break
        }
    }

    private static func indentation(_ level: Int) -> String {
        String(repeating: " ", count: 2 * level)
    }

    /// Appends `s` as a JSON string literal, quotes included.
    static func writeString(_ s: String, to text: inout String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// `s` as a JSON string literal, quotes included: `"leaky-relu"`, `"a\"b"`.
    package static func quoted(_ s: String) -> String {
        var text = ""
        writeString(s, to: &text)
        return text
    }
}
