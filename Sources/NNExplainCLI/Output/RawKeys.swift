#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a key asks the pager to do.
public enum PagerKey: Sendable {
    case forward, back, quit, other
}

/// Keys read one at a time, without Enter: runs `body` with a function that waits for the next
/// key (nil at the end of input), and leaves the terminal as it found it afterwards.
public struct Keys: Sendable {
    public let reading: @Sendable (_ body: (_ next: () -> PagerKey?) -> Void) -> Void

    public init(reading: @escaping @Sendable (_ body: (_ next: () -> PagerKey?) -> Void) -> Void) {
        self.reading = reading
    }

    /// Enter, Space and → go forward; b and ← back; q and Ctrl-D quit.
    static func key(_ byte: UInt8, then escape: () -> [UInt8]) -> PagerKey {
        switch byte {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " "): return .forward
        case UInt8(ascii: "b"), UInt8(ascii: "B"): return .back
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 4: return .quit
        case 0x1B:
            switch escape() {
            case [UInt8(ascii: "["), UInt8(ascii: "C")], [UInt8(ascii: "O"), UInt8(ascii: "C")]: return .forward
            case [UInt8(ascii: "["), UInt8(ascii: "D")], [UInt8(ascii: "O"), UInt8(ascii: "D")]: return .back
            default: return .other
            }
        default: return .other
        }
    }

    /// The keys of the terminal on standard input, read in raw mode (no line editing, no echo; Ctrl-C
    /// still interrupts). The terminal's settings are restored when `body` returns and, by a signal
    /// handler, when one of ``Interruption/signals`` ends the process meanwhile (exit 128 + the signal).
    static let terminal = Keys { body in
        guard tcgetattr(STDIN_FILENO, &RawMode.saved) == 0 else { return body { nil } }
        var raw = RawMode.saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        RawMode.installRestoringHandlers()
        // A parent may have blocked the signals (a blocked mask is inherited); Ctrl-C must still end the walk.
        var unblocked = sigset_t(), mask = sigset_t()
        sigemptyset(&unblocked)
        for signal in RawMode.signals { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, &mask)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer {
            tcsetattr(STDIN_FILENO, TCSADRAIN, &RawMode.saved)
            pthread_sigmask(SIG_SETMASK, &mask, nil)
            RawMode.uninstallHandlers()
        }
        body {
            guard let byte = readByte() else { return nil }
            return key(byte) { [readByte(), readByte()].compactMap { $0 } }
        }
    }

    private static func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }
}

/// The terminal settings to restore, kept where a signal handler (which may only call
/// async-signal-safe functions: `tcsetattr`, `_exit`) can reach them.
enum RawMode {
    nonisolated(unsafe) static var saved = termios()
    nonisolated(unsafe) static var previous: [sigaction] = Array(repeating: sigaction(), count: Interruption.signals.count)
    static let signals = Interruption.signals

    static func installRestoringHandlers() {
        for (n, signal) in signals.enumerated() {
            var action = Interruption.action(running: restoreAndExit)
            sigaction(signal, &action, &previous[n])
        }
    }

    static func uninstallHandlers() {
        for (n, signal) in signals.enumerated() { sigaction(signal, &previous[n], nil) }
    }
}

private func restoreAndExit(_ signal: Int32) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &RawMode.saved)
    _exit(128 + signal)
}
