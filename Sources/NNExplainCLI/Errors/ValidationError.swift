/// A value that does not read: the one sentence naming the problem and the fix. A ``ValueParser``
/// throws it without knowing the command; ``Arguments/read(_:in:)`` turns it into the
/// ``CLIError/usage(_:command:)`` of the command being parsed (the swift-argument-parser idea).
struct ValidationError: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
