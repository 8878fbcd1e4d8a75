/// A progress bar on stderr for long runs, drawn only when stderr is a terminal (the environment
/// gives a drawing function only then), only for runs long enough to need one, and at most a
/// hundred times in all.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    /// What is counted: `epochs`, `gradients`.
    private let unit: String
    private let draw: (@Sendable (String) -> Void)?
    private var shown = -1

    /// Training runs shorter than this many epochs finish too fast to need a bar.
    static let threshold = 2_000

    /// A bar for `total` of `unit`, drawn when `worthShowing` (by default: `total` of at least ``threshold``).
    init(total: Int, unit: String = "epochs", worthShowing: Bool? = nil, draw: (@Sendable (String) -> Void)?) {
        self.total = total
        self.unit = unit
        self.draw = worthShowing ?? (total >= ProgressBar.threshold) ? draw : nil
    }

    func update(_ done: Int) {
        guard let draw else { return }
        let percent = done * 100 / max(total, 1)
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        draw("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: 30 - filled)
             + "] \(percent)% (\(done)/\(total) \(unit))")
    }

    func finish() {
        guard let draw, shown >= 0 else { return }
        draw("\r" + String(repeating: " ", count: 60) + "\r")
    }
}
