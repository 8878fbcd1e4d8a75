import NNExplainTestSupport
import Testing
// @testable: LatexProse and the string search are internal to the library.
@testable import NNExplain

/// The hand-written prose scanner (LatexProse+Special.swift) and literal search (String+Search.swift)
/// replace the standard library's `Regex` and string processing, which the WebAssembly build lacks.
/// The oracle is what they replace: the regular expression the LaTeX prose used until now and the
/// standard library's `replacing(_:with:)` / `firstRange(of:)`, on random prose made of the
/// characters that matter (letters, the index letters, digits, primes, signs, points, spaces,
/// `=`, `_`, Greek letters, superscript digits, combining marks).
struct ProseScannerTests {
    /// The regular expression LatexProse used, with simple word boundaries.
    static var special: Regex<AnyRegexOutput> { try! Regex(#"\b[A-Za-z]′* = [−-]?\d+(?:\.\d+)?(?!\w)|\bL-\d+(?!\w)|\b[ijk]′*(?![\w′])|\B--[a-z][a-z-]*"#)
        .wordBoundaryKind(.simple) }
    static var letterOrFunction: Regex<AnyRegexOutput> { try! Regex(#"[A-Za-z]['′]*(\([a-z]\))?"#) }

    static let alphabet: [String] = ["i", "j", "k", "L", "x", "a", "z", "Q", "0", "1", "9", "′", "'", " ", " = ", "=", "−", "-", "--",
                                     ".", "_", "(", ")", "η", "²", "½", "e\u{301}", "\u{301}", "é", ",", "L-", "--avg"]

    static func prose(_ random: inout SeededGenerator) -> String {
        (0..<random.int(in: 0...12)).map { _ in random.pick(alphabet) }.joined()
    }

    @Test func theScannerFindsWhatTheRegularExpressionFound() {
        var random = SeededGenerator(seed: 20)
        let special = Self.special
        var checked = 0, found = 0
        for _ in 0..<200_000 {
            let text = Self.prose(&random)
            let expected = text.matches(of: special).map(\.range)
            #expect(LatexProse.specialRanges(text) == expected, "\(text.debugDescription)")
            checked += 1
            found += expected.count
        }
        #expect(checked == 200_000 && found > 10_000)
        for text in ["j = 1", "z = 1.5a", "x′ = −2.5.", "w = 3x", "L-12 and L-3a", "the i-th i′′ j′x k", "use --average-loss", "a--b", "ij"] {
            #expect(LatexProse.specialRanges(text) == text.matches(of: special).map(\.range), "\(text)")
        }
    }

    @Test func aLoneLetterOrFunctionIsRecognisedAsTheRegularExpressionDid() {
        var random = SeededGenerator(seed: 21)
        let letterOrFunction = Self.letterOrFunction
        let pieces = ["g", "z", "Q", "′", "'", "(", ")", "a", "B", "1", "é", " "]
        for _ in 0..<100_000 {
            let text = (0..<random.int(in: 0...6)).map { _ in random.pick(pieces) }.joined()
            #expect(LatexProse.isLetterOrFunction(text) == (text.wholeMatch(of: letterOrFunction) != nil), "\(text.debugDescription)")
        }
    }

    @Test func literalSearchAgreesWithTheStandardLibrary() {
        var random = SeededGenerator(seed: 22)
        let pieces = ["a", "b", "-", "−", "L", "{", "}", "e\u{301}", "\u{301}"]
        for _ in 0..<100_000 {
            let text = (0..<random.int(in: 0...10)).map { _ in random.pick(pieces) }.joined()
            let target = (0..<random.int(in: 1...3)).map { _ in random.pick(pieces) }.joined()
            #expect(text.replacingAll(target, with: "<>") == text.replacing(target, with: "<>"), "\(text) \(target)")
            #expect(text.rangeOfFirst(target) == text.firstRange(of: target), "\(text) \(target)")
        }
    }
}
