/// Values that are one of a few names, read from and listed by the enum that holds them, so the
/// help, the parser and the error all list the same choices.
extension ValueParser where Context == Void, Value: RawRepresentable & Equatable, Value.RawValue == String {
    /// One of `cases`. The help lists them (`listed`), each with its note and the default marked;
    /// `unknown` words the error for any other text, given the text, the option and the names.
    static func choice(
        of cases: [Value], listed style: ListStyle = .natural, notes: @escaping @Sendable (Value) -> ChoiceNote? = { _ in nil },
        unknown: @escaping @Sendable (_ text: String, _ name: String, _ choices: [String]) -> String
    ) -> ValueParser where Value: Sendable {
        let names = cases.map(\.rawValue)
        return ValueParser(
            listing: { chosen in
                style.join(cases.map { choice in
                    let note = notes(choice)
                    guard choice == chosen else { return choice.rawValue + (note.map { " (\($0.text))" } ?? "") }
                    return choice.rawValue + " (default" + (note.map { $0.afterDefault } ?? "") + ")"
                })
            },
            choices: names,
            describe: \.rawValue,
            parse: { text, name, _ throws(ValidationError) in
                guard let value = Value(rawValue: text), cases.contains(value) else {
                    throw ValidationError(unknown(text, name, names))
                }
                return value
            })
    }
}

/// What the help says of one choice, in its parentheses.
enum ChoiceNote: Sendable {
    /// Something besides: `simultaneous (default, correct)`.
    case remark(String)
    /// What the choice does: `auto (default: only on a terminal, never with NO_COLOR)`.
    case meaning(String)

    var text: String {
        switch self {
        case .remark(let text), .meaning(let text): return text
        }
    }

    /// The note after the word "default" of the default choice.
    var afterDefault: String {
        switch self {
        case .remark(let text): return ", " + text
        case .meaning(let text): return ": " + text
        }
    }
}

/// How a list of choices is written.
enum ListStyle: Sendable {
    /// `a, b or c`.
    case natural
    /// `a, b, c`.
    case commas

    func join(_ items: [String]) -> String {
        switch self {
        case .commas: return items.joined(separator: ", ")
        case .natural:
            guard let last = items.last, items.count > 1 else { return items.last ?? "" }
            return items.dropLast().joined(separator: ", ") + " or " + last
        }
    }
}
