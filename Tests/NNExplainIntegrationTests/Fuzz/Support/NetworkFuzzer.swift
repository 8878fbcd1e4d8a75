import Foundation
import NNExplain
import NNExplainCLI
import NNExplainTestSupport
import Testing

// MARK: - Network files

struct NetworkFuzzer {
    struct Input {
        var bytes: [UInt8]
        /// Which of ``FuzzCheck/extraNetworkCommands`` also runs on it.
        var extra: Int
    }

    let seeds: [[UInt8]]

    init() {
        let read = { (name: String) in Array((try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name)))) ?? Data()) }
        seeds = [read("mazur.json"), read("deep.json"), Array(Network.standard.fileText().utf8)]
    }

    static let maximumSize = 100_000

    func generate(_ g: inout SeededGenerator) -> Input {
        var bytes: [UInt8]
        switch g.below(20) {
        case 0..<7:  // bytes of a real file, mutated
            bytes = g.pick(seeds)
            for _ in 0..<g.int(in: 1...3) { mutateBytes(&bytes, &g) }
        case 7..<15:  // a real or random network, changed as a tree, maybe then as bytes
            var tree = g.chance(0.5) ? randomNetwork(&g) : parsedSeed(&g)
            for _ in 0..<g.int(in: 1...3) { mutateTree(&tree, &g) }
            bytes = Array(tree.formatted().utf8)
            if g.chance(0.25) { mutateBytes(&bytes, &g) }
        case 15..<19:  // a random valid network, often with extreme numbers
            bytes = Array(randomNetwork(&g).formatted().utf8)
        default:  // a wide network (one in 100 cases: they are slow): rows thousands of numbers long
            bytes = Array((g.chance(0.2) ? wideNetwork(&g) : randomNetwork(&g)).formatted().utf8)
        }
        if bytes.count > NetworkFuzzer.maximumSize { bytes.removeSubrange(NetworkFuzzer.maximumSize...) }
        return Input(bytes: bytes, extra: g.below(FuzzCheck.extraNetworkCommands.count))
    }

    func parsedSeed(_ g: inout SeededGenerator) -> JSONValue {
        (try? JSONValue.parse(g.pick(seeds))) ?? .object([])
    }

    // MARK: Values

    static let doubles: [Double] = [
        0, -0.0, .leastNonzeroMagnitude, 0x1p-1063, .leastNormalMagnitude, 1e-300, 1e-10, 0.1, 0.5, -0.5, 1.5, 2, -3, 1e10, 1e16,
        9007199254740992, 36.7, 709.78, -745.2, 1e154, 1e200, 1e300, 1e308, -1e308, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude,
    ]
    static let integers = [0, 1, 2, 3, -1, -2, 7, 100, 1_000_000, Int(Int32.max) + 1, 1 << 53 + 1, Int.max, Int.min]
    static let strings = Activation.names + Loss.names + [
        "softmax", "", "SIGMOID", "Sigmoid", " sigmoid", "sigmoid ", "mse", "\u{0}", "é", "🧠", "a\nb", "\u{202E}",
        "1", "null", String(repeating: "x", count: 300), "\u{1B}[2J", "leaky_relu",
    ]
    static let keys = ["inputs", "layers", "loss", "learningRate", "updateBiases", "samples", "activation", "weights",
                       "biases", "x", "y", "Inputs", "", "comment", "inputs ", "\u{0}", "é", "\u{202E}x",
                       String(repeating: "k", count: 100)]

    func number(_ g: inout SeededGenerator) -> JSONValue {
        switch g.below(20) {
        case 0..<14: return .number(Double(g.int(in: -200...200)) / 100)
        case 14..<16: return .integer(g.int(in: -3...3))
        default: return .number(g.pick(NetworkFuzzer.doubles))
        }
    }

    func numbers(_ n: Int, _ g: inout SeededGenerator) -> JSONValue { .array((0..<n).map { _ in number(&g) }) }

    func randomValue(_ g: inout SeededGenerator) -> JSONValue {
        switch g.below(13) {
        case 0: return .null
        case 1: return .bool(g.chance(0.5))
        case 2, 3: return .string(g.pick(NetworkFuzzer.strings))
        case 4: return .integer(g.pick(NetworkFuzzer.integers))
        case 5, 6: return .number(g.pick(NetworkFuzzer.doubles))
        case 7: return .array([])
        case 8: return .object([])
        case 9: return numbers(g.int(in: 1...6), &g)
        case 10: return .array((0..<g.int(in: 1...3)).map { _ in numbers(g.int(in: 1...4), &g) })
        case 11:
            var value = number(&g)
            for _ in 0..<g.pick([2, 10, 100, 511, 512, 513]) { value = .array([value]) }
            return value
        default: return .object([("x", numbers(1, &g)), ("y", numbers(1, &g))])
        }
    }

    /// A valid network of random shape, activations and numbers (some of them extreme).
    func randomNetwork(_ g: inout SeededGenerator) -> JSONValue {
        let inputs = g.int(in: 1...5)
        var previous = inputs
        var layers: [JSONValue] = []
        for _ in 0..<g.int(in: 1...4) {
            let size = g.int(in: 1...5)
            var members: [(key: String, value: JSONValue)] = [
                ("activation", .string(g.pick(Activation.names))),
                ("weights", .array((0..<size).map { _ in numbers(previous, &g) })),
            ]
            if g.chance(0.5) { members.append(("biases", numbers(size, &g))) }
            layers.append(.object(members))
            previous = size
        }
        var top: [(key: String, value: JSONValue)] = [("inputs", .integer(inputs)), ("layers", .array(layers))]
        if g.chance(0.5) { top.append(("loss", .string(g.pick(Loss.names)))) }
        if g.chance(0.4) { top.append(("learningRate", .number(g.pick([0.5, 1e-300, 1e308, 3])))) }
        if g.chance(0.3) { top.append(("updateBiases", .bool(g.chance(0.5)))) }
        let samples = (0..<g.int(in: 1...3)).map { _ in
            JSONValue.object([("x", numbers(inputs, &g)), ("y", numbers(previous, &g))])
        }
        top.append(("samples", .array(samples)))
        return .object(top)
    }

    /// A valid network with thousands of inputs (tens of kilobytes).
    func wideNetwork(_ g: inout SeededGenerator) -> JSONValue {
        let inputs = g.pick([500, 1500, 4000])
        let rows = g.int(in: 1...2)
        let layer = JSONValue.object([
            ("activation", .string(g.pick(Activation.names))),
            ("weights", .array((0..<rows).map { _ in .array((0..<inputs).map { _ in .number(Double(g.int(in: -9...9)) / 10) }) })),
        ])
        let sample = JSONValue.object([
            ("x", .array((0..<inputs).map { _ in .integer(g.int(in: -1...1)) })),
            ("y", .array((0..<rows).map { _ in .integer(g.int(in: 0...1)) })),
        ])
        return .object([("inputs", .integer(inputs)), ("layers", .array([layer])), ("samples", .array([sample]))])
    }

    // MARK: Tree mutations

    /// The paths of every array and object in `value`, each step an element or member index.
    private func containers(_ value: JSONValue, _ path: [Int] = [], into out: inout [[Int]]) {
        switch value {
        case .array(let elements):
            out.append(path)
            for (i, e) in elements.enumerated() where !e.isScalar { containers(e, path + [i], into: &out) }
        case .object(let members):
            out.append(path)
            for (i, m) in members.enumerated() where !m.value.isScalar { containers(m.value, path + [i], into: &out) }
        default: break
        }
    }

    /// `value` with the children of the container at `path` changed by `change` (array elements
    /// have no key; an element that gains one stays an element).
    private func editing(_ value: JSONValue, at path: ArraySlice<Int>,
                         _ change: (inout [(key: String?, value: JSONValue)]) -> Void) -> JSONValue {
        switch value {
        case .array(var elements):
            if let first = path.first {
                elements[first] = editing(elements[first], at: path.dropFirst(), change)
                return .array(elements)
            }
            var list = elements.map { (key: String?.none, value: $0) }
            change(&list)
            return .array(list.map(\.value))
        case .object(var members):
            if let first = path.first {
                members[first].value = editing(members[first].value, at: path.dropFirst(), change)
                return .object(members)
            }
            var list = members.map { (key: Optional($0.key), value: $0.value) }
            change(&list)
            return .object(list.map { (key: $0.key ?? "extra", value: $0.value) })
        default:
            return value
        }
    }

    func mutateTree(_ tree: inout JSONValue, _ g: inout SeededGenerator) {
        var paths: [[Int]] = []
        containers(tree, into: &paths)
        guard !paths.isEmpty else { tree = randomValue(&g); return }
        let path = g.pick(paths)
        let operation = g.below(11)
        // Values drawn before `editing`, whose closure cannot use `g`.
        let replacement = randomValue(&g), numberValue = number(&g), key = g.pick(NetworkFuzzer.keys)
        let giant = numbers(g.pick([500, 2000, 8000]), &g), r1 = g.next(), r2 = g.next()
        tree = editing(tree, at: path[...]) { list in
            let i = list.isEmpty ? nil : Int(r1 % UInt64(list.count))
            let k = list.isEmpty ? nil : Int(r2 % UInt64(list.count))
            switch (operation, i) {
            case (0, let i?), (1, let i?): list[i].value = replacement  // type swap
            case (2, let i?): list.remove(at: i)
            case (3, let i?): list.insert(list[i], at: i + 1)  // in an object: a duplicate key
            case (4, let i?): if list[i].key != nil { list[i].key = key } else { list[i].value = numberValue }
            case (5, _): list.append((key: key, value: replacement))  // often an unknown key
            case (6, _): list.removeAll()
            case (7, let i?): list[i].value = .array([list[i].value])
            case (8, let i?):
                if case .array(let inner) = list[i].value, let first = inner.first { list[i].value = first } else { list[i].value = numberValue }
            case (9, let i?): list.swapAt(i, k!)
            case (10, let i?): list[i].value = list[i].value.isScalar ? numberValue : giant
            default: list.append((key: nil, value: numberValue))
            }
        }
    }

    // MARK: Byte mutations

    static let numberLiterals = [
        "1e308", "-1e308", "1e-320", "5e-324", "1e400", "-1e400", "0", "-0", "-0.0", "0.0", "1E+2", "1e-400", "01", "-",
        "1.", "1.e5", ".5", "+1", "1e", "1e+", "99999999999999999999", "-9223372036854775808", "9223372036854775807",
        "9223372036854775808", "2.0", "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072011e-308",
        "4.9e-324", "2.4703282292062328e-324", "NaN", "Infinity", "-Infinity", "0x10", "1_000", "１", "--1", "1e999999999999",
        "1" + String(repeating: "0", count: 400), "0." + String(repeating: "0", count: 400) + "1",
        "\"0.5\"", "[0.5]", "null", "true", "{}", "[]",
    ]
    static let stringLiterals = [
        "\"softmax\"", "\"\"", "\"SIGMOID\"", "\"sigmoid \"", "\"\\u0073igmoid\"", "\"sig\\u0000moid\"",
        "\"" + String(repeating: "long", count: 200) + "\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"", "\"\\uD83E\\uDDE0\"",
        "\"é\"", "\"e\\u0301\"", "\"\\u\"", "\"\\x41\"", "\"\\", "\"a\tb\"", "\"\u{7F}\"", "1", "null", "[\"sigmoid\"]",
    ]
    static let containerLiterals = ["[]", "[[]]", "null", "1", "{}", "[1,]", "[,1]", "[1 2]", "[1,,2]", "{\"x\":}",
                                    "{\"a\" 1}", "[\"x\"]", "[null]", "[true, false]", "{\"x\": [1], \"x\": [2]}"]
    static let tokens = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD800", "null", "true", "false", "tru", "nul", "-", "1e999",
        "\"x\": 1,", "\"inputs\": 2,", "\u{0}", "/*c*/", "//c\n", "NaN", "Infinity", "'a'", "\t", "\r\n", "\u{FEFF}",
        "\u{2028}", ",,", "[]", "{}", "\"\\u0000\"", " ", "\n\n\n", "0", "-0", "é",
    ]
    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xED, 0xA0, 0x80], [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF],
    ]

    /// Spans of tokens in JSON-ish bytes: numbers, strings, words, and balanced arrays and objects.
    struct Spans {
        var numbers: [Range<Int>] = [], strings: [Range<Int>] = [], words: [Range<Int>] = []
        var arrays: [Range<Int>] = [], objects: [Range<Int>] = []
        var values: [Range<Int>] { numbers + strings + words + arrays + objects }
    }

    static func spans(_ b: [UInt8]) -> Spans {
        var s = Spans()
        var open: [(Int, UInt8)] = []
        var i = 0
        let numberBytes = Set("0123456789.eE+-".utf8)
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                var j = i + 1
                while j < b.count, b[j] != UInt8(ascii: "\"") { j += b[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if j < b.count { s.strings.append(i..<j + 1) }
                i = j + 1
                continue
            }
            if c == UInt8(ascii: "-") || (0x30...0x39).contains(c) {
                var j = i
                while j < b.count, numberBytes.contains(b[j]) { j += 1 }
                s.numbers.append(i..<j)
                i = j
                continue
            }
            if (0x61...0x7A).contains(c | 0x20) {
                var j = i
                while j < b.count, (0x61...0x7A).contains(b[j] | 0x20) { j += 1 }
                s.words.append(i..<j)
                i = j
                continue
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { open.append((i, c)) }
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "}"), let (start, kind) = open.last {
                open.removeLast()
                if kind == UInt8(ascii: "[") && c == UInt8(ascii: "]") { s.arrays.append(start..<i + 1) }
                if kind == UInt8(ascii: "{") && c == UInt8(ascii: "}") { s.objects.append(start..<i + 1) }
            }
            i += 1
        }
        return s
    }

    func mutateBytes(_ b: inout [UInt8], _ g: inout SeededGenerator) {
        let position = g.int(in: 0...b.count)
        let index = b.isEmpty ? nil : g.below(b.count)
        switch g.below(22) {
        case 0: if let index { b[index] ^= UInt8(1) << UInt8(g.below(8)) }
        case 1: if let index { b[index] = UInt8(g.below(256)) }
        case 2: b.removeSubrange(position...)  // truncation
        case 3: if let index { b.removeSubrange(index..<min(b.count, index + g.int(in: 1...16))) }
        case 4: b.insert(contentsOf: (0..<g.int(in: 1...8)).map { _ in UInt8(g.below(256)) }, at: position)
        case 5, 6: b.insert(contentsOf: Array(g.pick(NetworkFuzzer.tokens).utf8), at: position)
        case 7:
            if let index {
                let end = min(b.count, index + g.int(in: 1...64))
                b.insert(contentsOf: b[index..<end], at: g.int(in: 0...b.count))
            }
        case 8: b.insert(contentsOf: g.pick([[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]), at: 0)
        case 9: b.insert(contentsOf: g.pick(NetworkFuzzer.invalidUTF8), at: position)
        case 10: b = [0xFF, 0xFE] + b.flatMap { [$0, 0] }  // UTF-16
        case 11, 12, 13: replace(&b, in: NetworkFuzzer.spans(b).numbers, with: g.pick(NetworkFuzzer.numberLiterals), &g)
        case 14: replace(&b, in: NetworkFuzzer.spans(b).strings, with: g.pick(NetworkFuzzer.stringLiterals), &g)
        case 15: replace(&b, in: NetworkFuzzer.spans(b).arrays, with: g.pick(NetworkFuzzer.containerLiterals), &g)
        case 16:  // type swap of any value
            replace(&b, in: NetworkFuzzer.spans(b).values,
                    with: g.pick(["\"0.5\"", "[0.5]", "null", "true", "{}", "[]", "0", "\"\"", "[[1, 2], [3, 4]]", "{\"x\": [1]}"]), &g)
        case 17:  // deep nesting in place of a value
            let depth = g.pick([50, 511, 512, 513, 2000, 10_000])
            let nested = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: g.chance(0.8) ? depth : depth / 2)
            replace(&b, in: NetworkFuzzer.spans(b).values, with: nested, &g)
        case 18:  // a duplicate key right after an object's opening brace
            let spans = NetworkFuzzer.spans(b)
            if let object = spans.objects.isEmpty ? nil : g.pick(spans.objects),
               let key = spans.strings.first(where: { $0.lowerBound > object.lowerBound && $0.upperBound < object.upperBound }) {
                var end = key.upperBound
                while end < b.count, b[end] != UInt8(ascii: ","), b[end] != UInt8(ascii: "}") { end += 1 }
                b.insert(contentsOf: Array(b[key.lowerBound..<end]) + [UInt8(ascii: ",")], at: object.lowerBound + 1)
            }
        case 19: b.removeAll { $0 == 0x20 || $0 == 0x0A }
        case 20: b = b.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        default:  // a giant row in place of an array
            let row = "[" + (0..<g.pick([1000, 5000, 12_000])).map { _ in g.pick(["0.5", "1", "-2.25", "0"]) }.joined(separator: ",") + "]"
            replace(&b, in: NetworkFuzzer.spans(b).arrays, with: row, &g)
        }
    }

    private func replace(_ b: inout [UInt8], in spans: [Range<Int>], with text: String, _ g: inout SeededGenerator) {
        guard !spans.isEmpty else { return }
        b.replaceSubrange(g.pick(spans), with: Array(text.utf8))
    }

    // MARK: Special inputs

    /// Fixed nasty files, run once: the two large deep-nesting cases, and files with nothing useful.
    static func specialInputs() -> [[UInt8]] {
        let deep = 100_000
        return [
            Array(repeating: UInt8(ascii: "["), count: deep),
            Array(String(repeating: "{\"a\":", count: deep / 5).utf8),
            Array((String(repeating: "[", count: 60_000) + String(repeating: "]", count: 60_000)).utf8),
            Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8),
            Array((String(repeating: "[", count: 513) + String(repeating: "]", count: 513)).utf8),
            [], [0xEF, 0xBB, 0xBF], Array("  \n\t\r\n".utf8), Array("null".utf8), Array("0".utf8), Array("\"\"".utf8),
            Array("[]".utf8), Array("{}".utf8), [0], Array("{\"inputs\": 1}".utf8),
        ]
    }
}
