/// Literal search and replace, written here rather than taken from the standard library's string
/// processing (its `replacing(_:with:)` and `firstRange(of:)`), which Embedded Swift, the
/// WebAssembly build (Scripts/build-wasm.sh), does not have; both builds run this same code.
/// Matching is Character by Character, as the standard library's.
extension StringProtocol {
    /// The range of the first occurrence of `target` (not empty), scanning from the start; nil when
    /// there is none.
    func rangeOfFirst(_ target: String) -> Range<Index>? {
        guard let first = target.first else { return nil }
        var start = startIndex
        while let found = self[start...].firstIndex(of: first) {
            var i = found, j = target.startIndex
            while j < target.endIndex, i < endIndex, self[i] == target[j] {
                i = index(after: i)
                j = target.index(after: j)
            }
            if j == target.endIndex { return found..<i }
            start = index(after: found)
        }
        return nil
    }

    /// Every occurrence of `target` (not empty) replaced by `replacement`, left to right, an
    /// occurrence never overlapping the one before.
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = "", rest = self[...]
        while let range = rest.rangeOfFirst(target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
