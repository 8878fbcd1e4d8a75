/// The gradients of all blocks, added up in the fixed order: block 0, then block 1, … into a sum
/// that starts at zero (``Network/sumOverSamples(_:)``), whichever thread finishes first.
///
/// A thread hands in its block's buffer with ``add(_:block:)``; blocks that arrive early wait until
/// every block before them is in. Buffers are reused, and no thread starts a block more than
/// ``window`` blocks ahead of the first one not yet added (``waitForRoom(before:)``), so memory
/// stays at most `window + threads` buffers of one network's parameters, never one per block,
/// however the threads are scheduled.
final class GradientSum: @unchecked Sendable {
    /// `Σ_s ∂C_s/∂w` and `Σ_s ∂C_s/∂b` of the blocks added so far, laid out as ``PreparedLayer/offset`` says.
    let total: UnsafeMutablePointer<Double>
    private let parameters: Int
    private var next = 0
    private var waiting: [Int: UnsafeMutablePointer<Double>] = [:]
    private var free: [UnsafeMutablePointer<Double>] = []
    private var owned: [UnsafeMutablePointer<Double>] = []
    private let lock = EngineLock()
    /// How far ahead of the sum a block may start: twice the threads, so that no thread waits
    /// while the others work at an even pace.
    private(set) var window: Int

    init(parameters: Int, threads: Int) {
        self.parameters = parameters
        window = 2 * max(1, threads)
        total = .allocate(capacity: max(1, parameters))
        total.initialize(repeating: 0, count: max(1, parameters))
    }

    /// Empties the sum for another run on `threads` threads, keeping every buffer for reuse.
    /// Only between runs, when no thread holds a buffer.
    func reset(threads: Int) {
        window = 2 * max(1, threads)
        total.update(repeating: 0, count: max(1, parameters))
        next = 0
        waiting = [:]
        free = owned
    }

    deinit {
        total.deallocate()
        for buffer in owned { buffer.deallocate() }
    }

    /// A buffer for one block's gradients.
    func buffer() -> UnsafeMutablePointer<Double> {
        lock.wait()
        defer { lock.signal() }
        return take()
    }

    /// Takes block `b`'s gradients, adds every block that is now next in order, and returns an
    /// empty buffer for the caller's next block.
    func add(_ gradients: UnsafeMutablePointer<Double>, block b: Int) -> UnsafeMutablePointer<Double> {
        lock.wait()
        defer { lock.signal() }
        waiting[b] = gradients
        while let ready = waiting.removeValue(forKey: next) {
            for i in 0..<parameters { total[i] += ready[i] }
            free.append(ready)
            next += 1
        }
        return take()
    }

    /// Returns once block `b` is fewer than ``window`` blocks ahead of the next one to be added.
    /// That block is being computed by another thread, which never waits here, so this ends.
    func waitForRoom(before b: Int) {
        while true {
            lock.wait()
            let room = b < next + window
            lock.signal()
            if room { return }
            EngineThreads.pause()
        }
    }

    /// Gives back a buffer that holds no block.
    func recycle(_ buffer: UnsafeMutablePointer<Double>) {
        lock.wait()
        defer { lock.signal() }
        free.append(buffer)
    }

    /// A free buffer, or a new one, not zeroed: a pass writes all of it (call with the lock held).
    private func take() -> UnsafeMutablePointer<Double> {
        if let buffer = free.popLast() { return buffer }
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: max(1, parameters))
        owned.append(buffer)
        return buffer
    }
}

/// Hands out block numbers to threads, one at a time.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = EngineLock()

    func take(below limit: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
