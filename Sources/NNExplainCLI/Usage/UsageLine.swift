/// The usage lines: shown in each command's help and under every usage error.
extension Command {
    /// `nnexplain step --layer SPEC …`.
    var usage: String { "nnexplain \(name) \(synopsis.text)" }

    static let topUsage = "nnexplain <command> [options]"
}
