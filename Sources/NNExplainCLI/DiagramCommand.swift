import NNExplain

/// `nnexplain diagram`: the network as SVG or DOT, with one weight's chain rule lit up.
func diagramCommand(_ arguments: Arguments, _ environment: Environment) throws(CLIError) -> CommandResult {
    throw .runtime("diagram is not available yet")
}
