/// How the text of an option's value becomes a `Value`: the check, the error naming what to give,
/// and what the help says of it (its bounds, its choices, how a default is written).
struct ValueParser<Context, Value: Sendable>: Sendable {
    /// What the value may be, in the words both the help and the errors use: `1…17`,
    /// `above 0 and at most 0.1`; `nil` when there is nothing to say.
    var bounds: String?
    /// The choices with the given default marked, for a value that is one of a few names.
    var listing: (@Sendable (Value?) -> String)?
    /// The names the value may be, in order, for a value that is one of a few names (USAGE's `text|json`).
    var choices: [String]?
    /// A value as the help writes it, for its default.
    let describe: @Sendable (Value) -> String
    /// The value of `text`, given to the option `name`, or the error that says what to give.
    let parse: @Sendable (_ text: String, _ name: String, _ context: Context) throws(ValidationError) -> Value

    /// The same check, its value wrapped in an optional (for an option whose absence means `nil`).
    var optional: ValueParser<Context, Value?> {
        let parse = self.parse, describe = self.describe
        return ValueParser<Context, Value?>(
            bounds: bounds, listing: nil, choices: nil, describe: { $0.map(describe) ?? "" },
            parse: { text, name, context throws(ValidationError) in try parse(text, name, context) })
    }
}

extension ValueParser where Context == Void, Value == Int {
    /// A whole number in `range`. `expected` says what to give around the bounds: by default
    /// "give a whole number 1…10000000".
    static func wholeNumber(
        in range: ClosedRange<Int>, expected: @Sendable (_ bounds: String) -> String = { "give a whole number \($0)" }
    ) -> ValueParser {
        let bounds = "\(range.lowerBound)…\(range.upperBound)"
        let expected = expected(bounds)
        return ValueParser(bounds: bounds, describe: { String($0) }) { text, name, _ throws(ValidationError) in
            let value = try readWholeNumber(text, name, expected: expected)
            guard range.contains(value) else { throw ValidationError("\(name) \(text) is out of range; \(expected)") }
            return value
        }
    }
}

extension ValueParser where Context == Void, Value == UInt64 {
    /// Any whole number a `UInt64` holds, 0…18446744073709551615 (a seed).
    static var unsignedWholeNumber: ValueParser {
        let bounds = "0…\(UInt64.max)"
        return ValueParser(bounds: bounds, describe: { String($0) }) { text, name, _ throws(ValidationError) in
            guard let value = UInt64(text) else { throw ValidationError("\(name) expects a whole number \(bounds), not '\(text)'") }
            return value
        }
    }
}

extension ValueParser where Context == Void, Value == Double {
    /// A finite number above 0 and at most `limit` (a step size, a learning rate).
    static func positiveNumber(upTo limit: Double) -> ValueParser {
        let bounds = "above 0 and at most \(limit.formatted)"
        return ValueParser(bounds: bounds, describe: \.shortFormatted) { text, name, _ throws(ValidationError) in
            let value = try readNumber(text, name, example: "0.1")
            guard value > 0, value <= limit else { throw ValidationError("\(name) \(text) is out of range; give a number \(bounds)") }
            return value
        }
    }
}

extension ValueParser where Context == Void, Value == Double {
    /// A number in `range` (a picture's scale); `expected` says what to give.
    static func number(in range: ClosedRange<Double>, expected: @escaping @Sendable () -> String) -> ValueParser {
        let bounds = "\(range.lowerBound.formatted)…\(range.upperBound.formatted)"
        return ValueParser(bounds: bounds, describe: \.shortFormatted) { text, name, _ throws(ValidationError) in
            let value = try readNumber(text, name, example: "1.5")
            guard range.contains(value) else { throw ValidationError("\(name) \(text) is out of range; \(expected())") }
            return value
        }
    }
}

extension ValueParser where Context == Void, Value == String {
    /// A file's path, taken as given; the command that opens or writes it says what is wrong with it.
    static var path: ValueParser {
        ValueParser(describe: { $0 }) { text, _, _ throws(ValidationError) in text }
    }
}

/// A finite number, or the error that says why `text` is not one: a number beyond the largest
/// double (`1e999`, which `Double` reads as infinite) is called too large, not "not a number".
func readNumber(_ text: String, _ name: String, example: String) throws(ValidationError) -> Double {
    guard let value = Double(text), !value.isNaN else {
        throw ValidationError("\(name) expects a number, not '\(text)'; for example \(name) \(example)")
    }
    if value.isFinite { return value }
    if text.contains(where: \.isNumber) {
        throw ValidationError("\(name) \(text) is too large: it is beyond the largest number, about 1.8e308; for example \(name) \(example)")
    }
    throw ValidationError("\(name) expects a finite number, not '\(text)'; for example \(name) \(example)")
}

/// A whole number, or the error that says why `text` is not one and what to give (`expected`).
func readWholeNumber(_ text: String, _ name: String, expected: String) throws(ValidationError) -> Int {
    if let value = Int(text) { return value }
    let digits = text.drop { $0 == "-" || $0 == "+" }
    if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
        throw ValidationError("\(name) \(text) is far too large; \(expected)")
    }
    throw ValidationError("\(name) expects a whole number, not '\(text)'; \(expected)")
}
