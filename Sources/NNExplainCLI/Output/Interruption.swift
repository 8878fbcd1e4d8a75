#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signals that end a run from outside (Ctrl-C's SIGINT, SIGTERM, a closed terminal's SIGHUP,
/// Ctrl-\\'s SIGQUIT, and SIGUSR1, SIGUSR2 and SIGALRM, whose default is to end the process too)
/// and the `sigaction` plumbing the handlers that clean up before exiting share
/// (``InterruptCleanup``, the walk's raw mode): the handler field is spelled differently on Linux
/// and Darwin, stated here once.
enum Interruption {
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM]

    /// Gives SIGQUIT back its default handling (end the process, 128 + 3), unless the process
    /// ignores it. The Swift runtime's backtracer installs a handler for SIGQUIT before `main`
    /// runs, which reports a request to quit as a crash ("Program crashed: Terminated") and then
    /// lets the run go on to exit 0; with the default back, ``InterruptCleanup`` cleans up a write
    /// under way on SIGQUIT as on the other signals. Call once at startup.
    static func restoreQuit() {
        var current = sigaction()
        guard sigaction(SIGQUIT, nil, &current) == 0, !ignores(current) else { return }
        var standard = sigaction()
        sigemptyset(&standard.sa_mask)
        sigaction(SIGQUIT, &standard, nil)
    }

    /// Whether `action` ignores its signal (SIG_IGN).
    private static func ignores(_ action: sigaction) -> Bool {
        guard let handler = handler(of: action) else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1
    }

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
