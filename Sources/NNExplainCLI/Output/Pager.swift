/// Writes pages one at a time, waiting for Enter between them when stdin is a terminal (q quits).
func page<Out: TextOutputStream>(_ pages: [String], stdout: inout Out, environment: Environment) {
    for (n, text) in pages.enumerated() {
        stdout.write(text)
        guard environment.stdinIsTerminal, n < pages.count - 1 else { continue }
        stdout.write("\n[\(n + 1)/\(pages.count)] Enter: next step, q: quit ")
        guard let answer = environment.readLine(), answer.trimmed.lowercased() != "q" else {
            stdout.write("\n")
            return
        }
    }
}
