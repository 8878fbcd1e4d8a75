import Foundation

/// Writes explanations as plain text with Unicode math (∂, Σ, ·, −), in the notation of NOTATION.md.
///
/// A renderer only arranges numbers it is given; it never computes one. Every number is printed
/// with the same number of significant digits, so the same input gives the same bytes everywhere.
public struct TextRenderer: Sendable {
    /// How layers are labelled: `L`, `L-1`, … or `1`, `2`, ….
    public var naming: LayerNaming
    /// Significant digits of every printed number.
    public var precision: Int

    /// The default number of significant digits.
    public static let defaultPrecision = 9

    public init(naming: LayerNaming, precision: Int = TextRenderer.defaultPrecision) {
        self.naming = naming
        self.precision = precision
    }

    /// `x` with `precision` significant digits (C's `%g`), trailing zeros dropped; `-0` prints as `0`.
    public func number(_ x: Double) -> String {
        String(format: "%.*g", precision, x == 0 ? 0 : x)
    }

    /// A number as a factor after an operator: negative numbers in parentheses, `(-0.5)`.
    func operand(_ x: Double) -> String {
        let text = number(x)
        return text.hasPrefix("-") ? "(\(text))" : text
    }

    /// `x · y · z`, negative factors after the first in parentheses.
    func product(_ factors: [Double]) -> String {
        factors.enumerated().map { $0.offset == 0 ? number($0.element) : operand($0.element) }
            .joined(separator: " · ")
    }

    /// `x + y + z`, negative terms after the first in parentheses.
    func sum(_ terms: [Double]) -> String {
        terms.enumerated().map { $0.offset == 0 ? number($0.element) : operand($0.element) }
            .joined(separator: " + ")
    }

    // MARK: Symbols

    /// The text of a symbol, e.g. `∂C_0/∂w_12^L`, `a_2^(L-1)`, `g_(L-1)'(z_i^(L-1))`.
    public func text(_ symbol: Symbol) -> String {
        switch symbol {
        case .x(let k): return "x_" + index(k)
        case .y(let j): return "y_" + index(j)
        case .z(let l, let j): return "z_" + index(j) + superscript(l)
        case .a(let l, let j): return "a_" + index(j) + superscript(l)
        case .w(let l, let j, let k): return "w_" + pair(j, k) + superscript(l)
        case .b(let l, let j): return "b_" + index(j) + superscript(l)
        case .gPrime(let l, let j): return "\(activationName(l))'(\(text(.z(layer: l, j))))"
        case .loss(.sample(let s)): return "C_\(s)"
        case .loss(.anySample): return "C_s"
        case .loss(.mean): return "C"
        case .partial(let top, let bottom): return "∂\(text(top))/∂\(text(bottom))"
        }
    }

    private func index(_ i: Symbol.Index) -> String {
        switch i {
        case .number(let n): return String(n)
        case .letter(let letter): return letter
        }
    }

    /// `jk`, or `j,k` when either index is longer than one character (`w_1,12`).
    private func pair(_ j: Symbol.Index, _ k: Symbol.Index) -> String {
        let (a, b) = (index(j), index(k))
        return a.count == 1 && b.count == 1 ? a + b : a + "," + b
    }

    /// `g_L`, `g_(L-1)`: the name of layer `l`'s activation function.
    func activationName(_ l: Int) -> String { "g_" + grouped(naming.label(l)) }

    private func superscript(_ l: Int) -> String { "^" + grouped(naming.label(l)) }

    /// A label in parentheses when it is longer than one character: `L`, `(L-1)`, `(12)`.
    private func grouped(_ label: String) -> String { label.count == 1 ? label : "(\(label))" }

    // MARK: Layout

    /// An equation over several lines, the `=` signs aligned under the first:
    ///
    ///     lhs = first
    ///         = second
    func equation(_ lhs: String, _ steps: [String], indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let continuation = String(repeating: " ", count: indent + lhs.count)
        return steps.enumerated().map { offset, step in
            (offset == 0 ? pad + lhs : continuation) + " = " + step
        }
    }

    /// Rows of cells as columns, each as wide as its widest cell and right-aligned, joined by
    /// `separators` (column c and c+1 by `separators[c]`); an optional header row is joined by spaces.
    func table(header: [String]?, rows: [[String]], indent: Int, separators: [String]) -> [String] {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        let pad = String(repeating: " ", count: indent)
        return all.enumerated().map { r, row in
            var line = pad
            for (c, cell) in row.enumerated() {
                if c > 0 {
                    let separator = c - 1 < separators.count ? separators[c - 1] : "  "
                    line += header != nil && r == 0 ? String(repeating: " ", count: separator.count) : separator
                }
                line += String(repeating: " ", count: widths[c] - cell.count) + cell
            }
            return line
        }
    }
}
