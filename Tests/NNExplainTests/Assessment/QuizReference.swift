import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NNExplain
import NNExplainTestSupport
import Testing

/// What the exported quizzes are checked against, computed here without the library's trace or
/// grading: each question's value by a plain forward and backward pass of the sheet's sigmoid
/// network with the squared loss (the named levels'), and the tolerance as half a unit of the
/// third significant digit.
enum QuizReference {
    /// A roster of `count` students `s001`… with names that need escaping in XML and in GIFT.
    static func roster(_ count: Int) throws -> Roster {
        try Roster(students: (1...count).map { Roster.Student(id: String(format: "s%03d", $0), name: "Stu <\($0)> & {\"x\"}: #=~") })
    }

    static let key = "ML2026-backprop"

    /// The sheets of `roster` under ``key`` at `level`.
    static func sheets(_ roster: Roster, level: Int) throws -> [Exercise] {
        try Exercise.sheets(for: roster, courseKey: try CourseKey(key), settings: Exercise.Settings(level: level)!)
    }

    /// The value `quantity` has in `network` (sigmoid in every layer, the squared loss, η = 0.5).
    static func value(_ quantity: Quantity, in network: Network) -> Double {
        let sample = network.samples[0], L = network.layers.count
        var a = [sample.x], z: [[Double]] = []
        for layer in network.layers {
            let zs = layer.weights.indices.map { j in zip(layer.weights[j], a.last!).map { $0 * $1 }.reduce(0, +) + layer.bias(j) }
            z.append(zs)
            a.append(zs.map { 1 / (1 + exp(-$0)) })
        }
        let slope = a.map { $0.map { $0 * (1 - $0) } }  // slope[l][j] = g'(z_j^l) for l ≥ 1
        let dCdaL = zip(a[L], sample.y).map { 2 * ($0 - $1) }
        func dCda(_ l: Int) -> [Double] {
            if l == L { return dCdaL }
            let w = network.layers[L - 1].weights  // only layer L − 1 is asked for below L
            return (0..<a[l].count).map { j in w.indices.map { i in dCdaL[i] * slope[L][i] * w[i][j] }.reduce(0, +) }
        }
        func gradient(_ l: Int, _ j: Int, _ k: Int) -> Double { dCda(l)[j] * slope[l][j] * a[l - 1][k] }
        switch quantity {
        case .z(let l, let j): return z[l - 1][j]
        case .a(let l, let j): return a[l][j]
        case .loss: return zip(a[L], sample.y).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        case .dCda(let l, let j): return dCda(l)[j]
        case .gPrime(let l, let j): return slope[l][j]
        case .weightGradient(let l, let j, let k): return gradient(l, j, k)
        case .updatedWeight(let l, let j, let k): return network.layers[l - 1].weights[j][k] - 0.5 * gradient(l, j, k)
        }
    }

    /// Half a unit of the third significant digit of `x ≠ 0`.
    static func tolerance(_ x: Double) -> Double {
        var e = Int(floor(log10(abs(x))))
        if pow(10, Double(e)) > abs(x) { e -= 1 }
        return pow(10, Double(e - 2)) / 2
    }

    /// The slips whose values this test computes itself, with a phrase of the hint that names each.
    static func slips(_ quantity: Quantity, in network: Network) -> [(value: Double, phrase: String)] {
        let key = value(quantity, in: network)
        var slips = [(-key, "the sign slip")]
        switch quantity {
        case .z(let l, let j) where network.layers[l - 1].bias(j) != 0:
            slips.append((key - network.layers[l - 1].bias(j), "you left out the bias"))
        case .loss: slips.append((key / 2, "you used the half-squared loss"))
        case .updatedWeight(let l, let j, let k):
            let w = network.layers[l - 1].weights[j][k], g = (w - key) / 0.5
            slips.append((w - g, "you left out the learning rate"))
            slips.append((w + 0.5 * g, "you added η · ∂C/∂w"))
        default: break
        }
        return slips
    }

    /// `x` as a student rounds it to three significant digits, by the test's own formatting.
    static func rounded(_ x: Double) -> Double { Double(String(format: "%.3g", x))! }
}

/// An XML element as a test reads it back: name, attributes, text, children.
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLNode] = []
    init(_ name: String, _ attributes: [String: String]) { (self.name, self.attributes) = (name, attributes) }

    func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    /// Every element named `name` below this one, in document order.
    func descendants(_ name: String) -> [XMLNode] { children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) } }

    /// The document's root, parsed by Foundation's XMLParser; `nil` (and an issue) when the text is not well-formed XML.
    static func parse(_ text: String) -> XMLNode? {
        final class Builder: NSObject, XMLParserDelegate {
            var stack: [XMLNode] = [], root: XMLNode?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                let node = XMLNode(name, attributes)
                stack.last?.children.append(node)
                if root == nil { root = node }
                stack.append(node)
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
            func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        }
        let parser = XMLParser(data: Data(text.utf8)), builder = Builder()
        parser.delegate = builder
        let ok = parser.parse()
        #expect(ok, "not well-formed XML: \(String(describing: parser.parserError))")
        return ok ? builder.root : nil
    }
}
