/// The one approximate equality of the tests: `a` and `b` differ by at most `relative` times the
/// larger magnitude, or by at most `absolute` (a floor for values at or near zero, where a relative
/// error says nothing). Two exact zeros, or ±0, are always close. Each test states its tolerances
/// and why beside its call.
public func isClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    abs(a - b) <= max(relative * max(abs(a), abs(b)), absolute)
}
