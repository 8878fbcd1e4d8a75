#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NNExplainCLI

// A reader that closes the pipe early must not kill the process: writes then fail with EPIPE,
// which `runProcess` treats as a quiet stop. Everything else happens in the library, so tests can
// drive the same code in process.
signal(SIGPIPE, SIG_IGN)
exit(runProcess(arguments: Array(CommandLine.arguments.dropFirst())))
