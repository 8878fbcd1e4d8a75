#if !hasFeature(Embedded)
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#endif

// The engine's one seam between the native build, which has threads, and the WebAssembly build
// (Embedded Swift, `Scripts/build-wasm.sh`), which has none. Nothing else of the engine knows which
// build it is in, and no number depends on it: the blocks are added in block order either way.

/// A lock held around the engine's shared state. Natively a `DispatchSemaphore` of value 1; in the
/// Embedded build, with one thread, nothing.
final class EngineLock: @unchecked Sendable {
    #if !hasFeature(Embedded)
    private let semaphore = DispatchSemaphore(value: 1)
    #endif

    init() {}

    /// Takes the lock, waiting while another thread holds it.
    func wait() {
        #if !hasFeature(Embedded)
        semaphore.wait()
        #endif
    }

    /// Gives the lock back.
    func signal() {
        #if !hasFeature(Embedded)
        semaphore.signal()
        #endif
    }
}

/// How the engine runs its workers and waits between tries.
enum EngineThreads {
    /// The processors this machine has (at least 1); 1 in the Embedded build.
    static var processors: Int {
        #if hasFeature(Embedded)
        1
        #else
        max(1, ProcessInfo.processInfo.activeProcessorCount)
        #endif
    }

    /// Calls `body(0)`, …, `body(iterations - 1)`: natively at once on as many threads
    /// (`DispatchQueue.concurrentPerform`), in the Embedded build one after another.
    static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        #if hasFeature(Embedded)
        for slot in 0..<iterations { body(slot) }
        #else
        DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        #endif
    }

    /// Lets other threads run for about 20 µs (never called with one thread: nothing waits there).
    static func pause() {
        #if !hasFeature(Embedded)
        usleep(20)
        #endif
    }
}
