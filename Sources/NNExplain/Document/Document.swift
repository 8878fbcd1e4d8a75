/// An explanation as structure: sections, prose with formulas in it, chains of equations and tables.
/// It is built once from the engine's numbers (see `Explanation+*.swift`) and written by each
/// renderer in its format; a renderer adds layout, never content.
public struct Document: Sendable, Equatable {
    public let blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    public indirect enum Block: Sendable, Equatable {
        /// The opening lines: what is explained.
        case title([Inline])
        /// A sentence or two of prose.
        case paragraph([Inline])
        /// A titled section, its blocks indented under the heading in text.
        case section(heading: [Inline], blocks: [Block])
        /// Blocks indented one step further (a nested derivation).
        case nested([Block])
        /// `lhs = step = step …`; `chain` puts each step on its own line with the `=` aligned,
        /// otherwise the whole equation stays on one line.
        case equation(lhs: Math, steps: [Math], chain: Bool)
        /// Why a step is there: one or more lines of prose.
        case reason([[Inline]])
        /// Columns of formulas; `operators[c]` stands between column c and c+1 in the rows (not in
        /// the header); a nil operator is plain space.
        case table(header: [Math]?, rows: [[Math]], operators: [Math.Operator?])
        /// An empty line in text; a paragraph break elsewhere.
        case gap
    }

    /// Prose with formulas inside.
    public enum Inline: Sendable, Equatable {
        case text(String)
        case math(Math)
        /// The label of a layer as the renderer's naming writes it (`L-1` or `2`); `full` adds the
        /// other name too, `L-1 (l = 2)`.
        case layer(Int, full: Bool)
        /// A line of code as it is typed, e.g. numpy's `dW = np.outer(delta, a_prev)`.
        case code(String)
        /// A loss curve drawn in a line of prose.
        case sparkline(Sparkline)
    }
}

extension Document.Inline: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension Document.Block {
    /// A one-line equation `lhs = steps…`.
    static func line(_ lhs: Math, _ steps: Math...) -> Self { .equation(lhs: lhs, steps: steps, chain: false) }
    /// An equation with its steps one under another.
    static func chain(_ lhs: Math, _ steps: [Math]) -> Self { .equation(lhs: lhs, steps: steps, chain: true) }
}

/// Shorthands that keep explanation builders readable.
func m(_ symbol: Symbol) -> Document.Inline { .math(.of(symbol)) }
func m(_ math: Math) -> Document.Inline { .math(math) }

/// `∂C/∂a`, the loss's derivative by a node's activation, for prose about any node.
let anyNodeDCda: Document.Inline = m([.partial([.variable("C")], [.variable("a")], slashed: true)])

/// A letter standing for an index or a count in prose, `j`, `s`, `N`, as math: set like the
/// formulas beside it (italic in LaTeX, `<mi>` in MathML), not as a word of the prose.
func v(_ letter: String) -> Document.Inline { m([.variable(letter)]) }
/// `j = 2`: an index or a count with its value, as math.
func v(_ letter: String, _ value: Int) -> Document.Inline { m([.variable(letter), .op(.equals), .integer(value)]) }
/// `row j, column k`: where a matrix or table keeps an entry, its indices as math.
func rowColumn(_ row: String, _ column: String) -> [Document.Inline] { ["row ", v(row), ", column ", v(column)] }

/// The label of layer `l`, e.g. `L-1`.
func layer(_ l: Int) -> Document.Inline { .layer(l, full: false) }
