import Foundation
import NNExplain

// Reading option values into typed values, each with the error that names the problem and the fix.

enum OutputFormat: String {
    case text, json
}

/// `--network FILE`, or the built-in network.
func loadNetwork(_ arguments: Arguments) throws(CLIError) -> (network: Network, warnings: [String]) {
    guard let path = arguments.value("--network") else { return (Network.standard, []) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .unreadable(path: path, "no such file; check the path")
    }
    if isDirectory.boolValue { throw .unreadable(path: path, "it is a directory; give the path of a .json file") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw .unreadable(path: path, "permission denied or I/O error; check that the file is readable")
    }
    do {
        let decoded = try Network.decode(Array(data))
        return (decoded.network, decoded.warnings.map { "network file '\(path)': \($0)" })
    } catch {
        throw .badNetworkFile(path: path, error.message)
    }
}

/// `--layer SPEC`: `L`, `L-n` or `1…L`. Returns the layer and whether it was named relative to `L`.
func layer(_ arguments: Arguments, network: Network) throws(CLIError) -> (Int, relative: Bool) {
    guard let spec = arguments.value("--layer") else {
        throw arguments.usage("missing --layer; say which layer the weight is in, e.g. --layer L or --layer L-1")
    }
    let depth = network.depth
    let valid = depth == 1 ? "L or 1" : "L, L-1" + (depth > 2 ? ", …, L-\(depth - 1)" : "") + " or 1…\(depth)"
    let trimmed = spec.trimmingCharacters(in: .whitespaces)
    if let number = Int(trimmed) {
        if number == 0 {
            throw arguments.usage("layer 0 is the input layer and has no weights; --layer must be \(valid)")
        }
        guard (1...depth).contains(number) else {
            throw arguments.usage("there is no layer \(number): this network has L = \(depth), so --layer must be \(valid)")
        }
        return (number, false)
    }
    let upper = trimmed.uppercased().replacingOccurrences(of: " ", with: "")
    if upper == "L" { return (depth, true) }
    if upper.hasPrefix("L-"), let n = Int(upper.dropFirst(2)), n >= 0 {
        guard n < depth else {
            let what = n == depth ? "L-\(n) is the input layer, which has no weights" : "there is no layer L-\(n)"
            throw arguments.usage("\(what): this network has L = \(depth), so --layer must be \(valid)")
        }
        return (depth - n, true)
    }
    throw arguments.usage("'\(spec)' is not a layer; --layer must be \(valid)")
}

/// A node index given by `name`, which must lie in `0..<range`.
func index(_ arguments: Arguments, _ name: String, range: Int, what: String) throws(CLIError) -> Int {
    let letter = name.dropFirst(2)
    guard let text = arguments.value(name) else {
        throw arguments.usage("missing \(name); say which node, e.g. \(name) 0 (\(what) has \(range) nodes)")
    }
    guard let value = Int(text), (0..<range).contains(value) else {
        throw arguments.usage("\(name) \(text) is not a node of \(what): it has \(range) node\(range == 1 ? "" : "s"), "
            + "so \(letter) must be \(range == 1 ? "0" : "0…\(range - 1)")")
    }
    return value
}

/// `--sample S`, default 0.
func sample(_ arguments: Arguments, network: Network) throws(CLIError) -> Int {
    guard let text = arguments.value("--sample") else { return 0 }
    let count = network.samples.count
    guard let value = Int(text), (0..<count).contains(value) else {
        throw arguments.usage("--sample \(text) is not a sample of this network: it has \(count) sample\(count == 1 ? "" : "s"), "
            + "so --sample must be \(count == 1 ? "0" : "0…\(count - 1)")")
    }
    return value
}

/// `--precision N`, 1…17 significant digits, default 9.
func precision(_ arguments: Arguments) throws(CLIError) -> Int {
    guard let text = arguments.value("--precision") else { return TextRenderer.defaultPrecision }
    guard let value = Int(text), (1...17).contains(value) else {
        throw arguments.usage("--precision \(text) is not a number of significant digits; give a whole number 1…17")
    }
    return value
}

/// `--format text|json`, default text.
func format(_ arguments: Arguments) throws(CLIError) -> OutputFormat {
    guard let text = arguments.value("--format") else { return .text }
    guard let format = OutputFormat(rawValue: text) else {
        throw arguments.usage("unknown format '\(text)' for --format; use text or json")
    }
    return format
}
