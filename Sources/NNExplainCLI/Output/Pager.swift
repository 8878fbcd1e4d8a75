/// Shows pages one at a time when both stdin and stdout are a terminal: each page replaces the
/// previous one on the screen, under it the counter `[n/N]` and the keys (Enter, Space or → next;
/// b or ← back; q quits at once). Forward on the last page ends. Otherwise every page is written
/// in order, as one text.
func page<Out: TextOutputStream>(_ pages: [String], stdout: inout Out, environment: Environment) {
    guard let keys = environment.keys, environment.stdoutIsTerminal, pages.count > 1 else {
        for text in pages { stdout.write(text) }
        return
    }
    keys.reading { next in
        var n = 0
        while true {
            stdout.write(clearScreen + pages[n].drop { $0 == "\n" } + "\n" + prompt(n, of: pages.count))
            switch next() {
            case .forward where n < pages.count - 1: n += 1
            case .back: n = max(0, n - 1)
            case .other: continue
            case .forward, .quit, nil:
                stdout.write("\n")
                return
            }
        }
    }
}

/// Moves the cursor home and clears the screen.
let clearScreen = "\u{1B}[H\u{1B}[2J"

/// The counter and the keys under page `n` (from 0) of `count`.
func prompt(_ n: Int, of count: Int) -> String {
    "[\(n + 1)/\(count)] Enter, Space or →: next · b or ←: back · q: quit "
}
