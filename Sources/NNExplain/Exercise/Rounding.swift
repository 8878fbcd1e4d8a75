#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rounding to a number of significant digits, and the rule by which a student's answer agrees with
/// the key to that rounding.
///
/// **Agreement.** With `u` the unit of the last asked digit of the key `x` (`u = 10^(e − d + 1)` for
/// `x` in `[10^e, 10^(e+1))` and `d` digits), an answer `g` agrees when `|g − x| ≤ u/2`, or when `g`
/// rounded to `d` digits is `x` rounded to `d` digits; both with a relative slack of ``slack`` for
/// the decimal-to-binary conversion of `g`. Every correctly rounded answer agrees by the first
/// rule: rounding `x` to `d` digits is `r = round(x/u) · u`, and `|x/u − round(x/u)| ≤ ½`, so
/// `|r − x| ≤ u/2` (also when `r` rounds up to the next power of ten, since `u` is taken from `x`,
/// and at a tie either way). Reading `r` from its decimal text moves it by at most `|r| · 2⁻⁵³ ≤
/// 10^d · u · 2⁻⁵³`, far below `slack · u`. The second rule accepts an answer written with more
/// digits that rounds to the key's digits although it is further than `u/2` from the key.
public struct Rounding: Sendable, Equatable {
    /// The significant digits asked for, `d ≥ 1`.
    public let digits: Int

    /// - Parameter digits: significant digits an answer is rounded to; below 1 counts as 1.
    public init(digits: Int) { self.digits = max(1, digits) }

    /// The significant digits a question asks for unless it says otherwise.
    public static let standard = Rounding(digits: 3)

    /// The relative slack of the agreement, in units `u`, for the conversion of a typed decimal.
    package static let slack = 1e-9

    /// `u`, the unit of the last asked digit of `x`; `nil` for 0, which has no significant digits.
    package func unit(of x: Double) -> Double? {
        guard x != 0, x.isFinite else { return nil }
        var e = Int(floor(log10(abs(x))))
        // log10 may be off by one next to a power of ten: settle e by comparing with 10^e exactly.
        if power(e) > abs(x) { e -= 1 } else if power(e + 1) <= abs(x) { e += 1 }
        return power(e - digits + 1)
    }

    /// `x` rounded to the asked digits, half away from zero, as a person rounds the decimal the
    /// tool prints: the digits are those of `x`'s decimal to ``settledDigits`` significant digits
    /// (``decimalDigits(_:)``), so an exact decimal tie rounds away from zero (`-0.263`) even where
    /// the double lies a hair to the near side of it (`2.675` is stored as 2.67499999…, and rounds
    /// to `2.68`; a sheet's −0.6075 computed in doubles as −0.6074999999999999 rounds to −0.608).
    /// 0 and values that are not finite stay as they are.
    package func rounded(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let (settled, power) = Rounding.decimalDigits(abs(x))
        guard settled.count > self.digits else { return x }
        let (digits, exponent) = Rounding.halfUp(settled, exponent: power, to: self.digits)
        let magnitude = Double("0." + digits.map(String.init).joined() + "e\(exponent)") ?? abs(x)
        return x < 0 ? -magnitude : magnitude
    }

    /// How many significant digits of a number's decimal the rounding reads. A sheet's answer is an
    /// exact decimal (a sum of products of two-decimal numbers) computed in doubles, whose rounding
    /// errors, a few units in the 16th digit, can put it a hair on the near side of a tie
    /// (−0.6075 as −0.6074999999999999); to 12 digits that error is gone and the tie is a tie.
    /// A value that is not a tie is moved by at most 5e-13 of itself, which changes its rounding
    /// to 3 or 4 digits only if it lies that close to a tie.
    static let settledDigits = 12

    /// The significant digits of the decimal of `x > 0` to ``settledDigits`` digits (its shortest
    /// decimal rounded half up, trailing zeros dropped) and its exponent `e`, so that `x` reads as
    /// `0.d₁d₂…dₙ × 10^e`: `0.2625` is `([2, 6, 2, 5], 0)`, `1e-05` is `([1], -4)`,
    /// `0.6074999999999999` is `([6, 0, 7, 5], 0)`.
    static func decimalDigits(_ x: Double) -> (digits: [Int], exponent: Int) {
        let (digits, exponent) = shortestDigits(x)
        return digits.count > settledDigits ? halfUp(digits, exponent: exponent, to: settledDigits) : (digits, exponent)
    }

    /// The decimal digits `0.d₁d₂…dₙ × 10^e` (`n > count`) cut to `count` digits, up by one unit
    /// when the first dropped digit is 5 or more (carrying into a new leading digit at 0.999…),
    /// trailing zeros dropped.
    static func halfUp(_ digits: [Int], exponent: Int, to count: Int) -> (digits: [Int], exponent: Int) {
        var kept = Array(digits.prefix(count)), exponent = exponent
        if digits[count] >= 5 {  // what is dropped is at least half a unit
            var i = kept.count - 1
            while i >= 0, kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept = [1] + kept.dropLast(); exponent += 1 }
        }
        while kept.last == 0 { kept.removeLast() }
        return (kept, exponent)
    }

    /// The significant digits of the shortest decimal of `x > 0` (the text that reads back as the
    /// same double) and its exponent, as ``decimalDigits(_:)`` gives them.
    static func shortestDigits(_ x: Double) -> (digits: [Int], exponent: Int) {
        let text = x.description.lowercased()
        let parts = text.split(separator: "e", maxSplits: 1)
        let power = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = mantissa[0], fraction = mantissa.count > 1 ? mantissa[1] : ""
        var digits = (whole + fraction).compactMap { $0.wholeNumberValue }
        var exponent = whole.count + power
        while digits.first == 0 { digits.removeFirst(); exponent -= 1 }
        while digits.last == 0 { digits.removeLast() }
        return (digits, exponent)
    }

    /// Whether `given` agrees with `key` to the asked digits: `|given − key| ≤ u/2`, or the same
    /// digits once both are rounded (see the type's contract). A key of 0 is agreed with only by an
    /// answer within `slack` of 0.
    package func agrees(_ given: Double, with key: Double) -> Bool {
        guard given.isFinite else { return false }
        guard let u = unit(of: key) else { return abs(given) <= Rounding.slack }
        return abs(given - key) <= u / 2 * (1 + Rounding.slack) || abs(rounded(given) - rounded(key)) <= u * Rounding.slack
    }

    /// `10^n` as exactly as a double holds it: an integer power for n ≥ 0, one division for n < 0.
    private func power(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(n) { p *= 10 }
        return n >= 0 ? p : 1 / p
    }
}
