#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How every number is printed in text, Markdown and LaTeX: at most `precision` significant digits in
/// C's `%g` style, trailing zeros dropped, `-0` as `0`; and never more digits than the number needs,
/// so a typed 0.2 prints as `0.2` even with 17 digits (not `0.20000000000000001`).
enum NumberText {
    /// Fixed or exponent form is `%g`'s choice at `precision` (exponent form from 10^precision, or
    /// below 10⁻⁴), not at the fewer digits the number needs: 1000 is `1000`, not `1e+03` as `%.1g`
    /// would write it. Such a number is a whole number below 10^precision, so `%.0f` writes it exactly.
    static func significant(_ x: Double, precision: Int) -> String {
        let value = x == 0 ? 0 : x
        let text = cFormat("%.*g", Int32(min(precision, shortestDigits(value))), value)
        if let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]), exponent >= 0, exponent < precision {
            return cFormat("%.0f", value)
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

    /// C's `snprintf`, for the `%g` style that every number of the text shares (Foundation's
    /// `String(format:)` would load all of Foundation at start-up for this one call).
    static func cFormat(_ format: String, _ arguments: any CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        guard length >= 0 else { return "" }
        if Int(length) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The significant digits of the shortest decimal that reads back as `x` (Swift's description).
    static func shortestDigits(_ x: Double) -> Int {
        guard x.isFinite, x != 0 else { return 1 }
        let text = x.description
        let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? Substring(text)
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        var count = digits.count
        if !mantissa.contains("e"), mantissa.hasSuffix(".0") { count -= 1 }  // "12.0": the ".0" is no digit
        var trimmed = Substring(digits)
        while trimmed.last == "0", trimmed.count > 1 { trimmed.removeLast() }
        return max(1, min(count, trimmed.count))
    }
}
