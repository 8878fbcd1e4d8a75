#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals that end a run from outside (Ctrl-C's SIGINT, SIGTERM, a closed terminal's SIGHUP,
/// and SIGUSR1, SIGUSR2 and SIGALRM, whose default is to end the process too) and the `sigaction`
/// plumbing the handlers that clean up before exiting share (``InterruptCleanup``, the walk's raw
/// mode): the handler field is spelled differently on Linux and Darwin, stated here once.
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM]

    /// An action that runs `handler`, blocking no other signal meanwhile.
    static func action(running handler: @escaping @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        return action
    }

    /// The handler `action` names; nil is the default handling (SIG_DFL).
    static func handler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? {
        #if os(Linux)
        return action.__sigaction_handler.sa_handler
        #else
        return action.__sigaction_u.__sa_handler
        #endif
    }
}
