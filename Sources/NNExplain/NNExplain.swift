/// The explanation library: every rule the command line applies and every text it prints.
///
/// - Derivations (one weight's chain rule with its numbers) and explanations as documents of prose
///   and structured `Math` (forward, step, gradients, matrix form, update, train, check, walk, nudge,
///   predict), and the renderers that write them: text, Markdown, LaTeX, beamer, MathML and the one
///   JSON layer.
/// - The pictures (diagram, decision boundary, loss plot) and the `html` page; exercise sheets and
///   their grading; the lessons' mathematics.
/// - The checks and bounds a caller runs before computing (finiteness, batches, pairings, memory,
///   work and text size), each refusal a typed error (``ExplainedError``) said once, in the
///   sentence the command line prints.
///
/// The core is re-exported, so `import NNExplain` gives a client the network, the trace, the engine
/// and the file codec as well; a client that wants only the numbers imports `NNExplainCore`.
@_exported import NNExplainCore
