import Foundation

/// How every number is printed in text, Markdown and LaTeX: at most `precision` significant digits in
/// C's `%g` style, trailing zeros dropped, `-0` as `0`; and never more digits than the number needs,
/// so a typed 0.2 prints as `0.2` even with 17 digits (not `0.20000000000000001`).
enum NumberText {
    static func significant(_ x: Double, precision: Int) -> String {
        let value = x == 0 ? 0 : x
        return String(format: "%.*g", min(precision, shortestDigits(value)), value)
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
