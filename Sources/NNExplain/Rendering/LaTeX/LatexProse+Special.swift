/// What in prose is mathematics or code (``LatexProse``), found by hand rather than by the standard
/// library's `Regex`, which Embedded Swift, the WebAssembly build (Scripts/build-wasm.sh), does not
/// have; both builds run this code. It finds exactly what the regular expression
/// `\b[A-Za-z]′* = [−-]?\d+(?:\.\d+)?(?!\w)|\bL-\d+(?!\w)|\b[ijk]′*(?![\w′])|\B--[a-z][a-z-]*`
/// (simple word boundaries) matches, scanning the same way: from each position, left to right, the
/// alternatives in order, the next search after the end of a match (`ProseScannerTests` compares the
/// two on random prose). A word character (`\w`) is a letter, a number or `_`; a digit (`\d`) is a
/// number, as `Character` says.
extension LatexProse {
    /// The ranges of the special pieces of `prose`, in order, none overlapping:
    /// - `j = 1`, `L = 3`, `z = 0.5`, `i′ = 2`: a single letter, primed or not, equal to a number;
    /// - `L-1`, `L-12`: a layer label;
    /// - `i`, `j′`: an index letter;
    /// - `--name`: an option name.
    static func specialRanges(_ prose: String) -> [Range<String.Index>] {
        let text = Array(prose)
        var bounds = Array(prose.indices)
        bounds.append(prose.endIndex)
        var ranges: [Range<String.Index>] = [], p = 0
        while p < text.count {
            if let end = special(text, at: p) {
                ranges.append(bounds[p]..<bounds[end])
                p = end
            } else {
                p += 1
            }
        }
        return ranges
    }

    /// `g`, `x′`, `g(z)`: a letter, primed (`'` or `′`) or not, alone or applied to one letter.
    static func isLetterOrFunction(_ prose: String) -> Bool {
        let text = Array(prose)
        guard let first = text.first, isASCIILetter(first) else { return false }
        var i = 1
        while i < text.count, text[i] == "'" || text[i] == "′" { i += 1 }
        if i == text.count { return true }
        return i + 3 == text.count && text[i] == "(" && ("a"..."z").contains(text[i + 1]) && text[i + 1].isASCII && text[i + 2] == ")"
    }

    /// The end of the special piece that begins at `p`, trying the four kinds in order; nil when none does.
    private static func special(_ t: [Character], at p: Int) -> Int? {
        func word(_ i: Int) -> Bool { i >= 0 && i < t.count && (t[i].isLetter || t[i].isNumber || t[i] == "_") }
        func at(_ i: Int, _ c: Character) -> Bool { i < t.count && t[i] == c }
        func digits(from i: Int) -> Int { var j = i; while j < t.count, t[j].isNumber { j += 1 }; return j }
        func primes(from i: Int) -> Int { var j = i; while at(j, "′") { j += 1 }; return j }
        let boundary = word(p - 1) != word(p)
        // `x = 1`, `x′ = -2.5`: the whole digits, the fraction when no word character follows it,
        // else none when none follows the digits (backtracking gives nothing else).
        if boundary, isASCIILetter(t[p]) {
            var i = primes(from: p + 1)
            if at(i, " "), at(i + 1, "="), at(i + 2, " ") {
                i += 3
                if at(i, "−") || at(i, "-") { i += 1 }
                let whole = digits(from: i)
                if whole > i {
                    if at(whole, "."), digits(from: whole + 1) > whole + 1, !word(digits(from: whole + 1)) { return digits(from: whole + 1) }
                    if !word(whole) { return whole }
                }
            }
        }
        // `L-1`
        if boundary, at(p, "L"), at(p + 1, "-") {
            let end = digits(from: p + 2)
            if end > p + 2, !word(end) { return end }
        }
        // `i`, `j′`
        if boundary, at(p, "i") || at(p, "j") || at(p, "k") {
            let end = primes(from: p + 1)
            if !word(end), !at(end, "′") { return end }
        }
        // `--name`
        if !boundary, at(p, "-"), at(p + 1, "-"), p + 2 < t.count, isLowercaseASCII(t[p + 2]) {
            var end = p + 3
            while end < t.count, isLowercaseASCII(t[end]) || t[end] == "-" { end += 1 }
            return end
        }
        return nil
    }

    private static func isASCIILetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    private static func isLowercaseASCII(_ c: Character) -> Bool { c.isASCII && c.isLowercase }
}
