/// Numbers as the quiz files write them: a plain decimal without an exponent (`0.00005`, not
/// `5e-05`), which every platform reads, to at most ``Rounding/settledDigits`` (12) significant
/// digits, so that a value computed in doubles prints as the decimal it is (`0.1025`, not
/// `0.10250000000000004`). Twelve digits move a value by at most 5e-13 of itself, a billionth of
/// the tolerance of an answer asked to three digits.
extension Quiz {
    /// `x` (finite) to 12 significant digits: `-0.1234567`, `0.00005`, `12.5`, `3`.
    static func decimal(_ x: Double) -> String {
        guard x != 0 else { return "0" }
        let (digits, exponent) = Rounding.decimalDigits(abs(x))
        return (x < 0 ? "-" : "") + plain(digits, exponent: exponent)
    }

    /// `x` (finite) rounded half up to `count` significant digits, as the feedback shows a value:
    /// `0.46499999999999997` to 3 digits is `0.465`.
    static func decimal(_ x: Double, digits count: Int) -> String {
        guard x != 0 else { return "0" }
        var (digits, exponent) = Rounding.decimalDigits(abs(x))
        if digits.count > count { (digits, exponent) = Rounding.halfUp(digits, exponent: exponent, to: count) }
        return (x < 0 ? "-" : "") + plain(digits, exponent: exponent)
    }

    /// `0.d₁d₂…dₙ × 10^exponent` written out.
    private static func plain(_ digits: [Int], exponent: Int) -> String {
        let text = digits.map(String.init).joined()
        if exponent <= 0 { return "0." + String(repeating: "0", count: -exponent) + text }
        if exponent >= digits.count { return text + String(repeating: "0", count: exponent - digits.count) }
        return String(text.prefix(exponent)) + "." + String(text.dropFirst(exponent))
    }
}
