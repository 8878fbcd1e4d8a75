internal import _NNExplainFormat

/// How every number is printed in text, Markdown and LaTeX: at most `precision` significant digits in
/// C's `%g` style, trailing zeros dropped, `-0` as `0`; and never more digits than the number needs,
/// so a typed 0.2 prints as `0.2` even with 17 digits (not `0.20000000000000001`).
enum NumberText {
    /// Fixed or exponent form is `%g`'s choice at `precision` (exponent form from 10^precision, or
    /// below 10⁻⁴), not at the fewer digits the number needs: 1000 is `1000`, not `1e+03` as `%.1g`
    /// would write it. Such a number is a whole number below 10^precision, so `%.0f` writes it exactly.
    static func significant(_ x: Double, precision: Int) -> String {
        let value = x == 0 ? 0 : x
        let text = general(value, precision: min(precision, shortestDigits(value)))
        if let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]), exponent >= 0, exponent < precision {
            return fixed(value, decimals: 0)
        }
        return text
    }

    /// A constant of the code as prose writes it, independent of the precision: an integer without
    /// a decimal point, otherwise the shortest digits with the exponent unpadded (`10`, `1e-8`).
    static func prose(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let text = x.description
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return text[..<e] + "e" + String(exponent)
    }

    /// `value` in C's `%.*g` with `precision` significant digits (`snprintf`, through the C target
    /// `_NNExplainFormat`, which both builds share; Foundation's `String(format:)` would load all of
    /// Foundation at start-up for this one call, and Embedded Swift has no C varargs).
    static func general(_ value: Double, precision: Int) -> String {
        printed { nn_format_g($0, $1, Int32(precision), value) }
    }

    /// `value` in C's `%.*f` with `decimals` digits after the point (as ``general(_:precision:)``).
    static func fixed(_ value: Double, decimals: Int) -> String {
        printed { nn_format_f($0, $1, Int32(decimals), value) }
    }

    /// The text `write(buffer, size)` prints, `snprintf`'s contract: it returns the whole length,
    /// which, when the buffer was too short, is tried again with one long enough.
    private static func printed(_ write: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!, $0.count) }
        guard length >= 0 else { return "" }
        if Int(length) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!, $0.count) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The significant digits of the shortest decimal that reads back as `x` (Swift's description).
    static func shortestDigits(_ x: Double) -> Int {
        guard x.isFinite, x != 0 else { return 1 }
        let text = x.description
        let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? Substring(text)
        let digits = mantissa.filter { $0.isNumber }.drop { $0 == "0" }
        var count = digits.count
        if !mantissa.contains("e"), mantissa.hasSuffix(".0") { count -= 1 }  // "12.0": the ".0" is no digit
        var trimmed = Substring(digits)
        while trimmed.last == "0", trimmed.count > 1 { trimmed.removeLast() }
        return max(1, min(count, trimmed.count))
    }
}
