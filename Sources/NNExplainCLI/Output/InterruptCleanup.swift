#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a temporary file when the process is interrupted (Ctrl-C's SIGINT, SIGTERM, or another of
/// ``Interruption/signals``) while ``AtomicFile`` writes it, so an interrupted write leaves neither
/// a partial file nor a changed one.
///
/// A signal handler may only call async-signal-safe functions, so the handler reads the path from a
/// static C buffer (filled before the handlers are installed), calls `unlink` and `_exit` with
/// 128 + the signal (130 for SIGINT, 143 for SIGTERM), as a shell reports a process the signal ended.
/// A signal that the process ignores, or that someone else handles, is left alone. One write is
/// registered at a time: concurrent callers (tests in one process) take turns.
enum InterruptCleanup {
    static let signals = Interruption.signals

    /// Runs `body` with `path` removed if SIGINT or SIGTERM arrives meanwhile; then restores the
    /// signals' previous handling.
    static func removing(_ path: String, during body: () throws(CLIError) -> Void) throws(CLIError) {
        pthread_mutex_lock(turn)
        defer { pthread_mutex_unlock(turn) }
        let registered = register(path)
        var previous: [sigaction] = Array(repeating: sigaction(), count: signals.count)
        var installed = [Bool](repeating: false, count: signals.count)
        if registered {
            for (n, signal) in signals.enumerated() { installed[n] = install(signal, saving: &previous[n]) }
        }
        defer {
            for (n, signal) in signals.enumerated() where installed[n] { sigaction(signal, &previous[n], nil) }
            temporaryPath[0] = 0
        }
        try body()
    }

    /// Copies `path` into the static buffer, its first byte last, so a handler sees a whole path or
    /// none; false when it does not fit (then nothing is removed on a signal).
    private static func register(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < capacity else { return false }
        temporaryPath[0] = 0
        for (n, byte) in bytes.enumerated().dropFirst() { temporaryPath[n] = CChar(bitPattern: byte) }
        temporaryPath[bytes.count] = 0
        temporaryPath[0] = CChar(bitPattern: bytes[0])
        return true
    }

    /// Installs ``removeAndExit(_:)`` for `signal` when it has its default handling, saving that.
    private static func install(_ signal: Int32, saving previous: inout sigaction) -> Bool {
        guard sigaction(signal, nil, &previous) == 0, Interruption.handler(of: previous) == nil else { return false }
        var action = Interruption.action(running: removeAndExit)
        return sigaction(signal, &action, nil) == 0
    }

    /// Room for any path the system accepts, and its terminating zero.
    fileprivate static let capacity = Int(PATH_MAX) + 1
    /// Serialises ``removing(_:during:)``.
    nonisolated(unsafe) private static let turn: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()
}

/// The path the handler removes, a C string; empty (first byte 0) when no write is under way.
nonisolated(unsafe) private let temporaryPath: UnsafeMutablePointer<CChar> = {
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: InterruptCleanup.capacity)
    buffer.initialize(repeating: 0, count: InterruptCleanup.capacity)
    return buffer
}()

/// The signal handler: only async-signal-safe calls.
private func removeAndExit(_ signal: Int32) {
    if temporaryPath[0] != 0 { unlink(temporaryPath) }
    _exit(128 + signal)
}
