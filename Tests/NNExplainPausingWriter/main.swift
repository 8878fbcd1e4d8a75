// `nnexplain-pausing-writer SECONDS ARGUMENTS…`: the command line exactly as the `nnexplain`
// executable runs it (the library's `run`, its streams, its signal handling and file writes), except
// that every file write pauses SECONDS after its first chunk, through the `Environment`'s
// `pauseWhileWriting`. FileSafetyTests interrupts it there with SIGTERM and SIGINT, so the product
// itself carries no test hook and reads no test variable. Built only as a test dependency.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplainCLI

prepareSignals()
var arguments = Array(CommandLine.arguments.dropFirst())
guard let seconds = arguments.first.flatMap(UInt32.init) else {
    var errors = StandardStream.error
    errors.write("usage: nnexplain-pausing-writer SECONDS ARGUMENTS…\n")
    exit(64)
}
arguments.removeFirst()
var environment = Environment.process
environment.pauseWhileWriting = { sleep(seconds) }
var output = StandardStream.output, errors = StandardStream.error
let status = run(arguments: arguments, stdout: &output, stderr: &errors, environment: environment)
output.close()
exit(status)
