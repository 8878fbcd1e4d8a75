import NNExplain

/// Runs `body`, library code: an ``ExplainedError`` it throws becomes the runtime error that
/// prints its sentence (exit code 1).
func runtime<T>(_ body: () throws -> T) throws(CLIError) -> T {
    do { return try body() } catch { throw CLIError(error) { .runtime($0) } }
}

/// Runs `body`, library code: an ``ExplainedError`` it throws becomes the usage error of the
/// command being parsed, printing its sentence (exit code 64).
func usage<T>(_ arguments: Arguments, _ body: () throws -> T) throws(CLIError) -> T {
    do { return try body() } catch { throw CLIError(error) { arguments.usage($0) } }
}

extension CLIError {
    /// `error` as it is when a ``CLIError``, else its sentence made an error by `make`.
    init(_ error: any Error, _ make: (String) -> CLIError) {
        if let error = error as? CLIError { self = error; return }
        self = make((error as? any ExplainedError)?.message ?? String(describing: error))
    }
}
