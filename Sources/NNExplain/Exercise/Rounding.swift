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

    /// `x` rounded to the asked digits (0 stays 0).
    package func rounded(_ x: Double) -> Double {
        guard let u = unit(of: x) else { return x }
        return (x / u).rounded(.toNearestOrAwayFromZero) * u
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
