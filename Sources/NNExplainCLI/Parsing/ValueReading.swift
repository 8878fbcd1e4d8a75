import NNExplain

// Reading option values into typed values, each with the error that names the problem and the fix.

/// A whole number, or a usage error that says why `text` is not one.
func wholeNumber(_ arguments: Arguments, _ name: String, _ text: String, expected: String) throws(CLIError) -> Int {
    if let value = Int(text) { return value }
    let digits = text.drop { $0 == "-" || $0 == "+" }
    if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
        throw arguments.usage("\(name) \(text) is far too large; \(expected)")
    }
    throw arguments.usage("\(name) expects a whole number, not '\(text)'; \(expected)")
}

/// A node index given by `name`, which must lie in `0..<range`.
func index(_ arguments: Arguments, _ name: String, range: Int, what: String) throws(CLIError) -> Int {
    let letter = name.dropFirst(2)
    guard let text = arguments.value(name) else {
        throw arguments.usage("missing \(name); say which node, e.g. \(name) 0 (\(what) has \(range) nodes)")
    }
    let expected = "\(what) has \(range) node\(range == 1 ? "" : "s"), so \(letter) must be \(range == 1 ? "0" : "0…\(range - 1)")"
    let value = try wholeNumber(arguments, name, text, expected: expected)
    guard (0..<range).contains(value) else {
        throw arguments.usage("\(name) \(text) is not a node of \(what): \(expected)")
    }
    return value
}

/// `--precision N`, 1…17 significant digits, default 9.
func precision(_ arguments: Arguments) throws(CLIError) -> Int {
    guard let text = arguments.value("--precision") else { return TextRenderer.defaultPrecision }
    let expected = "give the number of significant digits, 1…17"
    let value = try wholeNumber(arguments, "--precision", text, expected: expected)
    guard (1...17).contains(value) else {
        throw arguments.usage("--precision \(text) is out of range; \(expected)")
    }
    return value
}

/// `--learning-rate η`: a number above 0 and at most 1000; `nil` means the network's own.
func learningRate(_ arguments: Arguments) throws(CLIError) -> Double? {
    try positiveNumber(arguments, "--learning-rate", upTo: 1000)
}

/// A number option that must be finite, above 0 and at most `limit`.
func positiveNumber(_ arguments: Arguments, _ name: String, upTo limit: Double) throws(CLIError) -> Double? {
    guard let text = arguments.value(name) else { return nil }
    guard let value = Double(text), value.isFinite else {
        throw arguments.usage("\(name) expects a number, not '\(text)'; for example \(name) 0.1")
    }
    guard value > 0, value <= limit else {
        throw arguments.usage("\(name) \(text) is out of range; give a number above 0 and at most \(limit.formatted)")
    }
    return value
}

/// A whole-number option within `range`.
func count(_ arguments: Arguments, _ name: String, range: ClosedRange<Int>, required: Bool) throws(CLIError) -> Int? {
    let expected = "give a whole number \(range.lowerBound)…\(range.upperBound)"
    guard let text = arguments.value(name) else {
        if required { throw arguments.usage("missing \(name); \(expected), e.g. \(name) 100") }
        return nil
    }
    let value = try wholeNumber(arguments, name, text, expected: expected)
    guard range.contains(value) else { throw arguments.usage("\(name) \(text) is out of range; \(expected)") }
    return value
}

/// `--update-order simultaneous|output-first`, default simultaneous.
func updateOrder(_ arguments: Arguments) throws(CLIError) -> UpdateOrder {
    guard let text = arguments.value("--update-order") else { return .simultaneous }
    guard let order = UpdateOrder(rawValue: text) else {
        throw arguments.usage("unknown update order '\(text)'; use simultaneous or output-first")
    }
    return order
}

/// The file `--in-place` rewrites: the `--network FILE`, which must be given.
func inPlaceTarget(_ arguments: Arguments) throws(CLIError) -> String {
    guard let path = arguments.value("--network") else {
        throw arguments.usage("--in-place rewrites the --network FILE, so it needs one; the built-in network cannot be changed")
    }
    return path
}

extension Double {
    /// `1000`, `0.1`: a bound as people write it.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
