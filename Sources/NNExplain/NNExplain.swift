/// The explanation library: derivations, documents, their renderers (text, Markdown, LaTeX, JSON)
/// and the diagram, built on the numeric core.
///
/// The core is re-exported, so `import NNExplain` gives a client the network, the trace, the engine
/// and the file codec as well; a client that wants only the numbers imports `NNExplainCore`.
@_exported import NNExplainCore
