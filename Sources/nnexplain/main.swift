#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplainCLI

// SIGPIPE ignored (a reader that closes the pipe early is a quiet stop) and SIGQUIT at its default,
// not the runtime backtracer's. Everything else happens in the library, so tests can drive the
// same code in process.
prepareSignals()
exit(runProcess(arguments: Array(CommandLine.arguments.dropFirst())))
