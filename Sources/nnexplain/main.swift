import Foundation
import NNExplainCLI

// Everything happens in the library, so tests can drive the same code in process.
var standardOutput = FileHandleStream(.standardOutput)
var standardError = FileHandleStream(.standardError)
exit(run(arguments: Array(CommandLine.arguments.dropFirst()), stdout: &standardOutput, stderr: &standardError,
         environment: .process))
