#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplainCLI

// Everything happens in the library, so tests can drive the same code in process.
var standardOutput = StandardStream.output
var standardError = StandardStream.error
exit(run(arguments: Array(CommandLine.arguments.dropFirst()), stdout: &standardOutput, stderr: &standardError,
         environment: .process))
