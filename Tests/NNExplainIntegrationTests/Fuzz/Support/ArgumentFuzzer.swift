import Foundation
import NNExplain
// @testable: the fuzzer generates from the CLI's own command table (Command), not a copy of it.
@testable import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Argument vectors

struct ArgumentFuzzer {
    let commands = Command.all
    let paths: [String]

    init(files: FuzzFiles) { paths = files.paths }

    static let layerSpecs = ["L", "L-1", "L-2", "L-3", "L-4", "L-9", "L-0", "l", "l-1", " L - 1 ", "L-", "L--1", "L+1",
                             "L-+1", "1", "2", "3", "4", "0", "-1", "L-99999999999999999999", "L−1", "Ｌ", "LL"]
    static let numbers = ["0", "1", "2", "3", "-1", "-0", "+1", "01", "1.0", "1e3", " 1", "1 ", "0x1", "٣", "１",
                          "99999999999999999999", "-99999999999999999999", "9223372036854775807",
                          "-9223372036854775808", "9223372036854775808", "nan", "NaN", "inf", "-inf", "1e308"]
    static let junk = ["", "--", "-", "=", "==", "--=", "-=", "=L", "nan", "1e308", "é", "e\u{301}", "🧠", "🇺🇸",
                       "\u{202E}L-1", "\u{FEFF}L", "\u{0}", "\t", "\n", "a\nb", "\r", "L\r", "\u{1B}[31mred",
                       "\u{2028}", "ß", "ǅ", "ﬂ", "ı", "\u{10FFFF}", "--help=1", "-h=", "--version", "help", "json",
                       "text", "JSON", "xml", "17", "18", "--average", "--average=1", "--layer=L"]
    static let batches = ["0", "1,0", "0-1", "0-2", "2,0-1", "1-0", "0,0", "0,,1", ",", "0-", "-0", "0--1", "1-1", " 0 , 1 ", "0-99999999999999999999"]
    static let longPieces = ["a", "9", "L-", "é", "🧠", "-", "--j", "=", " "]

    var optionNames: [String] {
        var names = ["-h", "--help", "--version"]
        for command in commands { for option in command.options where !names.contains(option.name) { names.append(option.name) } }
        return names
    }

    var templates: [[String]] {
        let mazur = Fixtures.path("mazur.json"), deep = Fixtures.path("deep.json")
        return [
            ["step", "--layer", "L", "--j", "1", "--k", "2"],
            ["step", "--layer", "L-1", "--j", "2", "--k", "2", "--average"],
            ["step", "--layer", "L-2", "--j", "0", "--k", "1", "--sample", "1", "--format", "json"],
            ["step", "--network", mazur, "--layer", "1", "--j", "0", "--k", "0", "--precision", "4"],
            ["step", "--network", deep, "--layer", "L-2", "--j", "1", "--k", "3", "--average", "--format", "json"],
            ["step", "--network", deep, "--layer", "L-1", "--j", "0", "--k", "2", "--batch", "2,0"], ["update", "--batch", "1", "--format", "json"],
            ["forward", "--sample", "1"], ["forward", "--network", deep, "--sample", "2", "--precision", "17"],
            ["gradients", "--format", "json"], ["gradients", "--network", deep, "--precision", "1"],
            ["network"], ["network", "--network", mazur], ["help"], ["help", "step"], ["--help"], ["--version"],
            ["step", "--help"], [],
            ["expr", "tanh(w*x + b)", "--at", "w=0.5,x=2,b=-0.3"], ["expr", "max(a, b) / (1 + exp(-c)) - a^3", "--at", "a=1,b=2,c=0", "--check"],
            ["expr", "-x^2 + log(x)", "--at", "x=3", "--format", "json"],
        ]
    }

    func generate(_ g: inout SeededGenerator) -> [String] {
        var arguments: [String]
        switch g.below(20) {
        case 0..<3: arguments = g.pick(templates)
        case 3:  // a read-only command on one of the paths
            arguments = [g.pick(["forward", "gradients", "network", "check", "walk"]), "--network", g.pick(paths)]
        case 4..<14: arguments = plausible(g.pick(commands), &g)
        case 14..<17: arguments = (0..<g.below(9)).map { _ in token(&g) }
        default:
            let a = plausible(g.pick(commands), &g), b = g.pick(templates)
            arguments = Array(a.prefix(g.int(in: 0...a.count))) + Array(b.suffix(g.int(in: 0...b.count)))
        }
        let mutations = g.chance(0.25) ? 0 : g.int(in: 1...4)
        for _ in 0..<mutations { mutate(&arguments, &g) }
        return arguments
    }

    /// A command with a random selection of its options, mostly with sensible values.
    func plausible(_ command: Command, _ g: inout SeededGenerator) -> [String] {
        var arguments = [command.name]
        if command.options.isEmpty, g.chance(0.6) { arguments.append(g.chance(0.8) ? g.pick(commands).name : token(&g)) }
        var options = command.options
        for i in options.indices.reversed() { options.swapAt(i, g.below(i + 1)) }
        for option in options where g.chance(0.65) {
            guard option.value != nil else { arguments.append(option.name); continue }
            let value = self.value(for: option, &g)
            if g.chance(0.15) { arguments.append(option.name + "=" + value) } else { arguments += [option.name, value] }
        }
        return arguments
    }

    func value(for option: Command.Option, _ g: inout SeededGenerator) -> String {
        if g.chance(0.2) { return token(&g) }
        switch option.name {
        case "--layer": return g.pick(ArgumentFuzzer.layerSpecs)
        case "--j", "--k", "--sample": return g.chance(0.7) ? String(g.int(in: 0...3)) : g.pick(ArgumentFuzzer.numbers)
        case "--batch": return g.chance(0.7) ? g.pick(ArgumentFuzzer.batches) : g.pick(ArgumentFuzzer.numbers)
        case "--network": return g.pick(paths)
        case "--format": return g.chance(0.7) ? g.pick(["text", "json"]) : g.pick(ArgumentFuzzer.junk)
        case "--precision": return g.chance(0.7) ? String(g.int(in: 1...17)) : g.pick(ArgumentFuzzer.numbers)
        default: return option.value == "FILE" ? g.pick(paths) : token(&g)
        }
    }

    func token(_ g: inout SeededGenerator) -> String {
        switch g.below(12) {
        case 0: return g.pick(commands).name
        case 1, 2: return g.pick(optionNames)
        case 3: return g.pick(ArgumentFuzzer.layerSpecs)
        case 4, 5: return g.pick(ArgumentFuzzer.numbers)
        case 6: return g.pick(paths)
        case 7: return longString(&g)
        default: return g.pick(ArgumentFuzzer.junk)
        }
    }

    /// Long, not huge: an unknown word is compared with every candidate name by edit distance,
    /// which takes about a second for 20 000 characters in a debug build (see the report).
    func longString(_ g: inout SeededGenerator) -> String {
        String(repeating: g.pick(ArgumentFuzzer.longPieces), count: g.pick([64, 200, 500, 1500]))
    }

    func mutate(_ a: inout [String], _ g: inout SeededGenerator) {
        let at = a.isEmpty ? 0 : g.below(a.count)
        switch g.below(12) {
        case 0 where !a.isEmpty: a.remove(at: at)
        case 1 where !a.isEmpty: a.insert(a[at], at: g.below(a.count + 1))
        case 2 where a.count > 1: a.swapAt(at, g.below(a.count))
        case 3: a.insert(token(&g), at: g.below(a.count + 1))
        case 4 where !a.isEmpty: a[at] = token(&g)
        case 5 where !a.isEmpty:  // truncate at a character, or at a unicode scalar (splitting a cluster)
            if g.chance(0.5) {
                a[at] = String(a[at].prefix(g.int(in: 0...a[at].count)))
            } else {
                let scalars = a[at].unicodeScalars
                a[at] = String(String.UnicodeScalarView(scalars.prefix(g.int(in: 0...scalars.count))))
            }
        case 6 where !a.isEmpty: a[at] += token(&g)
        case 7 where at + 1 < a.count: a[at] += "=" + a.remove(at: at + 1)
        case 8 where !a.isEmpty:
            if let equals = a[at].firstIndex(of: "=") {
                let (name, value) = (String(a[at][..<equals]), String(a[at][a[at].index(after: equals)...]))
                a[at] = name
                a.insert(value, at: at + 1)
            } else {
                a[at] = g.chance(0.5) ? a[at].uppercased() : " " + a[at]
            }
        case 9 where !a.isEmpty: a[at] = longString(&g)
        case 10 where !a.isEmpty: a[at] = a[at].lowercased() + g.pick(["\0", "\n", " ", "=", "-", "é"])
        default: a.insert(g.pick(optionNames), at: g.below(a.count + 1))
        }
    }
}
