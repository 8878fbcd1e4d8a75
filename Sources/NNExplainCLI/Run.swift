import NNExplain

/// Runs `nnexplain` with `arguments` (without the program name), writing to the given streams.
/// Returns the process exit code.
public func run<Out: TextOutputStream, Err: TextOutputStream>(
    arguments: [String], stdout: inout Out, stderr: inout Err
) -> Int32 {
    0
}
