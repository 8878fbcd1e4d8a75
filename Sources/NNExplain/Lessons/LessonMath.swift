/// The lessons' `$…$` mathematics for a terminal: the small part of LaTeX they are written in
/// (which GitHub and KaTeX both typeset) read into ``Math`` by ``LatexReader``, then written by the
/// text renderer, so a lesson's `\partial C_0/\partial w_{12}^L` reads `∂C_0/∂w_12^L` exactly as
/// `step` prints it. The part read: `\frac`, `\tfrac`, `\partial`, `\sum`, `\ln` (and `\tanh`,
/// `\max`, `\exp`), `\text`, `\mathrm`, `\lvert…\rvert`, `\left`/`\right`, the Greek letters
/// `\delta`, `\Delta`, `\eta`, `\theta`, `\varepsilon`, `\nabla`, `\Sigma`, the operators `\cdot`,
/// `\ast`, `\times`, `\odot`, `\to`, `\leftarrow`, `\approx`, `\le`, `\ge`, `\neq`, `\in`, the spaces
/// `\quad`, `\qquad`, `\,`, `\;` and `\ldots`. A command outside it is shown as written; the lesson
/// tests check that no lesson uses one.
package enum LessonMath {
    /// The formula `latex` (without its `$`) as ``Math``.
    package static func math(_ latex: String) -> Math { LatexReader.math(latex) }

    /// The formula `latex` (without its `$`) as the text renderer writes it, without the space an
    /// operator at either end brings (`+ b_0^L`, a lone `⊙`).
    package static func text(_ latex: String) -> String {
        TextRenderer(naming: LayerNaming(depth: 1)).text(math(latex)).trimmed
    }
}
